"""A process killed in the middle of an import leaves the exercise file intact, with all or none."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from dientap_desktop.storage.exercise_file import ExerciseFile


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_during_import_scores_leaves_all_or_none(tmp_path, hostage_scenario):
    out = tmp_path / "ex.dientap"
    ExerciseFile.create(out, hostage_scenario, name="Thử").close()
    lines = ["observer,post,criterion,score"]
    for n in range(400):
        for post in hostage_scenario.posts:
            for criterion in hostage_scenario.criteria_for(post.id):
                lines.append(f"Người đánh giá {n},{post.id},{criterion.id},{criterion.max}")
    csv_path = tmp_path / "big.csv"
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = len(lines) - 1
    outcomes = set()
    for delay in (0.4, 0.8, 1.2, 1.6, 2.4):
        process = subprocess.Popen(
            [sys.executable, "-m", "dientap_desktop", "import-scores", str(out), str(csv_path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        conn = sqlite3.connect(out)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM scores").fetchone()[0]
        conn.close()
        assert count in (0, rows)
        outcomes.add(count)
        if count == rows:
            break
    with ExerciseFile.open(out) as reopened:
        assert len(reopened.scores()) in (0, rows)
    assert 0 in outcomes  # at least one kill landed before the commit
