"""The error dialog: its message, details and buttons all in sight as the details are shown
and hidden again."""

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from dientap_desktop.ui.error_dialog import ErrorDialog

MESSAGE = ("Không mở được tệp «bad.dientap»: tệp bị hỏng hoặc không phải tệp cuộc diễn tập. "
           "Hãy mở bản sao tự động gần nhất trong thư mục «ban-sao-tu-dong» bên cạnh tệp. ") * 2


def in_sight(dialog: ErrorDialog) -> None:
    """Nothing overlaps, nothing is below the dialog's bottom, the message is whole."""
    buttons = dialog.findChild(QDialogButtonBox)
    message = next(label for label in dialog.findChildren(QLabel) if label.text() == MESSAGE)
    assert buttons.geometry().bottom() <= dialog.rect().bottom()
    assert message.height() >= message.heightForWidth(message.width())
    assert message.geometry().bottom() < buttons.geometry().top()
    if dialog.details_box.isVisible():
        details = dialog.details_box.geometry()
        assert message.geometry().bottom() < details.top()
        assert details.bottom() < buttons.geometry().top()
        assert details.height() >= dialog.details_box.minimumHeight()


def test_showing_the_details_keeps_the_buttons_in_sight(qtbot):
    dialog = ErrorDialog(None, MESSAGE, "Traceback (most recent call last):\n" * 40)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    in_sight(dialog)
    dialog.show_button.click()
    qtbot.wait(10)
    assert dialog.details_box.isVisible()
    in_sight(dialog)
    dialog.show_button.click()  # and hidden again: the dialog takes its room back
    qtbot.wait(10)
    assert not dialog.details_box.isVisible()
    in_sight(dialog)
