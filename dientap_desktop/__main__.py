"""Entry point for `python -m dientap_desktop` and the frozen build."""

from dientap_desktop.cli import main

raise SystemExit(main())
