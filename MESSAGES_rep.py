"""Vietnamese for the strings of branch report-polish: the observers' notes named in the window
as the after-action report heads them (Ưu điểm; Hạn chế, khuyết điểm; Đề xuất, kiến nghị).
The sources are unchanged; their Vietnamese changes."""

MESSAGES = [
    ("Labels", "Strength", "Ưu điểm"),
    ("Labels", "Weakness", "Hạn chế, khuyết điểm"),
    ("Labels", "Proposal", "Đề xuất, kiến nghị"),
    ("ObserverWindow",
     "What went well, what fell short, what to do next time. Ctrl+Enter adds the note.",
     "Ưu điểm, hạn chế, khuyết điểm, đề xuất cho lần sau. Nhấn Ctrl+Enter để thêm nhận xét."),
    ("ObserverWindow", "Strengths, weaknesses and proposals feed the after-action report.",
     "Ưu điểm, hạn chế, khuyết điểm và đề xuất, kiến nghị được đưa vào báo cáo rút kinh "
     "nghiệm."),
]

REMOVE = []
