"""What the disk, the clock and the file system do behind the program's back: a -wal left by a
crash beside a name another file takes, a full disk, a file another program holds, automatic
copies made while the clock was wrong, an observer's laptop whose clock runs a year ahead, and a
second window through a link. Nothing is lost, and each is told for what it is."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kit_support import make_exercise

from dientap_desktop.storage import database, opening
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ExerciseFile


def status_and_counts(path: Path) -> tuple[str, int, int]:
    with ExerciseFile.open(path, readonly=True) as ex:
        counts = ex.counts()
        return ex.info.status, counts["delivered"], counts["decisions"]


def run_and_crash(path: Path, clock) -> bytes:
    """A session on the file that ends in a crash: what its -wal holds then (the file itself,
    closed here, is left as a clean close leaves it)."""
    with ExerciseFile.open(path, now=clock) as ex:
        ex.start()
        clock.advance(minutes=3)
        ex.deliver_next()
        clock.advance(minutes=2)
        ex.record_decision("th-01", "cong-an", "bao_cao", "Báo cáo Công an quận ngay")
        wal = Path(f"{path}-wal").read_bytes()
    assert wal
    return wal


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".orphan-" in p.name)


# ----------------------------------------------------------------- a -wal left by a crash


def test_a_new_exercise_never_takes_the_wal_a_deleted_one_left(
        exercise, hostage_scenario, fake_clock, tmp_path):
    path = exercise.path
    exercise.close()
    wal = run_and_crash(path, fake_clock)
    path.unlink()  # the file deleted after the crash; its -wal and -shm stay (hidden files)
    Path(f"{path}-wal").write_bytes(wal)
    Path(f"{path}-shm").write_bytes(b"\0" * 32768)

    ExerciseFile.create(path, hostage_scenario, name="Cuộc mới", now=fake_clock).close()
    assert status_and_counts(path) == ("planned", 0, 0)  # nothing of the old exercise
    [aside] = leftovers(tmp_path)
    assert aside.startswith("ex.dientap-wal.orphan-")
    assert (tmp_path / aside).read_bytes() == wal  # kept, never deleted
    assert not Path(f"{path}-shm").exists()  # an index, rebuilt from a -wal: nothing to keep


def test_a_copy_or_a_kit_never_takes_the_wal_a_deleted_file_left(exercise, fake_clock, tmp_path):
    from dientap_desktop.storage.kit import KitFile, make_kit

    path = exercise.path
    exercise.close()
    wal = run_and_crash(path, fake_clock)
    with ExerciseFile.open(path, now=fake_clock) as ex:
        for target in (tmp_path / "copy.dientap", tmp_path / "ha.dtkit"):
            Path(f"{target}-wal").write_bytes(wal)
        # the copy's name is free (only a -wal lies there): written, the -wal set aside
        ex.save_copy(tmp_path / "copy.dientap")
        make_kit(ex, "Hà", tmp_path / "ha.dtkit")
    assert status_and_counts(tmp_path / "copy.dientap") == ("running", 1, 1)
    with KitFile.open(tmp_path / "ha.dtkit", readonly=True) as kit:
        assert kit.observer == "Hà"
    assert {n.split(".orphan-")[0] for n in leftovers(tmp_path)} == {
        "copy.dientap-wal", "ha.dtkit-wal"}


def test_a_copy_put_back_by_hand_beside_the_wal_of_a_crash_is_refused_and_left_alone(
        exercise, fake_clock, tmp_path):
    """The copy (a rollback-journal file, as every copy the program makes) cannot have a -wal
    of its own: the one beside it is told, and nothing is read through it or changed."""
    path = exercise.path
    copy = exercise.save_copy(tmp_path / "copy.dientap")
    exercise.close()
    wal = run_and_crash(path, fake_clock)
    shutil.copyfile(copy, path)  # "restored" with the program closed
    Path(f"{path}-wal").write_bytes(wal)
    before = path.read_bytes()
    for readonly in (True, False):
        with pytest.raises(FileProblem) as refused:
            ExerciseFile.open(path, readonly=readonly)
        assert str(refused.value) == (
            f'{path}: "ex.dientap-wal" beside it holds changes of another file (was a copy put '
            'in its place?): close the program, move "ex.dientap-wal" and "ex.dientap-shm" to '
            "another folder, then open the file again")
    assert path.read_bytes() == before
    assert Path(f"{path}-wal").read_bytes() == wal
    os.replace(f"{path}-wal", tmp_path / "aside-wal")  # done as told: the copy opens as it was
    Path(f"{path}-shm").unlink(missing_ok=True)
    assert status_and_counts(path) == ("planned", 0, 0)


def test_a_wal_that_breaks_a_file_put_back_by_hand_is_named_and_the_file_kept(tmp_path):
    """A copy made by hand (a WAL file, like the exercise) put back beside the -wal of a later
    session: SQLite applies it and finds the mix malformed. The file alone is whole: the -wal is
    named, and the file is not changed (a connection that writes would copy the -wal into it
    when closed, for good)."""
    path = tmp_path / "ex.dientap"
    make_exercise(path).close()
    copy = tmp_path / "copy.dientap"
    shutil.copyfile(path, copy)  # the program closed: the file is whole
    conn = sqlite3.connect(path)  # a session that adds pages, closed cleanly
    conn.execute("CREATE TABLE filler (x)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(400)])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)  # the next one, cut off: its -wal stays
    conn.executemany("INSERT INTO filler VALUES (?)", [("y" * 500,) for _ in range(50)])
    conn.commit()
    wal = Path(f"{path}-wal").read_bytes()
    conn.close()
    shutil.copyfile(copy, path)
    Path(f"{path}-wal").write_bytes(wal)
    before = path.read_bytes()
    for readonly in (True, False):
        with pytest.raises(FileProblem, match='"ex.dientap-wal" beside it holds changes of '
                                              "another file"):
            ExerciseFile.open(path, readonly=readonly)
        assert path.read_bytes() == before
        assert Path(f"{path}-wal").read_bytes() == wal


def test_a_file_damaged_with_a_wal_beside_it_names_the_wal_unless_it_is_damaged_alone(
        tmp_path, monkeypatch):
    path = tmp_path / "ex.dientap"
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 4080)  # damaged by itself too
    Path(f"{path}-wal").write_bytes(b"x" * 100)
    assert str(database.damaged(str(path), "x", path)) == f"{path}: the file is damaged (x)"
    monkeypatch.setattr(database, "_whole_alone", lambda path: None)  # cannot be told
    problem = database.damaged(str(path), "database disk image is malformed", path)
    assert str(problem) == (
        f'{path}: the file is damaged (database disk image is malformed), unless '
        '"ex.dientap-wal" beside it holds changes of another file (was a copy put in its '
        'place?): close the program, move "ex.dientap-wal" and "ex.dientap-shm" to another '
        "folder, then open the file again")
    Path(f"{path}-wal").unlink()
    assert str(database.damaged(str(path), "x", path)) == f"{path}: the file is damaged (x)"


# ----------------------------------------------------------------- SQLite's errors told apart


def sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


def full_disk_error() -> sqlite3.Error:
    """A real "database or disk is full" (SQLITE_FULL), from a database allowed one page."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,) for _ in range(100)])
    except sqlite3.Error as error:
        return error
    finally:
        conn.close()
    raise AssertionError("no error")


