#!/usr/bin/env bash
# Build the one-folder program dist/dientap/ with PyInstaller (Linux; on Windows run the
# same two commands in PowerShell: `.venv\Scripts\pip install -e .[build]` then
# `.venv\Scripts\pyinstaller --noconfirm build.spec`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[build]'
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
echo "built: dist/dientap/ ($(du -sh dist/dientap | cut -f1))"
