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
    ("ObserverWindow", "&Blank sheets to print (PDF)…", "&In phiếu chấm trống (PDF)…"),
    ("ObserverWindow",
     "The blank scoring sheets of this kit's posts and a page for notes, as a PDF to print and "
     "score on paper",
     "Phiếu chấm điểm để trống của các cương vị trong bộ phiếu và một trang nhận xét, thành tệp "
     "PDF để in ra chấm trên giấy"),
    ("ObserverWindow", "Save the blank sheets", "Lưu phiếu chấm để trống"),
    ("ObserverWindow", "PDF documents", "Tài liệu PDF"),
    ("ObserverWindow", "The blank sheets could not be saved.",
     "Không lưu được phiếu chấm để trống."),
    ("ObserverWindow", "Blank sheets saved in %1.", "Đã lưu phiếu chấm để trống vào %1."),
    ("ObserverWindow", "Blank sheets saved", "Đã lưu phiếu chấm để trống"),
    ("ObserverWindow",
     "The blank sheets are saved in %1, but no program on this computer opens PDF files: print "
     "them from another computer.",
     "Phiếu chấm để trống đã được lưu vào %1, nhưng máy này không có chương trình mở tệp PDF: "
     "hãy in từ máy khác."),
    ("PaperSheetDialog", "&Scoring sheet", "&Phiếu chấm điểm"),
    ("PaperSheetDialog", "No&tes", "Nhận &xét"),
    ("PaperSheetDialog",
     "Strengths, weaknesses and proposals for the after-action report, from this observer's "
     "paper: each note is added at once, in the observer's name, and the log says the "
     "directing staff typed it in.",
     "Điểm mạnh, hạn chế và đề xuất cho báo cáo rút kinh nghiệm, theo phiếu giấy của người "
     "đánh giá này: mỗi nhận xét được thêm ngay, đứng tên người đánh giá, và nhật ký ghi rõ "
     "tổ đạo diễn đã nhập thay."),
    ("PaperSheetDialog", "For &which post:", "Cương &vị của nhận xét:"),
    ("PaperSheetDialog", "&Add note", "Thê&m nhận xét"),
    ("PaperSheetDialog", "The note was not saved.", "Chưa lưu được nhận xét."),
    ("PaperSheetDialog", "Note added in the name of %1.", "Đã thêm nhận xét đứng tên %1."),
    ("LogText", "%1 — typed in by the directing staff for %2: %3",
     "%1 — tổ đạo diễn nhập thay %2: %3"),
    # a score's problem: the criterion and the post are quoted by the value itself, named as
    # the window shows them ("“2. Xử trí…” (xu-tri)") or by their ids in quotes
    ("Problems", "criterion %1 is not scored for post %2",
     "tiêu chí %1 không chấm cho cương vị %2"),
    ("Problems", "the score %1 is below 0 (criterion %2)", "điểm %1 nhỏ hơn 0 (tiêu chí %2)"),
    ("Problems", "the score %1 is over the maximum %2 of criterion %3",
     "điểm %1 vượt điểm tối đa %2 của tiêu chí %3"),
    ("Problems", "a second score of criterion %1 for post %2 by \"%3\" (the first is on line %4)",
     "điểm thứ hai của tiêu chí %1 cho cương vị %2 do \"%3\" chấm (điểm đầu ở dòng %4)"),
]

REMOVE = [
    ("Problems", "criterion \"%1\" is not scored for post \"%2\""),
    ("Problems", "the score %1 is below 0 (criterion \"%2\")"),
    ("Problems", "the score %1 is over the maximum %2 of criterion \"%3\""),
    ("Problems", "a second score of criterion \"%1\" for post \"%2\" by \"%3\" (the first is on "
                 "line %4)"),
]
