"""Creating an exercise (scenario, name, place, date, roster, file) and editing it later."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.clock import VIETNAM
from dientap_desktop.domain.records import Person
from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.text import ascii_name, nfc
from dientap_desktop.temporary import write_whole
from dientap_desktop.ui import dialogs, labels
from dientap_desktop.ui.errors import details_of, with_reason
from dientap_desktop.ui.models import RosterModel
from dientap_desktop.ui.problems import in_language
from dientap_desktop.ui.widgets import DateEdit, heading, table_view

SCENARIO_FILTER = "*.yaml *.yml"
# the box under the scenario: a file that cannot be used (red), or one to check (amber)
BROKEN_STYLE = "color: #7f1d1d; background: #fdecec;"
CHECK_STYLE = "color: #6b4a00; background: #fff1c2;"


def file_stem(name: str) -> str:
    """A file name from an exercise name: no diacritics, no spaces, short."""
    return ascii_name(name, "dien-tap")


class DetailsForm(QWidget):
    """Name, place, date, issuing body (and the body above it), signer and roster of an
    exercise."""

    def __init__(self, parent: QWidget | None = None, *, new: bool = True):
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Combat-defence exercise of Hòa Bình ward, 2025"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. Hòa Bình ward"))
        today = datetime.now(VIETNAM).date()  # Vietnam's day, whatever the laptop's zone
        self.day = DateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.superior = QLineEdit()
        self.superior.setPlaceholderText(self.tr("printed above the issuing body, e.g. Ủy ban "
                                                 "nhân dân phường Hòa Bình (empty if none)"))
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("printed top left of the documents, e.g. "
                                               "BAN CHỈ ĐẠO DIỄN TẬP"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("&Date:"), self.day)
        form.addRow(self.tr("S&uperior body:"), self.superior)
        form.addRow(self.tr("&Issuing body:"), self.issuer)
        self.signer = QLineEdit()
        self.signer.setPlaceholderText(self.tr("full name printed under the signature of the "
                                               "issuing body, e.g. Nguyễn Văn A"))
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText(self.tr("e.g. Phó Chủ tịch (empty: the head "
                                                     "signs)"))
        self.signer_title.setToolTip(self.tr(
            "The signer's own title when it is not the head's: a deputy (\"Phó ...\") signs "
            "\"KT.\" for the head, an acting head (\"Quyền ...\") signs \"Q.\""))
        signed = QHBoxLayout()
        signed.addWidget(self.signer, 1)
        title_label = QLabel(self.tr("Signer's &title:"))
        title_label.setBuddy(self.signer_title)
        signed.addWidget(title_label)
        signed.addWidget(self.signer_title, 1)
        signed_label = QLabel(self.tr("&Signed by:"))
        signed_label.setBuddy(self.signer)
        form.addRow(signed_label, signed)
        self.roster = RosterModel({}, [], self)
        self.roster_view = table_view(self.roster, stretch=RosterModel.NAME, select_rows=False,
                                      form=True)
        self.roster_view.setEditTriggers(self.roster_view.EditTrigger.AllEditTriggers)
        self.roster_view.horizontalHeader().setSectionResizeMode(
            RosterModel.POST, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(heading(self.tr("Roster: who plays each post"), 1.1))
        hint = QLabel(self.tr("Type in the cells; Tab moves to the next one. You can change this "
                              "later (Exercise ▸ Exercise details and roster).") if new else
                      self.tr("Type in the cells; Tab moves to the next one."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.roster_view, 1)

    def set_roster(self, scenario: Scenario, people: dict[str, Person]) -> None:
        """Show the posts of a scenario with who plays them."""
        titles = {p.id: p.title for p in scenario.posts}
        rows = [people.get(p.id) or Person(p.id, unit=p.unit or "") for p in scenario.posts]
        self.roster = RosterModel(titles, rows, self)
        self.roster_view.setModel(self.roster)
        self.roster_view.resizeColumnToContents(RosterModel.POST)
        unit = self.roster_view.sizeHintForColumn(RosterModel.UNIT) + 12
        self.roster_view.setColumnWidth(RosterModel.UNIT, max(unit, 120))

    def details(self) -> dict[str, str | date]:
        """The exercise's name, place, date (`day`), issuer, the body above it and signer (and
        their title) as typed: the keyword arguments of ExerciseFile.create and update_info."""
        return {"name": self.name.text(), "place": self.place.text(),
                "day": self.day.date().toPython(), "issuer": self.issuer.text(),
                "superior": self.superior.text(), "signer": self.signer.text(),
                "signer_title": self.signer_title.text()}

    def show_details(self, info) -> None:
        """Fill the fields from an exercise's ExerciseInfo."""
        self.name.setText(info.name)
        self.place.setText(info.place)
        if info.date:
            self.day.setDate(QDate(info.date.year, info.date.month, info.date.day))
        self.superior.setText(info.superior)
        self.issuer.setText(info.issuer)
        self.signer.setText(info.signer)
        self.signer_title.setText(info.signer_title)

    def typed(self) -> tuple:
        """Everything the form holds, to tell whether it was changed."""
        return tuple(self.details().values()), tuple(self.people())

    def people(self) -> list[Person]:
        """The roster as typed (a cell still being edited included)."""
        editor = QApplication.focusWidget()
        if editor is not None and self.roster_view.viewport().isAncestorOf(editor):
            self.roster_view.commitData(editor)
        return self.roster.people()


