"""Escape out of a menu gives the keyboard back to the work, not to the menu bar.

Qt leaves the menu bar in its keyboard mode when a menu opened from it (Alt+T) is closed with
Escape: nothing looks chosen in it, yet the next words the director types are read as the menus'
and their items' keys (a space opens the first menu, a "c" closes the exercise). Here a menu
closed with no other menu open after it hands the keyboard back to the field it was taken from.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenuBar, QWidget
from shiboken6 import isValid


class MenuBarExit(QObject):
    """Watches a menu bar's menus: when the last one closes and the menu bar is left holding
    the keyboard, the keyboard goes back where it was before the menu bar took it."""

    def __init__(self, bar: QMenuBar):
        super().__init__(bar)
        self.bar = bar
        self._before: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)
        for action in bar.actions():
            if action.menu() is not None:
                action.menu().aboutToHide.connect(self._menu_closed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self.bar):
            return
        if new is self.bar and old is not None and old is not self.bar:
            self._before = old

    def _menu_closed(self) -> None:
        # after the key that closed it: another menu may open in its place (Left, Right)
        QTimer.singleShot(0, self._give_back)

    def _give_back(self) -> None:
        if not isValid(self.bar) or QApplication.activePopupWidget() is not None \
                or not self.bar.hasFocus():
            return
        before = self._before
        if before is None or not isValid(before) or not before.isVisible() \
                or before.window() is not self.bar.window():
            before = self.bar.window()
        before.setFocus(Qt.FocusReason.PopupFocusReason)
        if self.bar.hasFocus():  # nothing else takes the keyboard: the menu bar lets it go
            self.bar.clearFocus()
