"""The list of keyboard shortcuts, read from the window's own actions so it never goes stale."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from dientap_desktop.ui.widgets import table_view


class ShortcutsModel(QAbstractTableModel):
    """Each command with its keys."""

    def __init__(self, rows: list[tuple[str, str]], parent: QObject | None = None):
        super().__init__(parent)
        self._rows = rows
        self._headers = (self.tr("Command"), self.tr("Keys"))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 2:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, with the keys of the decision form."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = []
        # the window's own actions first, then those of its views (the results' kits, CSV,
        # paper sheet and reports), each once
        actions = window.actions()
        for action in actions + [a for a in window.findChildren(QAction) if a not in actions]:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            row = (action.text().replace("&", "").rstrip("…"), keys)
            if keys and row not in rows:
                rows.append(row)
        rows += [
            (self.tr("Choose the post that answers (the key shown beside it)"), "Alt+1 … Alt+9"),
            (self.tr("Kind of decision: report, decision, orders, coordinate, other"),
             "Ctrl+1 … Ctrl+5"),
            (self.tr("Time the decision was given"), "Ctrl+T"),
            (self.tr("Time back to now"), "Ctrl+Shift+T"),
            (self.tr("Tick an expected action the decision covers (Tab into their list, "
                     "then ↑ ↓)"), self.tr("Space")),
            (self.tr("Record the decision"), "Ctrl+Enter"),
            (self.tr("Correct a decision recorded (the one chosen, else the latest)"), "F4"),
            (self.tr("Move between fields"), "Tab"),
        ]
        view = table_view(ShortcutsModel(rows, self), stretch=0)
        view.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(620, 560)
