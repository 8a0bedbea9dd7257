"""Translations of the strings this branch adds to the scenario problems (applied with the tools)."""

MESSAGES = [
    ("Problems", "a \"-\" that starts a list item must be followed by a space",
     "sau dấu \"-\" mở đầu một mục danh sách phải có dấu cách"),
    ("Problems", "the value holds \": \", which YAML reads as another field: put the whole value "
                 "in quotes",
     "giá trị có \": \" nên YAML hiểu thành một trường khác: hãy đặt cả giá trị trong ngoặc kép"),
    ("Problems", "the line is indented further than the line above it: align it with the fields "
                 "it belongs with",
     "dòng này thụt lề sâu hơn dòng trên: hãy viết thẳng hàng với các trường cùng cấp"),
    ("Problems", "the line is not aligned with the fields above it: check its indentation",
     "dòng này không thẳng hàng với các trường ở trên: hãy kiểm tra thụt lề"),
    ("Problems", "the line is not aligned with the list items above it: start a new item with "
                 "\"- \", or indent it as the other fields of its item",
     "dòng này không thẳng hàng với các mục danh sách ở trên: mục mới phải bắt đầu bằng \"- \", "
     "còn trường của một mục phải thụt lề như các trường khác của mục đó"),
    ("Problems", "the line has no \":\" after its field name (a text that goes on from the line "
                 "above must be indented further)",
     "dòng này thiếu dấu \":\" sau tên trường (nếu là phần tiếp theo của văn bản ở dòng trên thì "
     "phải thụt lề sâu hơn)"),
    ("Problems", "the quote (%1) opened on this line is never closed",
     "dấu ngoặc (%1) mở ở dòng này không được đóng lại"),
    ("Problems", "the quote (%1) opened on this line is closed only on line %2: close it on this "
                 "line",
     "dấu ngoặc (%1) mở ở dòng này mà đến dòng %2 mới đóng: hãy đóng ngay trên dòng này"),
    ("Problems", "a value cannot start with \"%1\": put the text in quotes",
     "giá trị không được bắt đầu bằng \"%1\": hãy đặt văn bản trong ngoặc kép"),
    ("Problems", "the line holds an invisible line break (%1) after \"%2\", which YAML takes for "
                 "the end of the line: delete it",
     "dòng này có một dấu xuống dòng không nhìn thấy được (%1) sau \"%2\", YAML coi đó là hết "
     "dòng: hãy xóa nó đi"),
    ("Problems", "the alias \"%1\" repeats too much text: written out, the file's text would "
                 "pass %2 characters",
     "tham chiếu \"%1\" lặp lại quá nhiều văn bản: nếu viết đầy đủ, văn bản của tệp sẽ vượt quá "
     "%2 ký tự"),
]

# PyYAML's own words are no longer told: the loader tells each in plain words itself
REMOVE = [
    ("Problems", "a quote (\" or ') is opened and not closed"),
    ("Problems", "a line has no \":\" after its field name"),
    ("Problems", "a list item lacks its \"-\", or a line is indented wrongly"),
    ("Problems", "a \":\" is not allowed here (put text that holds \": \" in quotes)"),
    ("Problems", "a character that cannot start a value (a tab, @ or `): indent with spaces and "
                 "put such text in quotes"),
    ("Problems", "a line is indented wrongly, something follows a value on its line, or a quote "
                 "opened on a line above is not closed"),
]
