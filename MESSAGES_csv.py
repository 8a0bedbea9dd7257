"""Translations of the strings the csv-rows branch adds: the scores CSV's quote problems, its
plainer lines, and the comments a CSV without a comment column keeps (applied with the tools)."""

MESSAGES = [
    # a CSV's quotes, each told on its line (ui/problems.py)
    ("Problems", "a quote (\") is misplaced in %1 («%2»): quotes go around a whole cell, as in "
     "%3, and a quote inside a cell is typed twice (\"\")",
     "dấu ngoặc kép (\") đặt sai chỗ trong %1 («%2»): dấu ngoặc kép phải bao quanh cả ô, như "
     "%3, còn dấu ngoặc kép nằm trong ô thì gõ hai lần (\"\")"),
    ("Problems", "a quote (\") opens %1 and is never closed: close it at the end of the cell, "
     "as in %2",
     "%1 có dấu ngoặc kép (\") mở mà không đóng: hãy thêm dấu ngoặc kép đóng ở cuối ô, như %2"),
    ("Problems", "a quote (\") opens %1 and is never closed, so the rest of the file, lines %2 "
     "to %3, was read as that one cell: close it at the end of the cell, as in %4",
     "%1 có dấu ngoặc kép (\") mở mà không đóng, nên toàn bộ phần còn lại của tệp, từ dòng %2 "
     "đến dòng %3, bị đọc thành nội dung của ô đó: hãy thêm dấu ngoặc kép đóng ở cuối ô, như "
     "%4"),
    ("Problems", "a quote (\") opens %1 and is not closed on this line, so lines %2 to %3 were "
     "read as that one cell: close it at the end of the cell, as in %4",
     "%1 có dấu ngoặc kép (\") mở mà không đóng trên dòng này, nên các dòng từ %2 đến %3 bị đọc "
     "thành nội dung của ô đó: hãy thêm dấu ngoặc kép đóng ở cuối ô, như %4"),
    ("Problems", "the quotes (\") of this line cannot be read",
     "không đọc được các dấu ngoặc kép (\") của dòng này"),
    ("Problems", "the %1 cell", "ô «%1»"),
    ("Problems", "cell %1", "ô thứ %1"),
    # a CSV's other lines, in plainer words
    ("Problems", "the header has %1 columns and this line %2",
     "dòng đầu có %1 cột, còn dòng này có %2 cột"),
    ("Problems", "this line separates its columns with semicolons and the header with commas: "
     "use the same in every line",
     "dòng này ngăn cách các cột bằng dấu chấm phẩy, còn dòng đầu bằng dấu phẩy: hãy dùng cùng "
     "một dấu cho mọi dòng"),
    ("Problems", "this line separates its columns with commas and the header with semicolons: "
     "use the same in every line",
     "dòng này ngăn cách các cột bằng dấu phẩy, còn dòng đầu bằng dấu chấm phẩy: hãy dùng cùng "
     "một dấu cho mọi dòng"),
    ("Problems", "this is a spreadsheet workbook, not a CSV file: in Excel, save it as "
     "\"CSV UTF-8\"",
     "đây là tệp bảng tính, không phải tệp CSV: trong Excel, hãy lưu lại dưới dạng "
     "\"CSV UTF-8\""),
    # a CSV without the comment column keeps the comments already given
    ("CsvImportDialog", "The file has no comment column: the comments already given stay as "
     "they are.",
     "Tệp không có cột comment: các ghi chú đã có được giữ nguyên."),
    ("PreviewModel", "Kept as it is: the file gives no comment for this row.\n%1",
     "Giữ nguyên: tệp không có ghi chú cho dòng này.\n%1"),
]

# Python's own words for a CSV's quotes are no longer told: the lines above replace them.
REMOVE = [
    ("Problems", "a quote (\") is opened and not closed before the end of the file"),
    ("Problems", "after a closing quote (\") there must be \"%1\""),
    # told now as "the header has %1 columns and this line %2"
    ("Problems", "the line should have %1 fields and has %2"),
]
