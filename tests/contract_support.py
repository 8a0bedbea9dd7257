"""Black-box helpers for the contract tests: run the real `dientap` command, read files by SQL."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

# A problem line: "file:line: what" (path and message after the line number).
LINE_FORM = re.compile(r"^.+:\d+: \S.*$")


def _command(args, prefix=()) -> list[str]:
    return [*prefix, sys.executable, "-m", "dientap_desktop", *map(str, args)]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DIENTAP_DEBUG", None)
    return env


def run(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command in its own process, as a user or a script runs it."""
    result = subprocess.run(_command(args), capture_output=True, text=True, encoding="utf-8",
                            timeout=120, cwd=cwd, env=_env())
    assert_no_traceback(result)
    return result


def run_many(calls, cwd: Path | None = None, width: int = 4,
             prefix=()) -> list[subprocess.CompletedProcess]:
    """Independent commands run side by side (to keep the suite fast); results in call order.

    `prefix` goes before the command (e.g. to run it as another user)."""
    calls = [list(c) for c in calls]
    results: list[subprocess.CompletedProcess] = []
    for start in range(0, len(calls), width):
        batch = [
            (args, subprocess.Popen(_command(args, prefix), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                    cwd=cwd, env=_env()))
            for args in calls[start:start + width]
        ]
        for args, process in batch:
            out, err = process.communicate(timeout=120)
            result = subprocess.CompletedProcess(args, process.returncode, out, err)
            assert_no_traceback(result)
            results.append(result)
    return results


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    """Never a Python traceback, nor the catch-all line that stands for one."""
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream
        assert "unexpected error" not in stream, stream


def refused(result: subprocess.CompletedProcess, *needles: str) -> list[str]:
    """Exit 1 with plain lines on stderr containing each needle; the lines."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert lines and all(line.strip() for line in lines), result.stderr
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)
    return lines


def usage_error(result: subprocess.CompletedProcess) -> None:
    """Exit 2 with a message."""
    assert result.returncode == 2, (result.args, result.returncode, result.stderr)
    assert result.stderr.strip()


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of an SQLite file (WAL included), sorted, by table name."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        data = {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
        data["pragma"] = [
            conn.execute("PRAGMA user_version").fetchone(),
            conn.execute("PRAGMA application_id").fetchone(),
        ]
    conn.close()
    return data
