"""What a write killed midway left beside a file (hidden .tmp/.part files) is swept the next time
that file is written; a write still going on, and other files, are left alone."""

import os
import time

import pytest

from dientap_desktop.cli import main
from dientap_desktop.temporary import STALE_SECONDS, sweep_leftovers, write_whole

HEX = "0123456789abcdef" * 2


def _leftover(folder, name, age_seconds):
    path = folder / name
    path.write_bytes(b"half written")
    moment = time.time() - age_seconds
    os.utime(path, (moment, moment))
    return path


def test_each_kind_of_write_sweeps_what_a_killed_one_left(tmp_path, exercise):
    exercise.close()
    old = STALE_SECONDS + 60
    (tmp_path / "pdf").mkdir()
    stale = {
        "exercise": _leftover(tmp_path, f".new.dientap.{HEX}.tmp", old),
        "exercise journal": _leftover(tmp_path, f".new.dientap.{HEX}.tmp-wal", old),
        "kit": _leftover(tmp_path, f".kit.dtkit.{HEX}.tmp", old),
        "copy": _leftover(tmp_path, f".copy.dientap.{HEX}.tmp", old),
        "report": _leftover(tmp_path / "pdf", f".summary.pdf.{HEX}.part", old),
    }
    running = _leftover(tmp_path, f".kit.dtkit.{HEX[::-1]}.tmp", 5)  # another window's write
    others = [
        _leftover(tmp_path, ".kit.dtkit.notes", old),  # not a temporary name of ours
        _leftover(tmp_path, f".other.dtkit.{HEX}.tmp", old),  # another file's
    ]
    exercise_path = str(exercise.path)
    assert main(["new", exercise.scenario.id, "--out", str(tmp_path / "new.dientap")]) == 0
    post = exercise.scenario.posts[0].id
    assert main(["kit", exercise_path, "--observer", "Người đánh giá", "--posts", post,
                 "--out", str(tmp_path / "kit.dtkit")]) == 0
    assert main(["backup", exercise_path, "--out", str(tmp_path / "copy.dientap")]) == 0
    assert main(["report", exercise_path, "--out", str(tmp_path / "pdf"), "--only",
                 "summary"]) == 0
    assert [kind for kind, path in stale.items() if path.exists()] == []
    assert running.exists() and all(p.exists() for p in others)
    pdfs = sorted(p.name for p in (tmp_path / "pdf").iterdir())
    assert pdfs and not any(n.startswith(".") for n in pdfs)


def test_a_folder_that_cannot_be_listed_is_no_error(tmp_path):
    assert sweep_leftovers(tmp_path / "missing" / "x.dientap") == []


def test_a_file_written_whole_replaces_the_old_one_or_leaves_it(tmp_path):
    target = tmp_path / "kich-ban.yaml"
    target.write_text("bản cũ", encoding="utf-8")
    write_whole(target, "bản mới".encode())
    assert target.read_text(encoding="utf-8") == "bản mới"
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(OSError):  # cannot take the name: nothing half written stays
        write_whole(folder, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder", "kich-ban.yaml"]


def test_an_automatic_copy_cut_by_a_power_loss_is_swept_by_the_next_copy(exercise, tmp_path):
    """Each automatic copy has a name of its own: what a cut one left is swept folder-wide."""
    from dientap_desktop.storage.copies import copies_folder, keep_copy

    base = tmp_path / "data"
    first = keep_copy(exercise, base)
    folder = copies_folder(base, exercise)
    cut = _leftover(folder, f".{first.stem[:-2]}99.dientap.{HEX}.tmp", STALE_SECONDS + 60)
    journal = _leftover(folder, f".{first.name}.{HEX}.tmp-journal", STALE_SECONDS + 60)
    fresh = _leftover(folder, f".khac.dientap.{HEX[::-1]}.tmp", 5)  # a copy being made now
    second = keep_copy(exercise, base)
    assert second.exists() and not cut.exists() and not journal.exists() and fresh.exists()
