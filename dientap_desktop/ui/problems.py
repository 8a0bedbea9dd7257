"""Problems with files and CSVs, told by storage/ and domain/ in plain English lines (as the command
line prints them), put into the window's language: each known reason has its translation here."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_VALUE = r'"(.*?)"'

# An English reason (a regular expression for the end of the line) and its translation, with %1,
# %2... for the groups. The first that matches is used; a line none matches stays as it is.
_REASONS = [
    # files
    (r"no such file", QT_TRANSLATE_NOOP("Problems", "the file does not exist")),
    (r"not a file", QT_TRANSLATE_NOOP("Problems", "this is a folder or a device, not a file")),
    (r"no such folder", QT_TRANSLATE_NOOP("Problems", "the folder does not exist")),
    (r"not an exercise file \(not an SQLite database\)",
     QT_TRANSLATE_NOOP("Problems", "this is not an exercise file")),
    (r"not an exercise file \(another program's database\)",
     QT_TRANSLATE_NOOP("Problems", "this is another program's database, not an exercise file")),
    (r"this is an observer kit, not an exercise file",
     QT_TRANSLATE_NOOP("Problems", "this is an observer kit, not an exercise file")),
    (r"this is an exercise file, not an observer kit",
     QT_TRANSLATE_NOOP("Problems", "this is an exercise file, not an observer kit")),
    (r"not an observer kit \(.*\)", QT_TRANSLATE_NOOP("Problems", "this is not an observer kit")),
    (r"the file is damaged \((.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the file is damaged (%1); use a backup copy")),
    (r"the file cannot be opened \((.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the file cannot be opened (%1)")),
    (r"the exercise file holds no scenario",
     QT_TRANSLATE_NOOP("Problems", "the exercise file holds no scenario")),
    (r"the file is read-only \(no permission to change it\)",
     QT_TRANSLATE_NOOP("Problems", "the file is read-only (no permission to change it)")),
    (r"no permission to write in this folder",
     QT_TRANSLATE_NOOP("Problems", "no permission to write in this folder")),
    (r"the file already exists; choose another name",
     QT_TRANSLATE_NOOP("Problems", "the file already exists; choose another name")),
    (r"this is the file itself; choose another name",
     QT_TRANSLATE_NOOP("Problems", "this is the file itself; choose another name")),
    (r"the file was made by a newer version of dientap \(file version (\d+), this program "
     r"reads up to (\d+)\); update the program to open it",
     QT_TRANSLATE_NOOP("Problems", "the file was made by a newer version of the program (file "
                                   "version %1, this one reads up to %2): install the newer "
                                   "version to open it")),
    (r"the kit was made by a newer version of dientap .*",
     QT_TRANSLATE_NOOP("Problems", "the kit was made by a newer version of the program: install "
                                   "the newer version to use it")),
    (r"the kit belongs to another exercise \(«(.*?)».*",
     QT_TRANSLATE_NOOP("Problems", "the kit belongs to another exercise («%1»)")),
    (r"the kit's structure was altered .*",
     QT_TRANSLATE_NOOP("Problems", "the kit was altered outside the program: it is not used")),
    (r"too large for an observer kit .*",
     QT_TRANSLATE_NOOP("Problems", "the file is too large for an observer kit")),
    # scores (CSV files, kits)
    (rf"score {_VALUE} is not a number",
     QT_TRANSLATE_NOOP("Problems", "the score \"%1\" is not a number")),
    (rf"unknown post {_VALUE} \(known: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "there is no post \"%1\" (the posts are: %2)")),
    (rf"unknown post {_VALUE}", QT_TRANSLATE_NOOP("Problems", "there is no post \"%1\"")),
    (rf"unknown criterion {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "there is no criterion \"%1\"")),
    (rf"criterion {_VALUE} does not apply to post {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "criterion \"%1\" is not scored for post \"%2\"")),
    (rf"score (\S+) is below 0 for criterion {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the score %1 is below 0 (criterion \"%2\")")),
    (rf"score (\S+) is over the maximum (\S+) of criterion {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the score %1 is over the maximum %2 of criterion \"%3\"")),
    (rf"observer {_VALUE} is not this kit's observer {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the observer \"%1\" is not this kit's observer \"%2\"")),
    (r"the observer is empty", QT_TRANSLATE_NOOP("Problems", "the observer's name is missing")),
    (r"the observer's name is longer than (\d+) characters",
     QT_TRANSLATE_NOOP("Problems", "the observer's name is longer than %1 characters")),
    (r"expected (\d+) fields, found (\d+)",
     QT_TRANSLATE_NOOP("Problems", "the line should have %1 fields and has %2")),
    (r"the header must be (.*) \(comment may be left out\)",
     QT_TRANSLATE_NOOP("Problems", "the first line must be %1 (comment may be left out)")),
    (rf"a second score of criterion {_VALUE} for post {_VALUE} by {_VALUE} \(first at line "
     r"(\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "a second score of criterion \"%1\" for post \"%2\" by "
                                   "\"%3\" (the first is on line %4)")),
    (r"not UTF-8 text \(byte (\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "the text is not in UTF-8 (byte %1): save it as \"CSV UTF-8\"")),
    (r"not a regular file \(expected a CSV file\)",
     QT_TRANSLATE_NOOP("Problems", "this is not a CSV file")),
    (r"not a CSV text file \(it holds NUL bytes\)",
     QT_TRANSLATE_NOOP("Problems", "this is not a CSV text file")),
    (r"the file is larger than (\d+) MB",
     QT_TRANSLATE_NOOP("Problems", "the file is larger than %1 MB")),
]
# scenario files: the commonest problems of a file written by hand (the field paths stay as
# written in the file, in English, like the file's own keys)
_WHAT = {"post": QT_TRANSLATE_NOOP("Problems", "post"),
         "phase": QT_TRANSLATE_NOOP("Problems", "phase"),
         "inject": QT_TRANSLATE_NOOP("Problems", "inject"),
         "criterion": QT_TRANSLATE_NOOP("Problems", "criterion")}
_REASONS += [
    (rf"unknown field {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the field \"%1\" is not in the format (check its spelling; "
                                   "fields of your own start with x-)")),
    (rf"missing required field {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the required field \"%1\" is missing")),
    (rf"duplicate field {_VALUE} \(first at line (\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "the field \"%1\" is written twice (first on line %2)")),
    (rf"invalid id {_VALUE} \(expected .*\)",
     QT_TRANSLATE_NOOP("Problems", "the id \"%1\" is not valid (1 to 64 characters: a-z, 0-9 "
                                   "and -, no spaces or accents)")),
    (rf"duplicate id {_VALUE} \(first at line (\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "the id \"%1\" is used twice (first on line %2)")),
    (rf"unsupported format {_VALUE} \(expected {_VALUE}\)",
     QT_TRANSLATE_NOOP("Problems", "the format \"%1\" is not supported (write \"%2\")")),
    (r"empty text \(expected non-empty text\)",
     QT_TRANSLATE_NOOP("Problems", "the text is empty")),
    (r"empty list \(expected at least one (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the list is empty (at least one is needed)")),
    (rf"no criterion applies to post {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "no criterion is scored for post \"%1\"")),
    (rf"{_VALUE} is not a target of this inject.*",
     QT_TRANSLATE_NOOP("Problems", "\"%1\" is not among the posts that must respond to this "
                                   "inject")),
    (r"invalid time: found (.*) \(expected .*\)",
     QT_TRANSLATE_NOOP("Problems", "the time %1 is not valid (write \"HH:MM\" with minutes "
                                   "below 60, or whole minutes)")),
    (r"not valid YAML: (.*)",
     QT_TRANSLATE_NOOP("Problems", "the file is not valid YAML (%1): check the indentation "
                                   "and the quotes")),
    (r"the file is empty .*", QT_TRANSLATE_NOOP("Problems", "the file is empty")),
    (rf"path {_VALUE} leaves the scenario's folder .*",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" is outside the scenario's folder")),
    (rf"path {_VALUE} is a link to a file outside the scenario's .*",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" is outside the scenario's folder")),
    (rf"absolute path {_VALUE} .*",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" must be given relative to the scenario's "
                                   "folder")),
    (r"not UTF-8 text .*",
     QT_TRANSLATE_NOOP("Problems", "the text is not in UTF-8: save the file as UTF-8")),
    (r"expected a number > 0, found (.*)",
     QT_TRANSLATE_NOOP("Problems", "a number above 0 is expected here, not %1")),
    (r"expected a number >= 0, found (.*)",
     QT_TRANSLATE_NOOP("Problems", "a number from 0 up is expected here, not %1")),
    (r"expected a number, found (.*)",
     QT_TRANSLATE_NOOP("Problems", "a number is expected here, not %1")),
    (rf"unknown (?:kind|level|readiness|locality) {_VALUE} \(expected one of: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the value \"%1\" is not one of those allowed: %2")),
    (r'expected "all" or a list of post ids, found (.*)',
     QT_TRANSLATE_NOOP("Problems", "write \"all\" or a list of post ids here, not %1")),
    (r"every post has weight 0.*",
     QT_TRANSLATE_NOOP("Problems", "every post weighs 0: give at least one a weight above 0")),
    (r"the last rating's min is (.*) \(expected 0\)",
     QT_TRANSLATE_NOOP("Problems", "the last rating must start at 0, not %1")),
    (r"min (\S+) is above the scale's max (\S+)",
     QT_TRANSLATE_NOOP("Problems", "the rating's min %1 is above the scale's max %2")),
    (r"min (\S+) is not below the previous rating's min (\S+).*",
     QT_TRANSLATE_NOOP("Problems", "the rating's min %1 must be below the min %2 of the rating "
                                   "before it")),
    (r"expected text, found (.*)", QT_TRANSLATE_NOOP("Problems", "text is expected here, "
                                                               "not %1")),
    (r"expected a list of (.*), found (.*)",
     QT_TRANSLATE_NOOP("Problems", "a list is expected here, not %2")),
    (r"expected a mapping \((.*)\), found (.*)",
     QT_TRANSLATE_NOOP("Problems", "fields (name: value) are expected here, not %2")),
]
for word in _WHAT:
    _REASONS += [
        (rf"unknown {word} {_VALUE} \(known: (.*)\)",
         QT_TRANSLATE_NOOP("Problems", "there is no %what \"%1\" (known: %2)")),
        (rf"repeated {word} {_VALUE} \(first at line (\d+)\)",
         QT_TRANSLATE_NOOP("Problems", "the %what \"%1\" is repeated (first on line %2)")),
    ]
_WORDS = {rf"unknown {w} " : w for w in _WHAT} | {rf"repeated {w} ": w for w in _WHAT}
_COMPILED = [(re.compile(f"(?:^|(?<= )){pattern}$"), text) for pattern, text in _REASONS]

# how a value found in a file is told ("found a list", "found text \"x\"")
_FOUND = [
    (re.compile(r"^a list$"), QT_TRANSLATE_NOOP("Problems", "a list")),
    (re.compile(r"^a mapping$"), QT_TRANSLATE_NOOP("Problems", "fields (name: value)")),
    (re.compile(r"^nothing$"), QT_TRANSLATE_NOOP("Problems", "nothing")),
    (re.compile(r"^text (.*)$"), QT_TRANSLATE_NOOP("Problems", "the text %1")),
    (re.compile(r"^the number (.*)$"), QT_TRANSLATE_NOOP("Problems", "the number %1")),
    (re.compile(r"^the true/false value (.*)$"),
     QT_TRANSLATE_NOOP("Problems", "the yes/no value %1")),
    (re.compile(r"^the date (.*)$"), QT_TRANSLATE_NOOP("Problems", "the date %1")),
]


def _found(text: str) -> str:
    for pattern, template in _FOUND:
        match = pattern.match(text)
        if match:
            told = QCoreApplication.translate("Problems", template)
            return told.replace("%1", match.group(1)) if match.groups() else told
    return text


def in_language(line: str) -> str:
    """A problem line with its reason in the window's language; the file (and line number) it
    starts with is kept as it is, and a reason not known here is left in English."""
    for pattern, text in _COMPILED:
        found = pattern.search(line)
        if found:
            translated = QCoreApplication.translate("Problems", text)
            if "%what" in translated:
                word = next(w for key, w in _WORDS.items() if found.group(0).startswith(key))
                translated = translated.replace(
                    "%what", QCoreApplication.translate("Problems", _WHAT[word]))
            values = list(found.groups())
            if "found (" in pattern.pattern:  # the last value says what was found: told too
                values[-1] = _found(values[-1])
            translated = re.sub(  # in one pass: a value that holds "%2" stays as it is
                r"%(\d)", lambda m, values=values: values[int(m.group(1)) - 1]
                if 0 < int(m.group(1)) <= len(values) else m.group(0), translated)
            return line[:found.start()] + translated
    return line


def is_known(line: str) -> bool:
    """Whether a problem line has a translation here (for tests)."""
    return any(pattern.search(line) for pattern, _text in _COMPILED)


def told(error: BaseException) -> str:
    """The known problems of an error, one a line in the window's language ("" when none is
    known here: the error dialog then shows the English lines under "details")."""
    problems = getattr(error, "problems", None)
    lines = [str(p) for p in problems] if problems else str(error).splitlines()
    return "\n".join(in_language(line) for line in lines[:5] if is_known(line))
