"""The error message: plain words, the technical details behind a button, and "copy details"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class ErrorDialog(QDialog):
    """An error in plain Vietnamese, with the technical details and a button to copy them."""

    def __init__(self, parent: QWidget | None, message: str, details: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Error"))
        self.details = details
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        text.setFont(font)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(text, 1)
        self.details_box = QPlainTextEdit(details)
        self.details_box.setReadOnly(True)
        self.details_box.setVisible(False)
        self.details_box.setMinimumHeight(160)
        buttons = QDialogButtonBox(self)  # in the dialog now: Close is its default for Enter
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button = QPushButton(self.tr("Show details"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self.show_details)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)
        if not details:
            self.copy_button.hide()
            self.show_button.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_box, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def show_details(self, shown: bool) -> None:
        """Show or hide the details, the dialog growing or shrinking to hold its message whole,
        the details and the buttons (the wrapped message's height depends on the width, which
        the layout's least height alone does not count), never past the screen."""
        self.details_box.setVisible(shown)
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
            else layout.totalSizeHint().height()
        if shown:
            needed += self.details_box.sizeHint().height() - self.details_box.minimumHeight()
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            needed = min(needed, screen.height() - 60)  # room for the title bar
        self.setMinimumHeight(layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                              else layout.totalMinimumSize().height())
        self.resize(width, max(needed, self.minimumHeight()))

    def copy_details(self) -> None:
        """Put the message and its details on the clipboard, to paste in a report."""
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))
