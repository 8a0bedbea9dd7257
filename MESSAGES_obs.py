"""Translations of the observer-fixes branch: (context, English source, Vietnamese[, numerus])."""

MESSAGES = [
    ("SheetView",
     "The comment typed on this sheet before the program last closed could not be put back, "
     "as its criterion has no score now: “%1”.",
     "Không thể đưa lại ghi chú đã gõ dở trên phiếu này trước khi chương trình đóng lần "
     "trước, vì tiêu chí của nó nay chưa có điểm: “%1”."),
    ("SheetView",
     "The comment typed on criterion %1 before the program last closed, and not entered, is "
     "back in its cell: Enter saves it, Escape drops it.",
     "Ghi chú gõ dở ở tiêu chí %1 trước khi chương trình đóng lần trước, chưa được lưu, đã "
     "hiện lại trong ô: nhấn Enter để lưu, Esc để bỏ."),
    ("ObserverWindow", "&Quit", "T&hoát"),
]

REMOVE = []
