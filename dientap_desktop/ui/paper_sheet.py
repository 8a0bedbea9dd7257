"""The director types an observer's paper sheet into the exercise, or corrects or takes back a
score: one post's scoring sheet at a time, each entry committed at once, the old value kept;
and the observer's notes from paper."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.text import look_alike, one_line
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import details_of, not_saved
from dientap_desktop.ui.labels import score_text, total_text
from dientap_desktop.ui.models import AMBER, ID_ROLE
from dientap_desktop.ui.observer.models import NotesModel, ScoreSheetModel
from dientap_desktop.ui.observer.note_form import NoteForm, adding_action, notes_table
from dientap_desktop.ui.observer.sheet import SheetView
from dientap_desktop.ui.problems import in_language
from dientap_desktop.ui.settings import Settings
from dientap_desktop.ui.widgets import colour, fit_to_screen, heading, wrapped

PREFERRED_SIZE, MINIMUM_SIZE = QSize(900, 640), QSize(700, 480)


class PaperSheetDialog(QDialog):
    """One observer's sheet of one post, as the director types it in from paper: the observer
    chosen from those known or named anew, the post from the list."""

    def __init__(self, parent: QWidget | None, exercise: ExerciseFile, observer: str = "",
                 post_id: str | None = None, criterion_id: str | None = None,
                 settings: Settings | None = None):
        super().__init__(parent)
        self.exercise = exercise
        self.settings = settings  # where a comment being typed is kept (nowhere without them)
        self.changed = False  # a score written, taken back or its comment changed
        self.setWindowTitle(self.tr("An observer's scoring sheet"))
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr(
            "Type in the scores of an observer's paper sheet, or correct them. Every entry is "
            "saved in the exercise at once; a corrected or taken back score stays in its "
            "history and in the log.")))
        form = QFormLayout()
        self.observer_box = QComboBox()
        self.observer_box.setEditable(True)
        self.observer_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.observer_box.addItems(exercise.observers())
        self.observer_box.setCurrentText(observer or (self.observer_box.itemText(0)))
        self.observer_box.setToolTip(self.tr("An observer already known, or a new name"))
        form.addRow(self.tr("&Observer:"), self.observer_box)
        self.post_box = QComboBox()
        for post in exercise.scenario.posts:
            self.post_box.addItem(post.title, post.id)
        if post_id is not None:
            self.post_box.setCurrentIndex(max(self.post_box.findData(post_id), 0))
        form.addRow(self.tr("&Post:"), self.post_box)
        layout.addLayout(form)
        self.name_warning = QLabel()
        self.name_warning.setWordWrap(True)
        colour(self.name_warning, AMBER[1], AMBER[0])
        layout.addWidget(self.name_warning)
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        self.sheet_title = heading("", 1.1)
        self.sheet_title.setWordWrap(True)
        sheet_layout.addWidget(self.sheet_title)
        self.player = QLabel()
        sheet_layout.addWidget(self.player)
        self.model = ScoreSheetModel(exercise.observer_scores(self.observer), None, self)
        self.model.changed.connect(self._scores_changed)
        self.view = SheetView(self.model)
        self.view.told.connect(lambda message, _ms: self.message.setText(message))
        self.view.untold.connect(lambda: self.message.clear())
        self.view.comment_typed.connect(self._keep_typed_comment)
        sheet_layout.addWidget(self.view, 1)
        self.total = QLabel()
        sheet_layout.addWidget(self.total)
        help_label = QLabel(self.tr(
            "Type a score from 0 to the maximum (with , or .) and press Enter for the next "
            "criterion; Delete or an empty score takes it back."))
        help_label.setWordWrap(True)
        sheet_layout.addWidget(help_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(sheet, self.tr("&Scoring sheet"))
        self.tabs.addTab(self._build_notes(), self.tr("No&tes"))
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # Enter never closes the dialog: Escape or Close do
            button.setAutoDefault(False)
            button.setDefault(False)
        layout.addWidget(buttons)
        if self.observer_box.lineEdit() is not None:  # Enter after the name: on to the sheet
            self.observer_box.lineEdit().returnPressed.connect(
                lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.observer_box.currentTextChanged.connect(self._observer_chosen)
        self.post_box.currentIndexChanged.connect(lambda _row: self._show_sheet())
        for key, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):  # as in the observer's window
            QShortcut(QKeySequence(key), self).activated.connect(
                lambda step=step: self.post_box.setCurrentIndex(
                    (self.post_box.currentIndex() + step) % self.post_box.count()))
        self.post_box.setToolTip(self.tr("Ctrl+Page Down / Ctrl+Page Up: next / previous post"))
        fit_to_screen(self, PREFERRED_SIZE, MINIMUM_SIZE)
        self._observer_chosen()
        if criterion_id is not None:
            for row in range(self.model.rowCount()):
                if self.model.index(row, 0).data(ID_ROLE) == criterion_id:
                    self.view.setCurrentIndex(self.model.index(row, ScoreSheetModel.SCORE))
        self.view.setFocus()
        self._restore_typed_comment()

    def _build_notes(self) -> QWidget:
        """The observer's notes from paper (the blank sheets' last page), added at once in
        their name; the log says the directing staff typed them in."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(wrapped(self.tr(
            "Strengths, weaknesses and proposals for the after-action report, from this "
            "observer's paper: each note is added at once, in the observer's name, and the log "
            "says the directing staff typed it in.")))
        self.note_form = NoteForm(self.exercise.scenario, self.exercise.scenario.posts)
        # the sheet's post has its own field above: this one is the note's
        self.note_form.form.labelForField(self.note_form.post).setText(
            self.tr("For &which post:"))
        layout.addWidget(self.note_form)
        self.add_note_button = QPushButton(self.tr("&Add note"))
        self.add_note_button.setAutoDefault(False)
        self.add_note_button.clicked.connect(self.add_note)
        adding_action(page).triggered.connect(self.add_note)
        layout.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.notes_model = NotesModel(SimpleNamespace(
            notes=lambda: [n for n in self.exercise.notes() if n.observer == self.observer],
            whole_scenario=self.exercise.scenario), self)
        self.notes_view = notes_table(self.notes_model)
        layout.addWidget(self.notes_view, 1)
        return page

    def add_note(self) -> None:
        """Add the note typed to the exercise in the observer's name, committed at once."""
        typed, name = self.note_form.typed(), self.observer
        if typed is None or not name:
            self.note_form.text.setFocus()
            return
        try:
            self.exercise.add_note(name, typed["kind"], typed["text"], inject_id=typed["inject"],
                                   post_id=typed["post"], source="window")
        except ActionError as error:
            dialogs.show_error(self, self.tr("The note was not saved."), in_language(str(error)))
            return
        except (sqlite3.Error, FileProblem) as error:  # the exercise's file, not the note
            dialogs.show_error(self, not_saved(error, self.exercise.path), details_of(error))
            return
        self.changed = True
        self.note_form.text.clear()
        self.notes_model.refresh()
        self.notes_view.scrollToBottom()
        self._observer_known()
        self.message.setText(self.tr("Note added in the name of %1.").replace("%1", name))
        self.note_form.text.setFocus()

    @property
    def observer(self) -> str:
        """The observer's name as typed, tidied as it is stored."""
        return one_line(self.observer_box.currentText())

    @property
    def post_id(self) -> str:
        """The post whose sheet is shown."""
        return self.post_box.currentData()

    def _observer_chosen(self) -> None:
        self.view.enter_typed()  # what was typed goes to the observer it was typed for
        name = self.observer
        known = self.exercise.observers()
        like = look_alike(name, known) if name and name not in known else None
        if not name:
            self.name_warning.setText(self.tr("Type the observer's name first."))
        elif like:
            self.name_warning.setText(self.tr(
                "“%1” is not known, and looks like “%2”, who is: check the spelling before "
                "typing the scores, or they go to a new observer.").replace("%1", name)
                .replace("%2", like))
        elif name not in known:
            self.name_warning.setText(self.tr(
                "“%1” is a new observer: added with the first score typed.").replace("%1", name))
        self.name_warning.setVisible(not name or name not in known)
        self.view.setEnabled(bool(name))
        self.add_note_button.setEnabled(bool(name))
        self.notes_model.refresh()  # this observer's notes
        self.model.kit = self.exercise.observer_scores(name)
        self._show_sheet()

    def _show_sheet(self) -> None:
        """Show the chosen observer's sheet of the chosen post, on its first criterion, as the
        observer's window does: a score typed next never goes to the row the last sheet was
        left on."""
        self.view.enter_typed()
        self.model.set_post(self.post_id)
        post = self.exercise.scenario.post(self.post_id)
        self.sheet_title.setText(post.title)
        person = self.exercise.roster().get(post.id)
        who = " ".join(x for x in (person.rank, person.name) if x) if person else ""
        self.player.setText(self.tr("Player: %1").replace("%1", who or "–"))
        self.view.resizeRowsToContents()
        self.view.setCurrentIndex(self.model.index(0, ScoreSheetModel.SCORE))
        self._update_total()

    def _keep_typed_comment(self, comment: dict | None) -> None:
        if self.settings is not None:
            self.settings.set_typed_comment(
                self.exercise.path, comment and {**comment, "observer": self.observer})

    def _restore_typed_comment(self) -> None:
        """The comment typed on a sheet here and not entered when the program last closed (a
        crash): its observer's sheet of its post shown, its cell open with it."""
        comment = self.settings.typed_comment(self.exercise.path) if self.settings else None
        if not comment:
            return
        observer, post = comment.get("observer"), self.post_box.findData(comment["post"])
        if observer not in self.exercise.observers() or post < 0:
            self._keep_typed_comment(None)  # its observer or post is gone from the exercise
            return
        self.observer_box.setCurrentText(observer)
        self.post_box.setCurrentIndex(post)
        self.message.setText(self.view.put_back_comment(comment))
        self._keep_typed_comment(self.view.typed_comment())

    def _scores_changed(self) -> None:
        self.changed = True
        self._observer_known()
        self._update_total()

    def _observer_known(self) -> None:
        """After the first score of a new observer: known from now on, in the list."""
        name = self.observer
        if self.observer_box.findText(name) < 0 and name in self.exercise.observers():
            self.observer_box.blockSignals(True)
            self.observer_box.addItem(name)
            self.observer_box.setCurrentText(name)
            self.observer_box.blockSignals(False)
            self.name_warning.hide()

    def _update_total(self) -> None:
        result = self.model.kit.results().of(self.post_id)
        scale = self.exercise.scenario.scale
        self.total.setText(self.tr("This observer's total for the post: %1 / %2 — %3")
                           .replace("%1", total_text(result.score))
                           .replace("%2", score_text(scale.max))
                           .replace("%3", result.rating or "") if result.complete else self.tr(
            "This observer's total for the post: not complete (%n criterion(s) missing)", "",
            len(result.missing)))

    def done(self, result: int) -> None:  # noqa: D102
        self.view.enter_typed()  # a score typed and not entered with Enter is kept
        super().done(result)


def edit_observer_sheet(parent: QWidget | None, exercise: ExerciseFile, observer: str = "",
                        post_id: str | None = None, criterion_id: str | None = None) -> bool:
    """Show the sheet until the director closes it; True when a score changed. A comment
    being typed is kept in the settings of the window it is opened from, if it has them."""
    settings = getattr(parent.window(), "settings", None) if parent is not None else None
    dialog = PaperSheetDialog(parent, exercise, observer, post_id, criterion_id,
                              settings if isinstance(settings, Settings) else None)
    dialog.exec()
    return dialog.changed
