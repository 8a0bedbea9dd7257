"""Translations of the strings this branch adds to the export dialog (applied with the tools)."""

MESSAGES = [
    ("ExportDialog", "Not made: %1.", "Không làm được: %1."),
    ("ExportDialog", "a part of its content could not be laid out on the pages",
     "có phần nội dung không dàn được vào trang"),
    ("ExportDialog", "the program failed while making it",
     "chương trình gặp lỗi khi làm văn bản này"),
    ("ExportDialog", "%1 (%2): %3.", "%1 (%2): %3."),
    ("ExportDialog", "These documents could not be made; the others were written:",
     "Không làm được các văn bản sau; các văn bản khác đã được ghi:"),
    ("ExportDialog", "The reports could not be written: the program failed while making them. "
     "Copy the details for whoever looks after it.",
     "Không ghi được báo cáo: chương trình gặp lỗi khi làm báo cáo. Hãy sao chép chi tiết "
     "gửi người phụ trách chương trình."),
]

REMOVE = []
