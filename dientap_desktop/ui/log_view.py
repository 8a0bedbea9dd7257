"""Log view: every delivery, decision, edit, pause and resume in time order, by post and inject."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dientap_desktop.ui.director import Director
from dientap_desktop.ui.models import LogFilter, LogModel
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
        if at_end:
            self.view.scrollToBottom()

    def reload(self) -> None:
        """Read the whole log again (after a change from outside)."""
        if self.model.loaded:
            self.model.reload()
            self._update_count()

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

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 of %2 lines shown").replace(
            "%1", str(self.filter.rowCount())).replace("%2", str(self.model.rowCount())))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._load()
        self.view.scrollToBottom()