def test_sqlite_errors_are_told_for_what_they_are(tmp_path, monkeypatch):
    path = tmp_path / "ex.dientap"
    told = {
        "full": database.sqlite_problem("ex", full_disk_error(), path),
        "io": database.sqlite_problem("ex", sqlite_error(4874, "disk I/O error"), path),
        "busy": database.sqlite_problem("ex", sqlite_error(5, "database is locked"), path),
        "cantopen": database.sqlite_problem("ex", sqlite_error(14, "unable to open database "
                                                                   "file"), path),
        "readonly": database.sqlite_problem("ex", sqlite_error(8, "attempt to write a readonly "
                                                                  "database"), path),
        "corrupt": database.sqlite_problem("ex", sqlite_error(11, "database disk image is "
                                                                  "malformed"), path),
        "notadb": database.sqlite_problem("ex", sqlite_error(26, "file is not a database"), path),
    }
    assert {k: str(v) for k, v in told.items()} == {
        "full": "ex: the disk is full (database or disk is full); make room on it, then try "
                "again",
        "io": "ex: the disk cannot be read or written (disk I/O error); check the disk or the "
              "USB stick, then try again",
        "busy": "ex: the file is in use by another program (database is locked); close it "
                "there, then try again",
        "cantopen": "ex: the file cannot be opened (unable to open database file)",
        "readonly": "ex: the file cannot be written (attempt to write a readonly database)",
        "corrupt": "ex: the file is damaged (database disk image is malformed)",
        "notadb": "ex: the file is damaged (file is not a database)",
    }
    # SQLite tells a -shm it cannot make on a full disk as an I/O error: the disk says it is full
    monkeypatch.setattr(database.shutil, "disk_usage",
                        lambda folder: shutil._ntuple_diskusage(10**9, 10**9, 0))
    assert str(database.sqlite_problem("ex", sqlite_error(4874, "disk I/O error"), path)) == (
        "ex: the disk is full (disk I/O error); make room on it, then try again")


