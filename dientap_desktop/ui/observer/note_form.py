"""A note for the after-action report as it is typed: its kind, inject, post and text; the
observer's window and the director's paper sheets both use it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QWidget,
)

from dientap_desktop.domain.records import NOTE_KINDS
from dientap_desktop.domain.scenario import Post, Scenario
from dientap_desktop.ui import labels
from dientap_desktop.ui.observer.models import NotesModel
from dientap_desktop.ui.widgets import RoomyDelegate, fit_column, table_view


class NoteForm(QWidget):
    """The fields of a note: `kind`, `inject` (None: general), `post` (None: all posts) and
    `text`, in a form with their labels; the one who shows it adds it."""

    def __init__(self, scenario: Scenario, posts: Sequence[Post],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in NOTE_KINDS:
            self.kind.addItem(labels.label(labels.NOTE_KINDS, kind), kind)
        self.inject = QComboBox()
        self.inject.addItem(QCoreApplication.translate("ObserverWindow", "General (no inject)"),
                            None)
        for number, inject in enumerate(scenario.injects, 1):
            self.inject.addItem(f"{number}. {inject.title}", inject.id)
        self.post = QComboBox()
        self.post.addItem(QCoreApplication.translate("ObserverWindow", "All posts"), None)
        for post in posts:
            self.post.addItem(post.title, post.id)
        # as wide as the form, not as the longest inject or post title: that would hold the
        # window wider than a small screen leaves it
        for combo in (self.inject, self.post):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(20)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(QCoreApplication.translate(
            "ObserverWindow", "What went well, what fell short, what to do next time. "
                              "Ctrl+Enter adds the note."))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(QCoreApplication.translate("ObserverWindow", "&Kind:"), self.kind)
        self.form.addRow(QCoreApplication.translate("ObserverWindow", "&Inject:"), self.inject)
        self.form.addRow(QCoreApplication.translate("ObserverWindow", "&Post:"), self.post)
        self.form.addRow(QCoreApplication.translate("ObserverWindow", "T&ext:"), self.text)

    def typed(self) -> dict | None:
        """The note typed, with what was chosen for it (None: nothing typed)."""
        text = self.text.toPlainText()
        if not text.strip():
            return None
        return {"text": text, "kind": self.kind.currentData(),
                "inject": self.inject.currentData(), "post": self.post.currentData()}

    def choose(self, note: dict) -> None:
        """Choose the kind, inject and post of a note as a dict gives them (`typed`)."""
        for combo, key in ((self.kind, "kind"), (self.inject, "inject"), (self.post, "post")):
            found = combo.findData(note.get(key))
            if found >= 0:
                combo.setCurrentIndex(found)


def adding_action(page: QWidget) -> QAction:
    """Ctrl+Enter anywhere on a page of notes: the note typed there is added (its `triggered`
    connected by the page's owner)."""
    add = QAction(page)
    add.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    page.addAction(add)
    return add


def notes_table(model: NotesModel) -> QTableView:
    """A list of notes, every text whole: wrapped, its rows as high as their text, the kind's
    column as wide as its longest label."""
    view = table_view(model, stretch=NotesModel.TEXT)
    view.setWordWrap(True)
    view.setItemDelegate(RoomyDelegate(view))
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    fit_column(view, NotesModel.KIND,
               *(labels.label(labels.NOTE_KINDS, kind) for kind in NOTE_KINDS))
    return view
