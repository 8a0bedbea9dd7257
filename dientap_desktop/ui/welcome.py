"""The welcome view: recent exercises, a new one from a scenario, open a file, the demo."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import details_of
from dientap_desktop.ui.models import ID_ROLE, RecentModel, ScenarioModel
from dientap_desktop.ui.widgets import heading, scaled_font, table_view


class WelcomeView(QWidget):
    """What the director sees with no exercise open: the obvious ways to start."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.scenarios: ScenarioModel | None = None

        title = QLabel(self.tr("Exercise director"))
        title.setFont(scaled_font(title, 2.0, bold=True))
        subtitle = QLabel(self.tr("Defence-zone and combat-defence exercises: run the injects, "
                                  "record each post's decisions, project to the room. Every "
                                  "action is saved at once."))
        subtitle.setWordWrap(True)
        subtitle.setFont(scaled_font(subtitle, 1.1))

        start = QVBoxLayout()
        start.addWidget(heading(self.tr("Start")))
        self.start_buttons: list[QPushButton] = []
        for action in (window.act_new, window.act_open, window.act_practice, window.act_demo):
            button = QPushButton(action.icon(), action.text().replace("&", ""))
            keys = action.shortcut().toString()
            if keys:
                button.setText(f"{button.text()}   ({keys})")
            button.setToolTip(action.toolTip())
            button.setFont(scaled_font(button, 1.15))
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.setStyleSheet("text-align: left; padding-left: 12px;")
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
            button.clicked.connect(action.trigger)
            start.addWidget(button)
            self.start_buttons.append(button)
        hint = QLabel(self.tr("New to the program? “Practice with the demo exercise” opens a "
                              "ready exercise: press F5 to start, F6 to deliver each inject."))
        hint.setWordWrap(True)
        start.addWidget(hint)
        start.addStretch(1)
        left = QWidget()
        left.setLayout(start)
        left.setMaximumWidth(480)
        left.setMinimumWidth(400)

        self.recent = RecentModel(window.settings.recent_files(), self)
        self.recent_view = table_view(self.recent, stretch=RecentModel.PATH)
        self.recent_view.activated.connect(self._open_recent)
        self.recent_view.setToolTip(self.tr("Enter or double-click opens the exercise"))
        self.recent_empty = QLabel(self.tr("No exercise opened yet."))

        self.scenario_view = table_view(ScenarioModel([], self), stretch=ScenarioModel.TITLE)
        self.scenario_view.activated.connect(self._new_from_scenario)
        self.scenario_view.setToolTip(self.tr("Enter or double-click starts a new exercise "
                                              "from this scenario"))
        from_file = QPushButton(self.tr("New exercise from a scenario file…"))
        from_file.setAutoDefault(True)
        from_file.clicked.connect(self._new_from_file)
        scenario_head = QHBoxLayout()
        scenario_head.addWidget(heading(self.tr("Built-in scenarios")))
        scenario_head.addStretch(1)
        scenario_head.addWidget(from_file)

        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Recent exercises")))
        right.addWidget(self.recent_view, 3)
        right.addWidget(self.recent_empty)
        right.addSpacing(12)
        right.addLayout(scenario_head)
        right.addWidget(self.scenario_view, 2)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        body = QGridLayout()
        body.addWidget(left, 0, 0)
        body.addWidget(line, 0, 1)
        body.addLayout(right, 0, 2)
        body.setColumnStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(body, 1)
        left.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.scenarios is None:
            QTimer.singleShot(0, self.load_scenarios)
        if not event.spontaneous() and self.recent.rowCount():
            # the keyboard on the latest exercise: after a crash, Enter opens it again (it was
            # on "New exercise…", and Enter started making another one)
            QTimer.singleShot(0, lambda: self.recent_view.setFocus(
                Qt.FocusReason.OtherFocusReason))

    def load_scenarios(self) -> None:
        """Read the built-in scenarios (once, when the view is first shown)."""
        if self.scenarios is not None:
            return
        from dientap_desktop.domain.scenario_loader import builtin_scenario_paths, load_scenario

        found, problems = [], []
        for path in builtin_scenario_paths():
            try:
                found.append(load_scenario(path))
            except Exception as error:  # a broken built-in file must not stop the window
                problems.append(details_of(error))
        self.scenarios = ScenarioModel(found, self)
        self.scenario_view.setModel(self.scenarios)
        self.scenario_view.resizeColumnsToContents()
        header = self.scenario_view.horizontalHeader()
        header.setSectionResizeMode(ScenarioModel.TITLE, header.ResizeMode.Stretch)
        if problems:
            dialogs.show_error(self, self.tr("Some built-in scenarios are damaged and were left "
                                             "out."), "\n".join(problems))

    def refresh(self) -> None:
        """Read the recent files again."""
        self.recent.set_items(self.window_.settings.recent_files())
        self.recent_view.resizeColumnToContents(RecentModel.NAME)
        self.recent_view.setColumnWidth(RecentModel.NAME,
                                        min(self.recent_view.columnWidth(0), 460))
        self.recent_view.resizeColumnToContents(RecentModel.OPENED)
        has = self.recent.rowCount() > 0
        self.recent_view.setVisible(has)
        self.recent_empty.setVisible(not has)
        if has:
            self.recent_view.selectRow(0)

    def _open_recent(self, index: QModelIndex) -> None:
        self.window_.open_file(index.data(ID_ROLE))

    def _new_from_scenario(self, index: QModelIndex) -> None:
        self.window_.new_exercise(self.scenarios.row(index))

    def _new_from_file(self) -> None:
        self.window_.new_exercise("file")

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter with the keyboard on no list or button opens the chosen recent exercise. The
        # lists pass Enter on after acting on it: a scenario's new exercise dialog cancelled
        # must not open a recent exercise as well.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.recent_view.isVisible() \
                and self.focusWidget() not in (self.recent_view, self.scenario_view):
            index = self.recent_view.currentIndex()
            if index.isValid():
                self._open_recent(index)
                return
        super().keyPressEvent(event)