def test_opening_on_a_full_disk_is_not_told_as_a_damaged_file(exercise, monkeypatch, capsys):
    from kit_support import run_cli

    path = exercise.path
    exercise.close()
    error = full_disk_error()

    def full(db, name, path=None, **_checks):
        raise database.sqlite_problem(name, error, path)

    monkeypatch.setattr(opening, "check_integrity", full)
    with pytest.raises(FileProblem) as raised:
        ExerciseFile.open(path)
    assert str(raised.value) == (f"{path}: the disk is full (database or disk is full); make "
                                 "room on it, then try again")

    def io_error(db, name, path=None, **_checks):
        raise sqlite_error(4874, "disk I/O error")  # as a -shm that cannot be made gives it

    monkeypatch.setattr(opening, "check_integrity", io_error)
    monkeypatch.setattr(database.shutil, "disk_usage",
                        lambda folder: shutil._ntuple_diskusage(10**9, 10**9, 0))
    for command in (["merge", path, path], ["import-scores", path, path]):
        code, _out, err = run_cli(capsys, *command)
        assert code == 1
        assert err.splitlines() == [f"{path}: the disk is full (disk I/O error); make room on "
                                    "it, then try again"]
        assert "damaged" not in err


def test_a_file_another_program_holds_is_told_as_in_use(exercise, monkeypatch):
    path = exercise.path
    exercise.close()
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE exercise SET name = name")
        with pytest.raises(sqlite3.OperationalError) as locked:  # the real error, at once
            sqlite3.connect(path, timeout=0).execute("PRAGMA quick_check").fetchall()

        def busy(db, name, path=None, **_checks):  # as the check meets it after its five seconds
            raise locked.value

        monkeypatch.setattr(opening, "check_integrity", busy)
        with pytest.raises(FileProblem) as raised:
            ExerciseFile.open(path)
    finally:
        holder.rollback()
        holder.close()
    assert str(raised.value) == (f"{path}: the file is in use by another program (database is "
                                 "locked); close it there, then try again")


def fill_the_disk(folder: Path) -> None:
    """Fill the disk `folder` is on (a small one) with a file of zeros, to the last block."""
    try:
        with open(folder / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
    except OSError:  # the disk is full
        pass


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0,
                    reason="mounts a small tmpfs: Linux, as root")
