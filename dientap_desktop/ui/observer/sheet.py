"""One post's scoring sheet as typed into: the view, its score editor, and the keys that take a
score back; the observer's window and the director's paper sheets both use it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolTip,
    QWidget,
)

from dientap_desktop.ui import dialogs, errors
from dientap_desktop.ui.labels import score_text
from dientap_desktop.ui.models import ID_ROLE
from dientap_desktop.ui.observer.models import MAX_ROLE, ScoreSheetModel, ScoreValidator
from dientap_desktop.ui.problems import in_language
from dientap_desktop.ui.widgets import RoomyDelegate

REFUSED = "dientap_refused"  # an editor's property: a key typed in it was refused
DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
TYPED_KEPT_AFTER_MS = 800  # a comment or a note being typed is kept this long after typing stops


class ScoreDelegate(RoomyDelegate):
    """The score editor: a line that accepts only a number from 0 to the criterion's maximum;
    a key it refuses (a score over the maximum, a letter) is told with `refused`."""

    refused = Signal(QLineEdit, object)  # the editor, the criterion's maximum
    take_back = Signal(QLineEdit)  # Delete or Backspace in an editor showing the score as it is

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QLineEdit(parent)
        maximum = index.data(MAX_ROLE)
        validator = ScoreValidator(maximum, editor)
        editor.setValidator(validator)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.inputRejected.connect(lambda: self.refused.emit(editor, maximum))
        editor.inputRejected.connect(lambda: editor.setProperty(REFUSED, True))
        editor.textEdited.connect(  # over the maximum: told as it is typed
            lambda text: validator.over(text) and self.refused.emit(editor, maximum))
        # Enter (or Tab) on a number over the maximum: it stays, told again, selected to be
        # typed over; the sheet does not move on
        validator.not_entered.connect(lambda: (  # (once Qt has set the text back)
            self.refused.emit(editor, maximum), QTimer.singleShot(0, editor, editor.selectAll)))
        return editor

    def setModelData(self, editor, model, index):  # noqa: N802
        if editor.hasAcceptableInput():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event) -> bool:  # noqa: N802
        # The editor Enter opened on a criterion already scored shows its score as it is:
        # Delete or Backspace there take the score back at once, as on the cell; once a key
        # is typed in, they edit the text.
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit)
                and event.key() in DELETE_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and editor.text() and not editor.isModified()):
            self.take_back.emit(editor)
            return True
        return super().eventFilter(editor, event)


class CommentDelegate(RoomyDelegate):
    """The comment's editor: what is typed in it is told with `typing`, with its cell."""

    typing = Signal(QPersistentModelIndex, str)

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        cell = QPersistentModelIndex(index)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda text: self.typing.emit(cell, text))
        return editor


