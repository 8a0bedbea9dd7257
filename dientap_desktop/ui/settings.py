"""The app's settings: one typed wrapper over QSettings, each key declared once with its default."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 12
MAX_KITS = 50  # the kits whose observer's last post is remembered, the latest opened
LANGUAGES = ("vi", "en")


class Settings:
    """Recent files, language, projector screen (and what it shows), late threshold, window
    geometry, and, per kit, the post the observer's window was on and the note typed there and
    not added yet; per kit or exercise, the comment typed on a scoring sheet and not entered."""

    def __init__(self, path: str | Path | None = None):
        self._explicit = path is not None
        if path is None:
            self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                "dientap", "dientap-desktop")
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def data_folder(self) -> Path:
        """Where the program keeps files of its own (the demo exercises, automatic copies): the
        user's data folder, or beside a settings file given by path (tests, benchmarks)."""
        if self._explicit:
            return Path(self._q.fileName()).parent / "dientap-data"
        from platformdirs import user_data_path

        return user_data_path("dientap", appauthor=False)

    def _get(self, key: str, default, kind):
        return self._q.value(key, default, type=kind)

    def sync(self) -> None:
        """Write the settings to disk now."""
        self._q.sync()

    # ------------------------------------------------------------------ language
    @property
    def language(self) -> str:
        """"vi" (the default) or "en"."""
        value = self._get("ui/language", "vi", str)
        return value if value in LANGUAGES else "vi"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value if value in LANGUAGES else "vi")

    # ------------------------------------------------------------------ run view
    @property
    def late_minutes(self) -> int:
        """Exercise minutes after which a post that has not answered counts as late."""
        value = self._get("run/late_minutes", 10, int)
        return value if 1 <= value <= 240 else 10

    @late_minutes.setter
    def late_minutes(self, value: int) -> None:
        self._q.setValue("run/late_minutes", int(value))

    @property
    def projector_screen(self) -> dict:
        """The screen chosen for the projector window: its name, where it is on the desktop
        (x, y), its width and height ({} for none chosen: the last screen). Two screens of one
        name (two monitors of one model) are told apart by where they are."""
        value = self._get("projector/screen", "", str)
        if not value:
            return {}
        try:
            chosen = json.loads(value)
        except ValueError:
            chosen = None
        return chosen if isinstance(chosen, dict) else {"name": value}  # older: the name only

    @projector_screen.setter
    def projector_screen(self, value: dict) -> None:
        self._q.setValue("projector/screen", json.dumps(value, ensure_ascii=False))

    @property
    def projecting(self) -> str:
        """The exercise file the projector window shows, "" when it is not shown: still set
        after a crash or a power cut, so that the window opens again with the exercise."""
        return self._get("projector/exercise", "", str)

    @projecting.setter
    def projecting(self, value: str) -> None:
        if value != self.projecting:
            self._q.setValue("projector/exercise", value)
            self._q.sync()  # on disk before a crash can come

    @property
    def projector_full_screen(self) -> bool:
        """Whether the projector window was full screen when last shown."""
        return self._get("projector/full_screen", False, bool)

    @projector_full_screen.setter
    def projector_full_screen(self, value: bool) -> None:
        if bool(value) != self.projector_full_screen:
            self._q.setValue("projector/full_screen", bool(value))
            self._q.sync()

    @property
    def answers_hidden(self) -> bool:
        """Whether the director's screen hides the answer key and notes (mirrored projector)."""
        return self._get("run/answers_hidden", False, bool)

    @answers_hidden.setter
    def answers_hidden(self, value: bool) -> None:
        self._q.setValue("run/answers_hidden", bool(value))

    @property
    def geometry(self) -> QByteArray:
        """The main window's saved geometry (empty at first)."""
        return self._get("window/geometry", QByteArray(), QByteArray)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def splitter(self) -> QByteArray:
        """The run view's saved pane sizes."""
        return self._get("window/run_splitter", QByteArray(), QByteArray)

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._q.setValue("window/run_splitter", value)

    @property
    def last_folder(self) -> str:
        """The folder of the last file opened or saved, where file dialogs start."""
        return self._get("files/last_folder", str(Path.home()), str)

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._q.setValue("files/last_folder", value)

    # ------------------------------------------------------------------ observer's window
    def _per_kit(self, key: str) -> dict:
        """A setting kept per kit: a JSON object by the kit's path ({} when unreadable)."""
        try:
            items = json.loads(self._get(key, "{}", str))
        except ValueError:
            return {}
        return {str(k): v for k, v in items.items()} if isinstance(items, dict) else {}

    def _kit_posts(self) -> dict[str, str]:
        return {k: v for k, v in self._per_kit("observer/posts").items() if isinstance(v, str)}

    def kit_post(self, kit_path: str | Path) -> str:
        """The post the observer's window showed last on a kit ("" for none yet)."""
        return self._kit_posts().get(str(Path(kit_path).resolve()), "")

    def set_kit_post(self, kit_path: str | Path, post_id: str) -> None:
        """Remember the post the observer's window shows on a kit (for MAX_KITS kits)."""
        path = str(Path(kit_path).resolve())
        items = self._kit_posts()
        if items.get(path) == post_id:
            return
        items.pop(path, None)
        items[path] = post_id  # the latest last: the oldest go first
        items = dict(list(items.items())[-MAX_KITS:])
        self._q.setValue("observer/posts", json.dumps(items, ensure_ascii=False))

    def _kit_notes(self) -> dict[str, dict]:
        return {k: v for k, v in self._per_kit("observer/notes").items()
                if isinstance(v, dict) and isinstance(v.get("text"), str)}

    def kit_note(self, kit_path: str | Path) -> dict | None:
        """The note typed in the observer's window on a kit and not added to it (a dict with
        its text, and the kind, inject and post chosen for it), or None."""
        return self._kit_notes().get(str(Path(kit_path).resolve()))

    def set_kit_note(self, kit_path: str | Path, note: dict | None) -> None:
        """Keep on disk at once the note typed on a kit and not added (None: there is none), so
        that a crash or a power cut does not take it (for MAX_KITS kits)."""
        self._keep_per_kit("observer/notes", self._kit_notes(), kit_path, note)

    def _typed_comments(self) -> dict[str, dict]:
        return {k: v for k, v in self._per_kit("sheets/comments").items()
                if isinstance(v, dict) and all(isinstance(v.get(key), str)
                                               for key in ("post", "criterion", "text"))}

    def typed_comment(self, path: str | Path) -> dict | None:
        """The comment typed on a scoring sheet of a kit, or of an exercise (the director's
        paper sheets), and not entered: a dict with its post, criterion and text (and, in an
        exercise, its observer), or None."""
        return self._typed_comments().get(str(Path(path).resolve()))

    def set_typed_comment(self, path: str | Path, comment: dict | None) -> None:
        """Keep on disk at once the comment being typed on a sheet of a kit or an exercise
        (None: there is none), as set_kit_note keeps a note."""
        self._keep_per_kit("sheets/comments", self._typed_comments(), path, comment)

    def _keep_per_kit(self, key: str, items: dict, path: str | Path, value: dict | None) -> None:
        """Write a setting kept per file (the latest MAX_KITS files) to disk at once."""
        path = str(Path(path).resolve())
        if items.get(path) == value:
            return
        items.pop(path, None)
        if value is not None:
            items[path] = value
        items = dict(list(items.items())[-MAX_KITS:])
        self._q.setValue(key, json.dumps(items, ensure_ascii=False))
        self._q.sync()

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[dict]:
        """Recent exercise files, newest first: dicts with path, name and opened (ISO time)."""
        try:
            items = json.loads(self._get("files/recent", "[]", str))
        except ValueError:
            return []
        return [
            {"path": str(i["path"]), "name": str(i.get("name", "")),
             "opened": str(i.get("opened", ""))}
            for i in items
            if isinstance(i, dict) and i.get("path")
        ][:MAX_RECENT]

    def add_recent(self, path: str | Path, name: str) -> None:
        """Put a file at the top of the recent list."""
        path = str(Path(path).resolve())
        items = [i for i in self.recent_files() if i["path"] != path]
        opened = datetime.now(UTC).isoformat(timespec="seconds")
        items.insert(0, {"path": path, "name": name, "opened": opened})
        self._q.setValue("files/recent", json.dumps(items[:MAX_RECENT], ensure_ascii=False))

    def remove_recent(self, path: str | Path) -> None:
        """Take a file off the recent list."""
        path = str(Path(path).resolve())
        items = [i for i in self.recent_files() if i["path"] != path]
        self._q.setValue("files/recent", json.dumps(items, ensure_ascii=False))
