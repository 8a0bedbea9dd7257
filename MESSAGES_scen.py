"""Translations of the strings this branch adds to the scenario problems (applied with the tools)."""

MESSAGES = [
    ("Problems", "the alias \"%1\" repeats too much text: written out, the file's text would "
                 "pass %2 characters",
     "tham chiếu \"%1\" lặp lại quá nhiều văn bản: nếu viết đầy đủ, văn bản của tệp sẽ vượt quá "
     "%2 ký tự"),
]

REMOVE = []
