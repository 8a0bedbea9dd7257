"""Translations of the strings this branch adds: why a file could not be written, or its folder."""

MESSAGES = [
    ("Problems", "this is a file, not a folder", "đây là tệp, không phải thư mục"),
    ("Problems", "this is a folder; give the new file's name",
     "đây là thư mục; hãy đặt tên cho tệp mới"),
    ("Problems", "the folder is on a read-only disk", "thư mục nằm trên ổ đĩa chỉ đọc"),
    ("Problems", "the file name is too long; choose a shorter name",
     "tên tệp quá dài; hãy chọn tên ngắn hơn"),
]

REMOVE = []