class SheetView(QTableView):
    """The scoring sheet: type a score, press Enter, and the next criterion's score is open;
    Enter on a cell not being edited opens it. Delete or Backspace take back the score (on a
    comment, delete the comment); what happened or was refused is told with `told` (a message
    and how many milliseconds to show it), for the window to show, and `untold` once the
    criterion it was about changes, or the sheet shown does: it no longer holds.

    A comment being typed is told with `comment_typed` a moment after the typing stops (a dict
    with its post, criterion and text), for the window to keep it where a crash does not take
    it, and with None once it is entered or dropped (Escape)."""

    told = Signal(str, int)
    untold = Signal()
    comment_typed = Signal(object)

    def __init__(self, model: ScoreSheetModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(RoomyDelegate(self))
        self.score_delegate = ScoreDelegate(self)
        self.score_delegate.refused.connect(self._score_refused)
        self.score_delegate.take_back.connect(self._take_back_in_editor)
        self.setItemDelegateForColumn(ScoreSheetModel.SCORE, self.score_delegate)
        self.comment_delegate = CommentDelegate(self)
        self.comment_delegate.typing.connect(self._comment_edited)
        self.setItemDelegateForColumn(ScoreSheetModel.COMMENT, self.comment_delegate)
        self._typed: dict | None = None  # the comment being typed, where and what
        self._put_back = False  # it is one kept from a crash, put back in its cell
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(TYPED_KEPT_AFTER_MS)
        self._comment_timer.timeout.connect(lambda: self.comment_typed.emit(self.typed_comment()))
        model.refused.connect(lambda message: self.told.emit(
            self.tr("Not saved: %1").replace("%1", in_language(message)), 8000))
        # what the file refused of the last entry: True (told in the message) or the error
        # (told in an error dialog), until the editor that held it is closed
        self._unsaved: bool | Exception = False
        self._committed = QPersistentModelIndex()  # the cell of the editor committed last
        model.refused.connect(self._refused_by_file)
        model.not_saved.connect(self._not_saved)
        self._told_about = QPersistentModelIndex()  # the criterion the last message is about
        self.told.connect(lambda _message, _ms: self._keep_told_about())
        model.dataChanged.connect(self._cell_changed)
        model.modelReset.connect(self._sheet_changed)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        # each criterion's text whole, on as many lines as its column leaves it, at any width
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(ScoreSheetModel.CRITERION, header.ResizeMode.Stretch)
        for column in (ScoreSheetModel.NUMBER, ScoreSheetModel.MAX):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        header.resizeSection(ScoreSheetModel.SCORE, 90)
        header.resizeSection(ScoreSheetModel.COMMENT, 220)
        # Delete and Backspace: the score taken back, or on a comment the comment deleted
        # (never the score under it); the keys go with the column of the cursor
        self.act_clear = QAction(self.tr("&Take back the score"), self)
        self.act_clear.triggered.connect(self.clear_score)
        self.act_clear_comment = QAction(self.tr("&Delete the comment"), self)
        self.act_clear_comment.triggered.connect(self.clear_comment)
        for action in (self.act_clear, self.act_clear_comment):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.selectionModel().currentChanged.connect(self._delete_keys)
        self._delete_keys(self.currentIndex())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        current = self.currentIndex()
        if (current.isValid() and current.column() == ScoreSheetModel.COMMENT
                and not current.flags() & Qt.ItemFlag.ItemIsEditable
                and event.text().strip() and event.text().isprintable()
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)):
            self._comment_without_score(current.row())
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self.state() != QAbstractItemView.State.EditingState
                and current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit(current)
            return
        super().keyPressEvent(event)

    def commitData(self, editor) -> None:  # noqa: N802
        self._unsaved = False
        # the editor's own cell (after a click on another, the cursor is there already)
        self._committed = QPersistentModelIndex(self.indexAt(editor.geometry().center()))
        super().commitData(editor)

    def _keep_told_about(self) -> None:
        self._told_about = QPersistentModelIndex(self.currentIndex())

    def _cell_changed(self, top: QModelIndex, bottom: QModelIndex, _roles=()) -> None:
        about = self._told_about
        if about.isValid() and top.row() <= about.row() <= bottom.row():
            self._sheet_changed()

    def _sheet_changed(self) -> None:
        self._told_about = QPersistentModelIndex()
        self.untold.emit()

    def _refused_by_file(self, _message: str) -> None:
        self._unsaved = True

    def _not_saved(self, error: Exception) -> None:
        """A value the file could not take: said in an error message; typed in an editor, the
        editor is closed first and opened again with it once the message is closed."""
        self._unsaved = error
        QTimer.singleShot(0, self, self._tell_not_saved)  # when no editor held it

    def _tell_not_saved(self) -> None:
        error = self._unsaved
        if isinstance(error, Exception):  # not taken over by `closeEditor`
            self._unsaved = False
            self._tell(error)

    def _tell(self, error: Exception) -> None:
        watch = getattr(self.window(), "file_watch", None)
        if watch is not None and not watch.look():
            return  # the file is gone: the window said so and offered to save a copy
        path = self.model().kit.path  # a kit, or an observer's scores in the exercise
        dialogs.show_error(self.window(), errors.not_saved(error, path),
                           errors.details_of(error))

    def closeEditor(self, editor, hint):  # noqa: N802
        Hint = QAbstractItemDelegate.EndEditHint  # noqa: N806
        unsaved, self._unsaved = self._unsaved, False
        if unsaved is not False and isinstance(editor, QLineEdit) \
                and hint != Hint.RevertModelCache:
            # Enter, Tab or a click away on a value the file did not take (read-only, a full
            # disk, held by another program): the editor closed (an editor left open under the
            # message would be committed again as the message takes the focus), the message,
            # then the same cell again with what was typed, never lost or passed over
            typed, current = editor.text(), self._committed
            super().closeEditor(editor, Hint.NoHint)
            QTimer.singleShot(0, self, lambda: self._edit_again(current, typed, unsaved))
            return  # a comment being typed is still kept: it is in its editor again
        if self._typed is not None and editor is self.indexWidget(self._typed["cell"]):
            self._comment_gone()  # entered, or dropped with Escape
        refused = (hint == Hint.SubmitModelCache
                   and isinstance(editor, QLineEdit) and bool(editor.property(REFUSED))
                   and not (editor.text() and editor.hasAcceptableInput()))
        super().closeEditor(editor, hint)
        current = self.currentIndex()
        if refused:  # Enter on a score refused: the same criterion again, never the next one
            QApplication.beep()
            QTimer.singleShot(0, lambda: self.edit(current))  # once this editor is closed
            return
        if (hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
                and current.column() == ScoreSheetModel.SCORE
                and current.row() + 1 < self.model().rowCount()):
            following = current.siblingAtRow(current.row() + 1)
            self.setCurrentIndex(following)
            self.edit(following)

    def _edit_again(self, index, typed: str, unsaved: bool | Exception) -> None:
        if isinstance(unsaved, Exception):
            self._tell(unsaved)
        if not index.isValid():  # the sheet changed meanwhile
            return
        index = self.model().index(index.row(), index.column())
        self.setCurrentIndex(index)
        self.edit(index)
        editor = self.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setText(typed)
            editor.setModified(True)  # what was typed: Delete and Backspace edit it

    def _comment_edited(self, cell: QPersistentModelIndex, text: str) -> None:
        model = self.model()
        self._typed = {"cell": cell, "post": model.post_id, "text": text,
                       "criterion": model.index(cell.row(), 0).data(ID_ROLE)}
        self._comment_timer.start()

    def _comment_gone(self) -> None:
        self._comment_timer.stop()
        self._typed = None
        self.comment_typed.emit(None)
        if self._put_back:  # the message that it was put back no longer holds
            self._put_back = False
            self._sheet_changed()

    def typed_comment(self) -> dict | None:
        """The comment being typed and not entered: its post, criterion and text, or None."""
        if self._typed is None:
            return None
        return {key: self._typed[key] for key in ("post", "criterion", "text")}

    def put_back_comment(self, comment: dict) -> str:
        """Open the comment's cell again with a comment typed and not entered (kept from a
        crash), to be entered with Enter or dropped with Escape; the sheet shows its post. What
        to tell the user of it."""
        model, text = self.model(), comment["text"]
        row = next((row for row in range(model.rowCount())
                    if model.index(row, 0).data(ID_ROLE) == comment["criterion"]), None)
        index = model.index(row, ScoreSheetModel.COMMENT) if row is not None else QModelIndex()
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return self.tr("The comment typed on this sheet before the program last closed "
                           "could not be put back, as its criterion has no score now: “%1”."
                           ).replace("%1", text)
        self.setCurrentIndex(index)
        self.edit(index)
        editor = self.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.setModified(True)
            self._comment_edited(QPersistentModelIndex(index), text)
            self._comment_timer.stop()  # it is kept already
            self._put_back = True  # what is told of it goes once it is entered or dropped
        return self.tr("The comment typed on criterion %1 before the program last closed, "
                       "and not entered, is back in its cell: Enter saves it, Escape drops it."
                       ).replace("%1", str(row + 1))

    def enter_typed(self) -> None:
        """A score or comment typed in a cell and not yet entered (no Enter pressed) is
        entered as it is, before the sheet changes or its window closes."""
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _delete_keys(self, current: QModelIndex, _previous: object = None) -> None:
        """Delete and Backspace for the cell under the cursor: on a comment, they delete the
        comment; anywhere else on the sheet, they take back the score."""
        keys = [QKeySequence(key) for key in DELETE_KEYS]
        on_comment = current.isValid() and current.column() == ScoreSheetModel.COMMENT
        self.act_clear.setShortcuts([] if on_comment else keys)
        self.act_clear_comment.setShortcuts(keys if on_comment else [])

    def clear_score(self) -> None:
        """Take back the score of the criterion under the cursor, comment and all: it stays in
        the file's history, and the message tells what it was."""
        self._clear(ScoreSheetModel.SCORE)

    def clear_comment(self) -> None:
        """Delete the comment of the criterion under the cursor, keeping its score; the old
        comment stays in the file's history."""
        self._clear(ScoreSheetModel.COMMENT)

    def _clear(self, column: int) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        model = self.model()
        old = model.data(index.siblingAtColumn(column))
        comment = model.data(index.siblingAtColumn(ScoreSheetModel.COMMENT))
        if not old or not model.setData(index.siblingAtColumn(column), ""):
            return
        if column == ScoreSheetModel.SCORE and comment:
            message = self.tr("Score %1 of criterion %2 taken back with its comment; both stay "
                              "in the history.")
        elif column == ScoreSheetModel.SCORE:
            message = self.tr("Score %1 of criterion %2 taken back; it stays in the history.")
        else:
            message = self.tr("Comment of criterion %2 deleted; it stays in the history: "
                              "“%1”.")
        self.told.emit(message.replace("%2", str(index.row() + 1)).replace("%1", old), 10000)

    def _take_back_in_editor(self, editor: QLineEdit) -> None:
        """Delete or Backspace in the editor of a score as it is: taken back, as on the cell;
        the editor stays open, empty, for a new score."""
        self.clear_score()
        editor.setText("")

    def _score_refused(self, editor: QLineEdit, maximum) -> None:
        """A key the score refused: say why where the user looks, and in the message."""
        message = self.tr("A score from 0 to %1 for this criterion (a decimal with , or .)"
                          ).replace("%1", score_text(maximum))
        QApplication.beep()
        QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), message, editor)
        self.told.emit(message, 8000)

    def _comment_without_score(self, row: int) -> None:
        """A comment typed on a criterion with no score: it has nowhere to go yet."""
        QApplication.beep()
        self.told.emit(self.tr("Give criterion %1 a score first: its comment goes with the "
                               "score.").replace("%1", str(row + 1)), 8000)