def test_a_really_full_disk_on_the_command_line(exercise, tmp_path):
    from contract_support import run

    exercise.close()
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        path = mount / "ex.dientap"
        shutil.copyfile(exercise.path, path)
        fill_the_disk(mount)
        csv = tmp_path / "s.csv"
        csv.write_text("observer,post,criterion,score\n", encoding="utf-8")
        result = run("import-scores", path, csv)
        assert result.returncode == 1
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{path}: the disk is full (") and "damaged" not in line
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


# ----------------------------------------------------------------- automatic copies


def test_a_copy_is_never_deleted_as_it_is_made_when_the_clock_was_set_back(exercise, tmp_path):
    from dientap_desktop.storage.copies import KEEP, copies_folder, keep_copy

    base = tmp_path / "data"
    ahead = datetime.now() + timedelta(hours=3)
    exercise.start()
    for n in range(KEEP):  # two hours of copies made while the clock was three hours ahead
        made = keep_copy(exercise, base, now=ahead + timedelta(minutes=10 * n))
        stamp = (ahead + timedelta(minutes=10 * n)).timestamp()
        os.utime(made, (stamp, stamp))
    exercise.deliver_next()  # the clock is set right; the exercise goes on
    newest = keep_copy(exercise, base)
    folder = copies_folder(base, exercise)
    names = sorted(p.name for p in folder.glob("*.dientap"))
    assert newest.exists() and len(names) == KEEP
    assert names[-1] == newest.name and newest.name.startswith(f"ex {KEEP + 1:04d} ")
    assert names[0].startswith("ex 0002 ")  # the oldest made went, not the newest
    conn = sqlite3.connect(newest)
    assert conn.execute("SELECT count(*) FROM deliveries").fetchone() == (1,)
    conn.close()
    # however few are kept, the one just made stays
    assert keep_copy(exercise, base, keep=1).exists()
    assert len(list(folder.glob("*.dientap"))) == 1


def test_copies_named_before_they_were_numbered_count_as_the_oldest(exercise, tmp_path):
    from dientap_desktop.storage.copies import copies_folder, keep_copy

    base = tmp_path / "data"
    folder = copies_folder(base, exercise)
    folder.mkdir(parents=True)
    old = folder / "ex 2099-01-01 10h00m00.dientap"  # an older version's name, a future time
    exercise.save_copy(old)
    made = keep_copy(exercise, base, keep=1)
    assert made.name.startswith("ex 0001 ") and not old.exists()


# ----------------------------------------------------------------- an observer's clock ahead


T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def two_laptops(tmp_path, ahead: timedelta):
    """One observer's two kits: laptop 1 (its clock `ahead`) scored at T0, laptop 2 corrected
    at T0 + 1 h; the merge is at T0 + 2 h."""
    from dientap_desktop.storage.kit import KitFile, make_kit

    path = tmp_path / "e.dientap"
    make_exercise(path).close()
    with ExerciseFile.open(path) as ex:
        one = make_kit(ex, "Đại tá A", tmp_path / "laptop1.dtkit", ["bi-thu"])
        two = make_kit(ex, "Đại tá A", tmp_path / "laptop2.dtkit", ["bi-thu"])
    with KitFile.open(one, now=lambda: T0 + ahead) as kit:
        kit.set_score("bi-thu", "xu-tri", "3")
        kit.set_score("bi-thu", "nam-tinh-hinh", "2")
    with KitFile.open(two, now=lambda: T0 + timedelta(hours=1)) as kit:
        kit.set_score("bi-thu", "xu-tri", "1.5")
    return path, one, two


def merged(path: Path, *kits: Path):
    from dientap_desktop.storage.merge import merge_kits

    with ExerciseFile.open(path, now=lambda: T0 + timedelta(hours=2)) as ex:
        results = merge_kits(ex, kits)
        scores = {(s.post_id, s.criterion_id): str(s.value) for s in ex.scores()}
    return results, scores


@pytest.mark.parametrize("order", ["laptop1 first", "laptop2 first"])
def test_a_kit_whose_clock_is_a_year_ahead_does_not_override_later_corrections(tmp_path, order):
    path, one, two = two_laptops(tmp_path, timedelta(days=365))
    kits = (one, two) if order == "laptop1 first" else (two, one)
    results, scores = merged(path, *kits)
    assert scores == {("bi-thu", "xu-tri"): "3/2", ("bi-thu", "nam-tinh-hinh"): "2"}
    result = next(r for r in results if r.path == one)
    assert result.clock_ahead == (
        ("bi-thu", "nam-tinh-hinh", "2", "2027-03-02T08:00:00.000000+00:00"),
        ("bi-thu", "xu-tri", "3", "2027-03-02T08:00:00.000000+00:00"))
    assert ("2 scores entered at a time still to come (up to 2027-03-02 08:00 UTC: the kit's "
            "clock was ahead), which never win over another entry: bi-thu/nam-tinh-hinh 2, "
            "bi-thu/xu-tri 3") in result.summary()
    other = next(r for r in results if r.path == two)
    assert other.clock_ahead == () and "still to come" not in other.summary()
    if order == "laptop2 first":  # laptop 1's stale score is the one kept out
        assert result.kept_out == (("bi-thu", "xu-tri", "3"),)
    # merging both again changes nothing
    again, scores_again = merged(path, *kits)
    assert scores_again == scores
    assert all(r.changes.added == r.changes.replaced == 0 for r in again)


def test_a_clock_hours_ahead_still_counts(tmp_path):
    # laptop 1 five hours ahead of the merge: possible (offline laptops drift, and the merging
    # one may be behind, a spare laptop without network time); its later entry wins
    path, one, two = two_laptops(tmp_path, timedelta(hours=7))
    results, scores = merged(path, two, one)
    assert scores[("bi-thu", "xu-tri")] == "3"
    assert all(r.clock_ahead == () for r in results)


# ----------------------------------------------------------------- one window per file


def test_the_lock_of_a_file_is_found_through_a_symlink_and_a_hard_link(exercise, qapp):
    from dientap_desktop.locks import FileLock

    path = exercise.path
    exercise.close()
    link = path.with_name("link.dientap")
    link.symlink_to(path.name)
    hard = path.with_name("hard.dientap")
    os.link(path, hard)
    first = FileLock(path)
    assert first.acquire()
    try:
        for other in (link, hard):
            lock = FileLock(other)
            assert not lock.acquire(), other
            assert lock.held_here()
            lock.release()
    finally:
        first.release()
    again = FileLock(hard)
    assert again.acquire()  # once let go, any of its names opens it
    again.release()


# ----------------------------------------------------------------- told in the window


def test_each_of_these_problems_is_told_in_vietnamese(qapp, tmp_path, monkeypatch):
    from dientap_desktop.app import install_translations
    from dientap_desktop.ui.problems import in_language, is_known

    path = tmp_path / "ex.dientap"
    lines = [str(database.sqlite_problem(str(path), error, path)) for error in (
        full_disk_error(), sqlite_error(10, "disk I/O error"), sqlite_error(5, "database is "
                                                                              "locked"),
        sqlite_error(8, "attempt to write a readonly database"), sqlite_error(7, "out of memory"),
        sqlite_error(23, "authorization denied"))]
    lines.append(str(database._foreign_wal(str(path), path)))
    Path(f"{path}-wal").write_bytes(b"x")
    path.write_bytes(b"")
    monkeypatch.setattr(database, "_whole_alone", lambda path: None)
    lines.append(str(database.damaged(str(path), "database disk image is malformed", path)))
    install_translations(qapp, "vi")
    try:
        told = [in_language(line) for line in lines]
    finally:
        install_translations(qapp, "en")
    assert all(is_known(line) for line in lines)
    # named by the file's name; what SQLite said is under "details", not in the line
    assert told == [f"{path.name}: {text}" for text in (
        "ổ đĩa đã đầy; hãy dọn bớt cho có chỗ trống rồi thử lại",
        "không đọc hoặc ghi được ổ đĩa; hãy kiểm tra ổ đĩa hoặc USB rồi thử lại",
        "tệp đang được một chương trình khác sử dụng; hãy đóng tệp ở chương trình đó rồi thử lại",
        "không ghi được vào tệp (attempt to write a readonly database)",
        "không đủ bộ nhớ để đọc tệp; hãy đóng bớt các chương trình khác rồi thử lại",
        "không dùng được tệp (authorization denied)",
        'tệp "ex.dientap-wal" bên cạnh chứa thay đổi của một tệp khác (có phải một bản sao đã '
        'được chép vào chỗ của tệp này?): hãy đóng chương trình, chuyển "ex.dientap-wal" và '
        '"ex.dientap-shm" sang thư mục khác rồi mở lại tệp',
        'tệp đã bị hỏng, trừ khi tệp "ex.dientap-wal" bên cạnh chứa thay đổi của một tệp khác '
        '(có phải một bản sao đã được chép vào chỗ của tệp này?): hãy đóng chương trình, chuyển '
        '"ex.dientap-wal" và "ex.dientap-shm" sang thư mục khác rồi mở lại tệp',
    )]


def test_a_file_on_a_windows_network_share_is_named_by_a_uri_sqlite_opens():
    from dientap_desktop.storage.database import file_uri

    class Share:  # what pathlib gives for \\server\share\ex.dientap on Windows
        def resolve(self):
            return self

        def as_uri(self):
            return "file://server/share/ex.dientap"

    assert file_uri(Share()) == "file:////server/share/ex.dientap"
    assert file_uri(Path("/tmp/ex.dientap")).startswith("file:///tmp/")  # local: as it was


OUTSIDE = """import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
if sys.argv[2] == "write":
    conn.execute("CREATE TABLE IF NOT EXISTS outside (x)")
    conn.commit()
print(conn.execute("SELECT name FROM exercise").fetchone()[0])
conn.close()
"""


@pytest.mark.skipif(not hasattr(os, "pread"), reason="POSIX locks: dropped by any close")
def test_another_program_closing_the_open_file_never_takes_its_wal_away(tmp_path):
    """The window reads the header of its own file (the recent list, a read-only look): its
    locks stay, so another program that writes into the file and closes it does not fold the
    -wal into the file and delete it, and what the window writes next is still seen."""
    from dientap_desktop.storage.exercise_file import file_kind

    path = tmp_path / "e.dientap"
    make_exercise(path).close()

    def outside(mode: str) -> str:
        return subprocess.run([sys.executable, "-c", OUTSIDE, str(path), mode], check=True,
                              capture_output=True, text=True).stdout.strip()

    with ExerciseFile.open(path) as window:
        window.update_info(name="Trước")
        assert file_kind(path) == "exercise" and database.looks_like_sqlite(path)
        with ExerciseFile.open(path, readonly=True) as look:
            assert look.info.name == "Trước"
        assert outside("write") == "Trước"
        assert Path(f"{path}-wal").exists()
        window.update_info(name="Sau")
        assert outside("read") == "Sau"  # the window's change is in the file's -wal
    assert not database.held_here(path)  # the descriptor kept for its header is closed too
