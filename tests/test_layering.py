"""The arrows point one way: domain, storage and reports never load Qt."""

import pkgutil
import subprocess
import sys

import dientap_desktop


def test_domain_storage_reports_do_not_import_qt():
    names = [
        m.name
        for m in pkgutil.walk_packages(dientap_desktop.__path__, "dientap_desktop.")
        if m.name.split(".")[1] in ("domain", "storage", "reports")
    ]
    assert any(".domain." in n for n in names) and any(".storage." in n for n in names)
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_module_opens_with_a_one_line_role():
    missing = []
    for m in pkgutil.walk_packages(dientap_desktop.__path__, "dientap_desktop."):
        if m.name.endswith("__main__"):
            continue
        module = __import__(m.name, fromlist=["_"])
        if not (module.__doc__ or "").strip():
            missing.append(m.name)
    assert missing == []
