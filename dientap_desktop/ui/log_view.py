"""Log view: every delivery, decision, edit, pause and resume in time order, by post and inject."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.ui.director import Director
from dientap_desktop.ui.models import WHOLE_ROLE, LogFilter, LogModel
from dientap_desktop.ui.widgets import fit_column, heading, table_view


class LogView(QWidget):
    """The exercise log, following each action as it is made."""

    def __init__(self, director: Director, parent: QWidget | None = None):
        super().__init__(parent)
        self.director = director
        self.model = LogModel(director, self, load=False)  # read when first shown
        self.filter = LogFilter(self)
        self.filter.setSourceModel(self.model)
        self.view = table_view(self.filter, stretch=LogModel.SUMMARY)
        fit_column(self.view, LogModel.TIME, "00:00:00")
        fit_column(self.view, LogModel.EXERCISE_TIME, "00:00:00")
        fit_column(self.view, LogModel.INJECT, str(len(director.scenario.injects)))
        for column, width in ((LogModel.ACTION, 150), (LogModel.POST, 230)):
            self.view.setColumnWidth(column, width)
        self.view.setToolTip(self.tr("Every action in time order. The line chosen reads whole "
                                     "below; the arrow keys go from line to line, Enter goes "
                                     "into the text below."))
        # The chosen line whole, under the list: a long decision or correction reads there
        # without the mouse, and the list keeps the keyboard (the run keys work on).
        self.entry = QPlainTextEdit()
        self.entry.setReadOnly(True)
        self.entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entry.setTabChangesFocus(True)
        self._choose_a_line = self.tr("Choose a line of the log (arrow keys, Home, End): it "
                                      "reads here whole.")
        self.entry.setPlaceholderText(self._choose_a_line)
        self.entry.setToolTip(self.tr("The line chosen in the log, whole (Shift+Tab goes back "
                                      "to the list)"))
        self.entry.setAccessibleName(self.tr("Chosen line of the log"))
        # five lines: a correction's every change and its heading, without scrolling
        margins = self.entry.contentsMargins()
        self.entry.setFixedHeight(int(QFontMetrics(self.entry.font()).lineSpacing() * 5.5)
                                  + int(self.entry.document().documentMargin() * 2)
                                  + margins.top() + margins.bottom())
        self.view.activated.connect(lambda _index: self.entry.setFocus())
        self.view.selectionModel().currentRowChanged.connect(self._show_entry)

        self.post_choice = QComboBox()
        self.post_choice.addItem(self.tr("All posts"), "")
        self.inject_choice = QComboBox()
        self.inject_choice.addItem(self.tr("All injects"), "")
        self.inject_choice.setMaximumWidth(520)
        self.post_choice.currentIndexChanged.connect(self._filter)
        self.inject_choice.currentIndexChanged.connect(self._filter)
        clear = QPushButton(self.tr("Show everything"))
        clear.clicked.connect(self.clear_filter)
        self.count = QLabel()

        bar = QHBoxLayout()
        post_label = QLabel(self.tr("&Post:"))
        post_label.setBuddy(self.post_choice)
        inject_label = QLabel(self.tr("&Inject:"))
        inject_label.setBuddy(self.inject_choice)
        bar.addWidget(post_label)
        bar.addWidget(self.post_choice, 1)
        bar.addWidget(inject_label)
        bar.addWidget(self.inject_choice, 2)
        bar.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Exercise log"), 1.25))
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.entry)
        layout.addWidget(self.count)
        director.run_changed.connect(self.follow)
        director.decisions_changed.connect(self.follow)
        director.info_changed.connect(self.follow)
        self._update_count()

    def follow(self, *_args) -> None:
        """Add the lines written by the last action and keep the newest in sight."""
        if not self.model.loaded:
            return
        at_end = self.view.verticalScrollBar().value() == self.view.verticalScrollBar().maximum()
        self.model.append_new()
        self._update_count()
        self._show_entry()
        if at_end:
            self.view.scrollToBottom()

    def reload(self) -> None:
        """Read the whole log again (after a change from outside)."""
        if self.model.loaded:
            self.model.reload()
            self._update_count()
            self._show_entry()

    def _load(self) -> None:
        """Read the log and fill the filters (when the view is first shown: the large exercise
        has 1,000 injects, which the start-up need not wait for)."""
        if self.model.loaded:
            return
        for combo in (self.post_choice, self.inject_choice):
            combo.blockSignals(True)
        for post in self.director.scenario.posts:
            self.post_choice.addItem(post.title, post.id)
        for number, inject in enumerate(self.director.scenario.injects, 1):
            self.inject_choice.addItem(f"{number}. {inject.title}", inject.id)
        for combo in (self.post_choice, self.inject_choice):
            combo.blockSignals(False)
        self.model.reload()
        self._update_count()
        if self.filter.rowCount():  # the newest line chosen: it reads whole below at once
            self.view.setCurrentIndex(self.filter.index(self.filter.rowCount() - 1, 0))

    def set_filter(self, post_id: str = "", inject_id: str = "") -> None:
        """Show only the lines of one post and/or one inject."""
        self._load()
        self.post_choice.setCurrentIndex(max(0, self.post_choice.findData(post_id)))
        self.inject_choice.setCurrentIndex(max(0, self.inject_choice.findData(inject_id)))

    def clear_filter(self) -> None:
        """Show every line."""
        self.set_filter("", "")

    def _filter(self) -> None:
        self.filter.set_filter(self.post_choice.currentData() or "",
                               self.inject_choice.currentData() or "")
        self._update_count()
        self._show_entry()

    def _show_entry(self, *_args) -> None:
        """Show the chosen line whole: when, what, inject and post, then its text."""
        current = self.view.currentIndex()
        if not current.isValid():
            self.entry.clear()
            return
        row = current.row()

        def cell(column: int) -> str:
            return self.filter.index(row, column, QModelIndex()).data() or ""

        inject = cell(LogModel.INJECT)
        head = [cell(LogModel.TIME), cell(LogModel.ACTION),
                self.tr("Inject %1").replace("%1", inject) if inject else "",
                cell(LogModel.POST)]
        whole = self.filter.index(row, LogModel.SUMMARY, QModelIndex()).data(WHOLE_ROLE)
        self.entry.setPlainText(" · ".join(part for part in head if part) + "\n" + whole)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 of %2 lines shown").replace(
            "%1", str(self.filter.rowCount())).replace("%2", str(self.model.rowCount())))
        # a filter that leaves nothing says so where the eye is, not only in the count
        nothing = self.model.rowCount() > 0 and self.filter.rowCount() == 0
        self.entry.setPlaceholderText(self.tr(
            "No line of the log for this choice of post and inject: nothing was done for them "
            "yet. “Show everything” shows every line.") if nothing else self._choose_a_line)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._load()
        self.view.scrollToBottom()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):  # F3: the keyboard in the list
            self.view.setFocus()