class NewExerciseDialog(QDialog):
    """Make a new exercise file from a built-in scenario or a scenario file."""

    def __init__(self, settings, parent: QWidget | None = None, scenario=None):
        super().__init__(parent)
        self.settings = settings
        self.created = None
        self.scenario: Scenario | None = None
        self.setWindowTitle(self.tr("New exercise"))
        self.resize(900, 680)

        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._choose)
        from_file = QPushButton(self.tr("From a scenario &file…"))
        from_file.clicked.connect(self.load_file)
        self.copy_button = QPushButton(self.tr("Save a copy to &edit…"))
        self.copy_button.setToolTip(self.tr(
            "The place names and people of the built-in scenarios are made up: save a copy, "
            "change it in a text editor, then load it with “From a scenario file…”"))
        self.copy_button.clicked.connect(self.save_scenario_copy)
        chooser = QHBoxLayout()
        chooser.addWidget(self.choice, 1)
        chooser.addWidget(from_file)
        chooser.addWidget(self.copy_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setStyleSheet(BROKEN_STYLE)
        self.problems.hide()
        self.form = DetailsForm()
        self.path = QLineEdit()  # typed (Enter creates) or chosen with the button
        self.path.setToolTip(self.tr(
            "Where the exercise file is written: type its folder and name (a name alone goes "
            "in the folder shown; .dientap is added), or choose them with Change…"))
        self.path.textEdited.connect(self._path_edited)
        change = QPushButton(self.tr("&Change…"))
        change.clicked.connect(self._choose_path)
        where = QHBoxLayout()
        path_label = QLabel(self.tr("Sa&ved as:"))
        path_label.setBuddy(self.path)
        where.addWidget(path_label)
        where.addWidget(self.path, 1)
        where.addWidget(change)
        # in the dialog now, so that the default button is known to it: Enter creates
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(self.tr("Create and &open"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.form.name.textChanged.connect(self._name_edited)

        layout = QVBoxLayout(self)
        scenario_heading = heading(self.tr("Scen&ario"))
        scenario_heading.setBuddy(self.choice)
        layout.addWidget(scenario_heading)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(heading(self.tr("The exercise")))
        layout.addWidget(self.form, 3)
        layout.addLayout(where)
        layout.addWidget(self.buttons)

        self._custom_path = False
        self._roster_of: Scenario | None = None  # the scenario whose roster the form shows
        self._first_day = self.form.day.date()
        self._players: dict[tuple[str, str], Person] = {}  # typed, by ("id"|"title", value)
        self._scenarios: list[Scenario] = []
        self._load_builtin()
        if isinstance(scenario, Scenario):
            self.add_scenario(scenario)
        elif scenario == "file":
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.load_file)
        # the keyboard on the scenario's choice: ↓ changes it at once, Tab goes on to the form
        self.choice.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_builtin(self) -> None:
        from dientap_desktop.domain.scenario_loader import builtin_scenario_paths, load_scenario

        for path in builtin_scenario_paths():
            try:
                self._scenarios.append(load_scenario(path))
            except Exception:  # noqa: S112 - a damaged built-in one is reported on the welcome view
                continue
        self.choice.blockSignals(True)
        for scenario in self._scenarios:
            self.choice.addItem(self._label(scenario))
        self.choice.blockSignals(False)
        if self._scenarios:
            self._choose(0)

    def _label(self, scenario: Scenario) -> str:
        return labels.scenario_name(scenario.title, scenario.kind)

    def add_scenario(self, scenario: Scenario) -> None:
        """Offer a scenario (from a file, or chosen on the welcome view) and choose it."""
        for n, known in enumerate(self._scenarios):
            if known.id == scenario.id and known.source_text == scenario.source_text:
                self.choice.setCurrentIndex(n)
                self._choose(n)
                return
        self._scenarios.append(scenario)
        self.choice.addItem(self._label(scenario))
        self.choice.setCurrentIndex(len(self._scenarios) - 1)

    def load_file(self) -> None:
        """Read a scenario file; show its problems line by line when it is broken."""
        from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario

        path = dialogs.choose_open_path(
            self, self.tr("Open a scenario file"),
            dialogs.file_filter(self.tr("Scenario files"), SCENARIO_FILTER),
            self.settings.last_folder)
        if not path:
            return
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            self.show_problems(path, error.problems or [str(error)])
            return
        except OSError as error:
            self.show_problems(path, [details_of(error)])
            return
        self.problems.hide()
        self.add_scenario(scenario)

    def show_problems(self, path: str, problems: list) -> None:
        """Say that a scenario file is broken and list every problem on its own line."""
        self.problems.setStyleSheet(BROKEN_STYLE)
        self.problems.setPlainText(
            self.tr("The scenario file %1 cannot be used. Correct these problems in the file "
                    "and open it again:").replace("%1", Path(path).name) + "\n\n"
            + "\n".join(f"• {in_language(str(p))}" for p in problems))
        self.problems.show()
        # no scenario chosen until one is: the exercise is not made from the one shown before
        self.choice.setCurrentIndex(-1)
        self.scenario = None
        self.summary.setText(self.tr("Choose a scenario in the list, or open the file again "
                                     "once corrected."))
        self.create_button.setEnabled(False)
        self.form.setEnabled(False)  # what it shows belongs to no scenario chosen

    def _show_warnings(self, scenario: Scenario) -> None:
        """What a scenario that can be used may still have wrong (a scale whose ratings are
        not its own), each on its line where a broken file's problems are told, in amber."""
        if not scenario.warnings:
            return
        self.problems.setStyleSheet(CHECK_STYLE)
        self.problems.setPlainText(
            self.tr("The scenario can be used, but check this in its file:") + "\n\n"
            + "\n".join(f"• {in_language(str(w))}" for w in scenario.warnings))
        self.problems.show()

    def _choose(self, index: int) -> None:
        if not 0 <= index < len(self._scenarios):
            return
        self.scenario = self._scenarios[index]
        self.create_button.setEnabled(True)
        self.form.setEnabled(True)
        self.problems.hide()
        self._show_warnings(self.scenario)
        s = self.scenario
        self.summary.setText(
            self.tr("%1 posts, %2 phases, %3 injects.").replace("%1", str(len(s.posts)))
            .replace("%2", str(len(s.phases))).replace("%3", str(len(s.injects)))
            + ("\n" + s.summary.strip().splitlines()[0] if s.summary else ""))
        self._remember_players()
        self.form.set_roster(s, {post.id: Person(post.id, found.name, found.rank, found.unit)
                                 for post in s.posts
                                 if (found := self._players.get(("id", post.id))
                                     or self._players.get(("title", post.title))) is not None})
        self._roster_of = s
        if not self.form.name.isModified():
            self.form.name.setText(s.title)
        self._name_edited()

    def _remember_players(self) -> None:
        """Keep who was typed for each post of the roster shown, by the post's id and title: a
        scenario chosen later (or again) gets them for its posts of the same id or title."""
        roster = self.form.roster
        for person in roster.people():
            keys = (("id", person.post_id), ("title", roster.title_of(person.post_id)))
            for key in keys:
                if person.name or person.rank:
                    self._players[key] = person
                else:  # cleared by the user: not brought back
                    self._players.pop(key, None)

    def _name_edited(self, _text: str = "") -> None:
        if not self._custom_path:
            self.path.setText(str(self._named_file(Path(self.settings.last_folder))))

    def _named_file(self, folder: Path) -> Path:
        """A file named after the exercise in this folder, numbered past the ones there."""
        stem = file_stem(self.form.name.text() or (self.scenario.title if self.scenario
                                                   else ""))
        path = folder / f"{stem}.dientap"
        n = 2
        while path.exists():
            path = folder / f"{stem}-{n}.dientap"
            n += 1
        return path

    def save_scenario_copy(self) -> None:
        """Write the chosen scenario's file where the user says, to make it their own."""
        if self.scenario is None:
            return
        path = dialogs.choose_save_path(
            self, self.tr("Save a copy of the scenario to edit"),
            dialogs.file_filter(self.tr("Scenario files"), SCENARIO_FILTER),
            str(Path(self.settings.last_folder) / f"{self.scenario.id}.yaml"), suffix=".yaml")
        if not path:
            return
        try:
            write_whole(Path(path), self.scenario.source_text.encode("utf-8"))
        except OSError as error:  # told as the file chosen, or its folder
            dialogs.show_error(self, with_reason(self.tr("The scenario could not be saved."),
                                                 error), details_of(error))
            return
        self.settings.last_folder = dialogs.folder_of(path)
        dialogs.show_info(self, self.tr("Scenario saved"), self.tr(
            "Open %1 in a text editor and make it yours: place names, injects, answer keys, "
            "criteria. Then load it here with “From a scenario file…”: the program checks it "
            "and shows each problem with its line.").replace("%1", path))

    def _path_edited(self, text: str) -> None:
        self._custom_path = bool(text.strip())  # cleared: the name's file again, as it changes

    def typed_path(self) -> Path | None:
        """The exercise file's path as typed: "~" for the home folder, a name alone in the
        folder the default one was in, ".dientap" added when missing, a folder alone given the
        file named after the exercise (shown in the field as completed); None, after saying why,
        when it is empty or its folder is not there."""
        text = nfc(self.path.text().strip())
        if not text:
            return self._refuse_path(self.tr(
                "Type where to save the exercise file under “Saved as”, or choose it with "
                "Change…"))
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = Path(self.settings.last_folder) / path
        if path.is_dir():
            path = self._named_file(path)
        elif not path.name.lower().endswith(".dientap"):
            path = path.with_name(path.name + ".dientap")
        if not path.parent.exists():  # a file in its place is told by the writing
            return self._refuse_path(self.tr(
                "The folder %1 does not exist: type the path of a folder that is there, or "
                "choose one with Change…").replace("%1", str(path.parent)))
        if str(path) != self.path.text():
            self.path.setText(str(path))
        return path

    def _refuse_path(self, message: str) -> None:
        """Say why the path typed cannot be used; the keyboard back on it, chosen whole: what
        is typed next replaces it (End or an arrow to correct it instead)."""
        dialogs.show_error(self, message)
        self.path.setFocus(Qt.FocusReason.OtherFocusReason)
        self.path.selectAll()

    def _choose_path(self) -> None:
        path = dialogs.choose_save_path(
            self, self.tr("Save the new exercise as"),
            dialogs.file_filter(self.tr("Exercise files"), "*.dientap"), self.path.text(),
            suffix=".dientap")
        if path:
            self._custom_path = True
            self.path.setText(path)

    def create(self) -> None:
        """Write the exercise file and keep it open in `created`."""
        from dientap_desktop.storage.exercise_file import ExerciseFile, missing_media

        if self.scenario is None:
            dialogs.show_error(self, self.tr("Choose a scenario first."))
            return
        path = self.typed_path()
        if path is None:
            return
        missing = missing_media(self.scenario)
        if missing and not dialogs.ask_yes_no(
                self, self.tr("Attached files not found"),
                self.tr("These files the scenario attaches to its injects are not next to it "
                        "(or are over 50 MB), so they cannot go into the exercise file: the "
                        "inject will show only the file's name.") + "\n\n" + "\n".join(
                    self.tr("Inject %1: %2").replace("%1", inject).replace("%2", name)
                    for inject, name in missing[:12]) + ("\n…" if len(missing) > 12 else "")
                + "\n\n" + self.tr("Put them in the scenario's folder, then create the "
                                    "exercise; or create it without them."),
                yes=self.tr("Create &without them"), no=self.tr("&Go back")):
            return
        people = self.form.people()
        try:
            self.created = ExerciseFile.create(path, self.scenario, **self.form.details(),
                                               roster=people)
        except Exception as error:  # FileProblem, OSError: tell and let the user fix it
            dialogs.show_error(self, with_reason(
                self.tr("The exercise file could not be created."), error), details_of(error))
            return
        self.settings.last_folder = str(path.resolve().parent)
        self.accept()

    def _typed_anything(self) -> bool:
        """Whether the form holds more than the scenario chosen puts in it."""
        form, scenario = self.form, self.scenario or self._roster_of
        filled = [Person(p.id, unit=p.unit or "") for p in scenario.posts] if scenario else []
        return (form.name.isModified() or self._custom_path or form.day.date() != self._first_day
                or any((form.place.text(), form.superior.text(), form.issuer.text(),
                        form.signer.text(), form.signer_title.text())) or form.people() != filled)

    def reject(self) -> None:
        """Escape, Cancel or the close button: what was typed is not dropped unasked."""
        if self.created is None and self._typed_anything() and not dialogs.ask_drop_typed(
                self, self.tr(
                    "The exercise has not been created: the details and the roster typed will "
                    "be lost.")):
            return
        super().reject()


class DetailsDialog(QDialog):
    """Change an open exercise's name, place, date, issuing body and roster."""

    def __init__(self, director, parent: QWidget | None = None):
        super().__init__(parent)
        self.director = director
        self.setWindowTitle(self.tr("Exercise details and roster"))
        self.resize(860, 600)
        self.form = DetailsForm(new=False)  # "change this later" would send here
        self.form.show_details(director.info)
        self.form.set_roster(director.scenario, director.roster)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._as_opened = self.form.typed()

    def save(self) -> None:
        """Write the changes (each one logged) and close."""
        if self.director.update_details(self.form.details(), self.form.people()):
            self.accept()

    def reject(self) -> None:
        """Escape, Cancel or the close button: changes typed are not dropped unasked."""
        if self.form.typed() != self._as_opened and not dialogs.ask_drop_typed(self, self.tr(
                "The changes have not been saved: the exercise details and the roster stay as "
                "they were.")):
            return
        super().reject()
