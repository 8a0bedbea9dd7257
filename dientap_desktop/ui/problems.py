"""Problems with files and CSVs, told by storage/ and domain/ in plain English lines (as the command
line prints them), put into the window's language: each known reason has its translation here."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from dientap_desktop.ui.labels import filled

_VALUE = r'"(.*?)"'
# a cell of a CSV, by its column in the header or counted ("the score cell", "cell 6")
_CELL = r"the \S+ cell|cell \d+"

# An English reason (a regular expression for the end of the line) and its translation, with %1,
# %2... for the groups. The first that matches is used; a line none matches stays as it is.
_REASONS = [
    # a file holding a scenario that cannot be used: the scenario's own problems are told too
    (r"the scenario inside the kit is invalid: (.*)",
     QT_TRANSLATE_NOOP("Problems", "the scenario inside the kit cannot be used: %1")),
    (r"the scenario inside is invalid: (.*)",
     QT_TRANSLATE_NOOP("Problems", "the scenario inside the exercise file cannot be used: %1")),
    # a reference to a list that has no item at all (before "unknown post" of the scores)
    (rf"unknown (?:post|phase|inject|criterion) {_VALUE} \(known: none\)",
     QT_TRANSLATE_NOOP("Problems", "there is no %what \"%1\" (there is no %what at all)")),
    # a file that could not be written, or its folder (temporary.py, storage/database.py): before
    # "not a file", which ends one of them
    (r"this is a file, not a folder",
     QT_TRANSLATE_NOOP("Problems", "this is a file, not a folder")),
    (r"this is a folder, not a file",
     QT_TRANSLATE_NOOP("Problems", "this is a folder, not a file")),
    # files
    (r"no such file", QT_TRANSLATE_NOOP("Problems", "the file does not exist")),
    (r"not a file", QT_TRANSLATE_NOOP("Problems", "this is a folder or a device, not a file")),
    (r"no such folder", QT_TRANSLATE_NOOP("Problems", "the folder does not exist")),
    (r"this is a folder; give the new file's name",
     QT_TRANSLATE_NOOP("Problems", "this is a folder; give the new file's name")),
    (r"the folder is on a read-only disk",
     QT_TRANSLATE_NOOP("Problems", "the folder is on a read-only disk")),
    (r"the file name is too long; choose a shorter name",
     QT_TRANSLATE_NOOP("Problems", "the file name is too long; choose a shorter name")),
    (r"not an exercise file \(not an SQLite database\)",
     QT_TRANSLATE_NOOP("Problems", "this is not an exercise file")),
    (r"not an exercise file \(another program's database\)",
     QT_TRANSLATE_NOOP("Problems", "this is another program's database, not an exercise file")),
    (r"this is an observer kit, not an exercise file",
     QT_TRANSLATE_NOOP("Problems", "this is an observer kit, not an exercise file")),
    (r"this is an exercise file, not an observer kit",
     QT_TRANSLATE_NOOP("Problems", "this is an exercise file, not an observer kit")),
    (r"not an observer kit \(.*\)", QT_TRANSLATE_NOOP("Problems", "this is not an observer kit")),
    # a -wal left beside a file by another one of the same name (a copy put in its place)
    (rf"the file is damaged \((.*)\), unless {_VALUE} beside it holds changes of another file "
     rf"\(was a copy put in its place\?\): close the program, move {_VALUE} and {_VALUE} to "
     r"another folder, then open the file again",
     QT_TRANSLATE_NOOP("Problems", "the file is damaged, unless \"%2\" beside it holds "
                                   "changes of another file (was a copy put in its place?): "
                                   "close the program, move \"%3\" and \"%4\" to another "
                                   "folder, then open the file again")),
    (rf"{_VALUE} beside it holds changes of another file \(was a copy put in its place\?\): "
     rf"close the program, move {_VALUE} and {_VALUE} to another folder, then open the file "
     r"again",
     QT_TRANSLATE_NOOP("Problems", "\"%1\" beside it holds changes of another file (was a copy "
                                   "put in its place?): close the program, move \"%2\" and "
                                   "\"%3\" to another folder, then open the file again")),
    # what SQLite could not do with a file that is not damaged (storage/database.py)
    (r"the disk is full \((.*)\); make room on it, then try again",
     QT_TRANSLATE_NOOP("Problems", "the disk is full; make room on it, then try again")),
    (r"the disk cannot be read or written \((.*)\); check the disk or the USB stick, then try "
     r"again",
     QT_TRANSLATE_NOOP("Problems", "the disk cannot be read or written; check the disk or the "
                                   "USB stick, then try again")),
    (r"the file is in use by another program \((.*)\); close it there, then try again",
     QT_TRANSLATE_NOOP("Problems", "the file is in use by another program; close it there, "
                                   "then try again")),
    (r"the file is no longer where it was opened \(deleted, renamed or its disk removed\); "
     r"nothing more can be written to it",
     QT_TRANSLATE_NOOP("Problems", "the file is no longer where it was opened (deleted, "
                                   "renamed, or its disk removed): nothing more can be written "
                                   "to it")),
    (r"the file cannot be written \((.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the file cannot be written (%1)")),
    (r"not enough memory to read the file \((.*)\); close other programs, then try again",
     QT_TRANSLATE_NOOP("Problems", "not enough memory to read the file; close other programs, "
                                   "then try again")),
    (r"the file cannot be used \((.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the file cannot be used (%1)")),
    (r"the file is damaged \((.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the file is damaged and cannot be read; open a copy of it "
                                   "instead")),
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
    (rf"the kit is for scenario {_VALUE}, the exercise runs {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the kit is for the scenario \"%1\"; the exercise open runs "
                                   "\"%2\"")),
    (rf"the kit assigns post {_VALUE} unknown to the exercise",
     QT_TRANSLATE_NOOP("Problems", "the kit gives the post \"%1\" to score, which the exercise "
                                   "does not have")),
    (rf"this kit was merged before with observer {_VALUE} and now names observer {_VALUE}: .*",
     QT_TRANSLATE_NOOP("Problems", "this kit was merged before with the observer \"%1\" and now "
                                   "names the observer \"%2\": the observer of a kit cannot "
                                   "change (was the kit edited outside the program?)")),
    (r"the kit's structure was altered .*",
     QT_TRANSLATE_NOOP("Problems", "the kit was altered outside the program: it is not used")),
    (r"too large for an observer kit .*",
     QT_TRANSLATE_NOOP("Problems", "the file is too large for an observer kit")),
    (r"cannot read the file: (.*)", QT_TRANSLATE_NOOP("Problems", "cannot read the file (%1)")),
    (r"cannot read the file \((.*)\)", QT_TRANSLATE_NOOP("Problems", "cannot read the file (%1)")),
    (r"a link to a file outside the scenario's folder",
     QT_TRANSLATE_NOOP("Problems", "this file is a link to a file outside the scenario's folder")),
    (r"no built-in scenario has this id and no such file exists \(built-in: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "there is no built-in scenario with this id and no file of "
                                   "this name (built-in: %1)")),
    # observer kits altered outside the program, and what a kit refuses to write
    (r"not a valid observer kit \(kit version (-?\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "this is not a valid observer kit (kit version %1)")),
    (r"the kit must describe one exercise \(found (\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "the kit must describe exactly one exercise (it describes "
                                   "%1)")),
    (r"the kit must hold one scenario \(found (\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "the kit must hold exactly one scenario (it holds %1)")),
    (rf"the kit names scenario {_VALUE} but holds {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the kit names the scenario \"%1\" but holds \"%2\"")),
    (rf"{_VALUE} is not a date", QT_TRANSLATE_NOOP("Problems", "\"%1\" is not a date")),
    (rf"unknown status {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the exercise status \"%1\" is not known")),
    (r"the kit assigns no post to score",
     QT_TRANSLATE_NOOP("Problems", "the kit gives no post to score")),
    (r"text longer than (\d+) characters",
     QT_TRANSLATE_NOOP("Problems", "the text is longer than %1 characters")),
    (r"text holds a NUL character",
     QT_TRANSLATE_NOOP("Problems", "the text holds a NUL character")),
    (rf"unknown (?:note )?kind {_VALUE} \(known: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the note kind \"%1\" is not known (the kinds are: %2)")),
    (r"the scenario cannot be copied into a kit without changing it",
     QT_TRANSLATE_NOOP("Problems", "the scenario cannot be copied into a kit without changing "
                                   "it")),
    (r"no post chosen", QT_TRANSLATE_NOOP("Problems", "no post is chosen")),
    (r"the kit cannot be written \((.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the kit cannot be written (%1)")),
    (r"the kit is open read-only", QT_TRANSLATE_NOOP("Problems", "the kit is open read-only")),
    (r"the note is empty", QT_TRANSLATE_NOOP("Problems", "the note is empty")),
    (r"the note is longer than (\d+) characters",
     QT_TRANSLATE_NOOP("Problems", "the note is longer than %1 characters")),
    (r"its last changes are still in (\S+) and the folder cannot be written; open it where it "
     r"can be written",
     QT_TRANSLATE_NOOP("Problems", "its last changes are still in %1 and its folder cannot be "
                                   "written (a read-only disk or folder): copy the file with %1 "
                                   "to a folder that can be written, and open it there")),
    (r"this is an exercise file; a kit never replaces one, choose another name",
     QT_TRANSLATE_NOOP("Problems", "this is an exercise file: a kit never replaces one; choose "
                                   "another name")),
    # decisions
    (r"the decision's time (.+) is before the inject was delivered \((.+)\)",
     QT_TRANSLATE_NOOP("Problems", "the decision's time %1 is before the inject was delivered "
                                   "(%2)")),
    (r"the decision's time (.+) has not come yet \(now: (.+)\)",
     QT_TRANSLATE_NOOP("Problems", "the decision's time %1 has not come yet (it is now %2)")),
    # scores (CSV files, kits)
    (r"the score is empty: type it, or delete the line",  # a template's row left unscored
     QT_TRANSLATE_NOOP("Problems", "the score is empty: type it, or delete the line")),
    (rf"score {_VALUE} is not a number",
     QT_TRANSLATE_NOOP("Problems", "the score \"%1\" is not a number")),
    (rf"unknown post {_VALUE} \(known: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "there is no post \"%1\" (the posts are: %2)")),
    (rf"unknown post {_VALUE}", QT_TRANSLATE_NOOP("Problems", "there is no post \"%1\"")),
    (rf"unknown criterion {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "there is no criterion \"%1\"")),
    (rf"criterion {_VALUE} does not apply to post {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "criterion %1 is not scored for post %2")),
    (rf"score (\S+) is below 0 for criterion {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the score %1 is below 0 (criterion %2)")),
    (rf"score (\S+) is over the maximum (\S+) of criterion {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the score %1 is over the maximum %2 of criterion %3")),
    (rf"observer {_VALUE} is not this kit's observer {_VALUE}",
     QT_TRANSLATE_NOOP("Problems", "the observer \"%1\" is not this kit's observer \"%2\"")),
    (r"the observer's name is missing",
     QT_TRANSLATE_NOOP("Problems", "the observer's name is missing")),
    (r"the observer's name is empty",
     QT_TRANSLATE_NOOP("Problems", "the observer's name is missing")),
    (r"the observer's name is longer than (\d+) characters",
     QT_TRANSLATE_NOOP("Problems", "the observer's name is longer than %1 characters")),
    (rf"the score {_VALUE} has its decimal comma outside quotes, which splits it into two "
     rf"columns: write {_VALUE} in quotes, or (\S+)",
     QT_TRANSLATE_NOOP("Problems", "the score \"%1\" has its decimal comma outside quotes, "
                                   "which splits it into two columns: write \"%2\" in "
                                   "quotes, or %3")),
    (r"the header has (\d+) columns and this line (\d+)",
     QT_TRANSLATE_NOOP("Problems", "the header has %1 columns and this line %2")),
    (r"this line separates its columns with semicolons and the header with commas: use the "
     r"same in every line",
     QT_TRANSLATE_NOOP("Problems", "this line separates its columns with semicolons and the "
                                   "header with commas: use the same in every line")),
    (r"this line separates its columns with commas and the header with semicolons: use the "
     r"same in every line",
     QT_TRANSLATE_NOOP("Problems", "this line separates its columns with commas and the "
                                   "header with semicolons: use the same in every line")),
    (r"the header must be (.*) \(comment may be left out\)",
     QT_TRANSLATE_NOOP("Problems", "the first line must be %1 (comment may be left out)")),
    (rf"the header is separated by tabs: separate {_VALUE} by commas \(or semicolons\)",
     QT_TRANSLATE_NOOP("Problems", "the first line separates the columns with tabs: separate "
                                   "\"%1\" with commas (or semicolons)")),
    (rf"the header is separated by {_VALUE}: separate {_VALUE} by commas \(or semicolons\)",
     QT_TRANSLATE_NOOP("Problems", "the first line separates the columns with \"%1\": "
                                   "separate \"%2\" with commas (or semicolons)")),
    (rf"a second score of criterion {_VALUE} for post {_VALUE} by {_VALUE} \(first at line "
     r"(\d+)\)",
     QT_TRANSLATE_NOOP("Problems", "a second score of criterion %1 for post %2 by \"%3\" "
                                   "(the first is on line %4)")),
    (r'not UTF-8 text \(byte (\d+)\): in Excel, save it as "CSV UTF-8"',
     QT_TRANSLATE_NOOP("Problems", "the text is not in UTF-8 (byte %1): save it as \"CSV UTF-8\"")),
    (r"not a regular file \(expected a CSV file\)",
     QT_TRANSLATE_NOOP("Problems", "this is not a CSV file")),
    (r"this is not a CSV text file", QT_TRANSLATE_NOOP("Problems", "this is not a CSV text file")),
    (r'this is a spreadsheet workbook, not a CSV file: in Excel, save it as "CSV UTF-8"',
     QT_TRANSLATE_NOOP("Problems", "this is a spreadsheet workbook, not a CSV file: in Excel, "
                                   "save it as \"CSV UTF-8\"")),
    (r"the file is larger than (\d+) MB",
     QT_TRANSLATE_NOOP("Problems", "the file is larger than %1 MB")),
    # a CSV's quotes: the cell is named by its column first (_CELLS), as the line says it
    (rf'a quote \(\"\) is misplaced in ({_CELL}) \(«(.*)»\): quotes go around a whole cell, '
     rf'as in ("[^"]*"), and a quote inside a cell is typed twice \(""\)',
     QT_TRANSLATE_NOOP("Problems", "a quote (\") is misplaced in %1 («%2»): quotes go around "
                                   "a whole cell, as in %3, and a quote inside a cell is typed "
                                   "twice (\"\")")),
    (rf'a quote \(\"\) opens ({_CELL}) and is never closed: close it at the end of the cell, '
     rf'as in ("[^"]*")',
     QT_TRANSLATE_NOOP("Problems", "a quote (\") opens %1 and is never closed: close it at the "
                                   "end of the cell, as in %2")),
    (rf'a quote \(\"\) opens ({_CELL}) and is never closed, so the rest of the file, lines '
     rf'(\d+) to (\d+), was read as that one cell: close it at the end of the cell, as in '
     rf'("[^"]*")',
     QT_TRANSLATE_NOOP("Problems", "a quote (\") opens %1 and is never closed, so the rest of "
                                   "the file, lines %2 to %3, was read as that one cell: close "
                                   "it at the end of the cell, as in %4")),
    (rf'a quote \(\"\) opens ({_CELL}) and is not closed on this line, so lines (\d+) to '
     rf'(\d+) were read as that one cell: close it at the end of the cell, as in ("[^"]*")',
     QT_TRANSLATE_NOOP("Problems", "a quote (\") opens %1 and is not closed on this line, so "
                                   "lines %2 to %3 were read as that one cell: close it at the "
                                   "end of the cell, as in %4")),
    (r'the quotes \(\"\) of this line cannot be read',
     QT_TRANSLATE_NOOP("Problems", "the quotes (\") of this line cannot be read")),
    (r"a cell is longer than (\d+) characters",
     QT_TRANSLATE_NOOP("Problems", "a cell is longer than %1 characters")),
    # a kit's value after the score it belongs to ('score of criterion "c" for post "p": ...')
    (r"(?<=entry time: )(.+) is not a time", QT_TRANSLATE_NOOP("Problems", "%1 is not a time")),
    (r"(?<=\": )(.+) is not a number", QT_TRANSLATE_NOOP("Problems", "%1 is not a number")),
    # after a kit's first problems, told one by one (storage/database.py FileProblems)
    (r"and (\d+) more problems like these",
     QT_TRANSLATE_NOOP("Problems", "and %1 more problems like these")),
]
# scenario files: every problem the loader tells (the field paths stay as written in the file, in
# English, like the file's own keys)
_WHAT = {"post": QT_TRANSLATE_NOOP("Problems", "post"),
         "phase": QT_TRANSLATE_NOOP("Problems", "phase"),
         "inject": QT_TRANSLATE_NOOP("Problems", "inject"),
         "criterion": QT_TRANSLATE_NOOP("Problems", "criterion")}
_REASONS += [
    (rf"unknown inject {_VALUE}", QT_TRANSLATE_NOOP("Problems", "there is no inject \"%1\"")),
    (rf"unknown field {_VALUE} \(did you mean {_VALUE}\?\)",
     QT_TRANSLATE_NOOP("Problems", "the field \"%1\" is not in the format: did you mean "
                                   "\"%2\"? (fields of your own start with x-)")),
    (rf"unknown field {_VALUE} \(known: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the field \"%1\" is not in the format (the fields here: %2; "
                                   "fields of your own start with x-)")),
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
    (rf"invalid time: found text {_VALUE} \(expected .*\)",  # the value alone: "01:75"
     QT_TRANSLATE_NOOP("Problems", "the time \"%1\" is not valid (write \"HH:MM\" with minutes "
                                   "below 60, or whole minutes)")),
    (r"invalid time: found (.*) \(expected .*\)",
     QT_TRANSLATE_NOOP("Problems", "the time %1 is not valid (write \"HH:MM\" with minutes "
                                   "below 60, or whole minutes)")),
    (r"file too large \((.*) bytes; the limit is (\d+) MB\)",
     QT_TRANSLATE_NOOP("Problems", "the file is too large (%1 bytes; at most %2 MB)")),
    (r"not valid Unicode text \(a lone surrogate character\)",
     QT_TRANSLATE_NOOP("Problems", "the text holds an invalid Unicode character")),
    (r"an alias refers to a collection that contains it",
     QT_TRANSLATE_NOOP("Problems", "a reference (*) points to the list or fields that contain "
                                   "it")),
    (r"too many aliased nodes \(more than (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "too many values repeated through references (*): more than "
                                   "%1")),
    (r"nested too deeply \(more than (\d+) levels\)",
     QT_TRANSLATE_NOOP("Problems", "lists and fields are nested too deeply (more than %1 "
                                   "levels)")),
    (rf"unsupported YAML tag {_VALUE} \(.*\)",
     QT_TRANSLATE_NOOP("Problems", "the YAML tag \"%1\" is not allowed (only text, numbers, "
                                   "yes/no values, lists and fields)")),
    (r"a field name must be plain text, found (.*)",
     QT_TRANSLATE_NOOP("Problems", "a field name must be plain text, not %1")),
    (r'"<<" must merge a mapping, found (.*)',
     QT_TRANSLATE_NOOP("Problems", "\"<<\" must merge fields (name: value), not %1")),
    (r"expected a mapping of fields at the top level \(.*\), found (.*)",
     QT_TRANSLATE_NOOP("Problems", "the file must hold the scenario's fields (format, id, "
                                   "title, ...), not %1")),
    (r"empty state \(expected readiness and/or locality\)",
     QT_TRANSLATE_NOOP("Problems", "the state is empty (write readiness, locality or both)")),
    (r"max (\S+) is below the default ratings' min (\S+) \(give scale.ratings too\)",
     QT_TRANSLATE_NOOP("Problems", "the scale's max %1 is below the min %2 of the default "
                                   "ratings (write scale.ratings too)")),
    (r"the scale's max is (\S+), not 10, and no ratings are given: the default ratings apply "
     r"as they are \((.*)\), not scaled to it; give scale.ratings for this scale",
     QT_TRANSLATE_NOOP("Problems", "the scale's max is %1, not 10, and it gives no ratings: "
                                   "the default ratings apply as they are (%2), not scaled to "
                                   "it; write scale.ratings for this scale")),
    (r"min (\S+) is above the scale's max (\S+) \(the default\)",
     QT_TRANSLATE_NOOP("Problems", "the rating's min %1 is above the scale's max %2 (the "
                                   "default max)")),
    (r"not valid YAML: (.*)",
     QT_TRANSLATE_NOOP("Problems", "the file is not valid YAML (%1): check the indentation "
                                   "and the quotes")),
    (r"the file is empty .*", QT_TRANSLATE_NOOP("Problems", "the file is empty")),
    (rf"path {_VALUE} holds a control character \(a file name cannot\)",
     QT_TRANSLATE_NOOP("Problems", "the file name \"%1\" holds a control character, which no "
                                   "file name can hold")),
    (rf"path {_VALUE} leaves the scenario's folder \(\"..\" is not allowed\)",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" leads out of the scenario's folder "
                                   "(\"..\" is not allowed)")),
    (rf"path {_VALUE} leaves the scenario's folder .*",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" is outside the scenario's folder")),
    (rf"path {_VALUE} is a link to a file outside the scenario's folder \({_VALUE}\); copy the "
     r"file into the folder",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" is a link to \"%2\", outside the "
                                   "scenario's folder: copy the file into the folder")),
    (rf"path {_VALUE} is a link to a file outside the scenario's .*",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" is outside the scenario's folder")),
    (rf"absolute path {_VALUE} .*",
     QT_TRANSLATE_NOOP("Problems", "the file \"%1\" must be given relative to the scenario's "
                                   "folder")),
    (r"not UTF-8 text \(byte (0x[0-9a-f]+)\); save the file as UTF-8",
     QT_TRANSLATE_NOOP("Problems", "the text is not in UTF-8 (byte %1): save the file as "
                                   "UTF-8")),
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
_REASONS += [  # last: a kit's text value left empty ("kit.observer: empty")
    (r"(?<=: )empty", QT_TRANSLATE_NOOP("Problems", "it is empty")),
]
_WORDS = {rf"unknown {w} " : w for w in _WHAT} | {rf"repeated {w} ": w for w in _WHAT}

# a cell of a CSV named in a problem with its quotes
_CELLS = [
    (r"the (\S+) cell", QT_TRANSLATE_NOOP("Problems", "the %1 cell")),
    (r"cell (\d+)", QT_TRANSLATE_NOOP("Problems", "cell %1")),
]

# how a value found in a file is told ("found a list", "found text \"x\""; a kit tells the type
# of what it found: "bytes")
_FOUND = [
    (r"a list", QT_TRANSLATE_NOOP("Problems", "a list")),
    (r"a mapping", QT_TRANSLATE_NOOP("Problems", "fields (name: value)")),
    (r"nothing", QT_TRANSLATE_NOOP("Problems", "nothing")),
    (r"text (.*) \(write decimals with a dot: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the text %1 (write decimals with a dot: %2)")),
    (r"text (.*) \(write the number without quotes: (.*)\)",
     QT_TRANSLATE_NOOP("Problems", "the text %1 (write the number without quotes: %2)")),
    (r"text (.*)", QT_TRANSLATE_NOOP("Problems", "the text %1")),
    (r"the number (.*)", QT_TRANSLATE_NOOP("Problems", "the number %1")),
    (r"the true/false value (.*)", QT_TRANSLATE_NOOP("Problems", "the yes/no value %1")),
    (r"the date (.*)", QT_TRANSLATE_NOOP("Problems", "the date %1")),
    (r"bytes", QT_TRANSLATE_NOOP("Problems", "binary data")),
]

# why the system could not read a file, as Python gives it (strerror)
_SYSTEM = [
    (r"No such file or directory", QT_TRANSLATE_NOOP("Problems", "the file does not exist")),
    (r"Permission denied", QT_TRANSLATE_NOOP("Problems", "no permission to read it")),
    (r"Is a directory", QT_TRANSLATE_NOOP("Problems", "this is a folder, not a file")),
    (r"not a regular file", QT_TRANSLATE_NOOP("Problems", "this is not a file that can be read "
                                                          "(a pipe or a device)")),
    (r"Not a directory", QT_TRANSLATE_NOOP("Problems", "a folder in the path is a file")),
    (r"Input/output error", QT_TRANSLATE_NOOP("Problems", "the disk cannot be read")),
    (r"File name too long", QT_TRANSLATE_NOOP("Problems", "the file name is too long")),
    (r"Too many levels of symbolic links",
     QT_TRANSLATE_NOOP("Problems", "the links lead round in a loop")),
]

# YAML written wrongly, as the scenario loader tells it in plain words (domain/yaml_syntax.py):
# each line whole, in the window's language
_YAML = [
    QT_TRANSLATE_NOOP("Problems", "a tab character in the indentation: indent with spaces only"),
    QT_TRANSLATE_NOOP("Problems", "a list in [ ] lacks a \",\" or its closing \"]\""),
    QT_TRANSLATE_NOOP("Problems", "fields in { } lack a \",\" or the closing \"}\""),
    QT_TRANSLATE_NOOP("Problems", "a \"-\" that starts a list item must be followed by a space"),
    QT_TRANSLATE_NOOP("Problems", "the value holds \": \", which YAML reads as another field: "
                                  "put the whole value in quotes"),
    QT_TRANSLATE_NOOP("Problems", "the line is indented further than the line above it: align "
                                  "it with the fields it belongs with"),
    QT_TRANSLATE_NOOP("Problems", "the line is not aligned with the fields above it: check its "
                                  "indentation"),
    QT_TRANSLATE_NOOP("Problems", "the line is not aligned with the list items above it: start "
                                  "a new item with \"- \", or indent it as the other fields of "
                                  "its item"),
    QT_TRANSLATE_NOOP("Problems", "the line has no \":\" after its field name (a text that goes "
                                  "on from the line above must be indented further)"),
    QT_TRANSLATE_NOOP("Problems", "a \"*\" refers to an anchor (&) that does not exist: put "
                                  "text that starts with * in quotes"),
    QT_TRANSLATE_NOOP("Problems", "two anchors (&) have the same name"),
    QT_TRANSLATE_NOOP("Problems", "the file holds more than one document: remove the second "
                                  "\"---\""),
    QT_TRANSLATE_NOOP("Problems", "a \"\\\" in double quotes starts an unknown code: write "
                                  "\"\\\\\" or use single quotes"),
    QT_TRANSLATE_NOOP("Problems", "a \\x, \\u or \\U code in double quotes is not valid"),
    QT_TRANSLATE_NOOP("Problems", "the text holds a control character, which is not allowed"),
    QT_TRANSLATE_NOOP("Problems", "a YAML directive (a line that starts with %) is written "
                                  "wrongly"),
    QT_TRANSLATE_NOOP("Problems", "the name of an anchor (&) or reference (*) is written "
                                  "wrongly: put text that starts with & or * in quotes"),
    QT_TRANSLATE_NOOP("Problems", "a YAML tag (!) is written wrongly"),
    QT_TRANSLATE_NOOP("Problems", "a block of text (| or >) is written wrongly"),
    QT_TRANSLATE_NOOP("Problems", "a value is missing, or starts with a character not allowed "
                                  "here"),
    QT_TRANSLATE_NOOP("Problems", "the lines at the top level are not aligned: start them at "
                                  "the beginning of the line"),
    QT_TRANSLATE_NOOP("Problems", "a list item \"-\" is not allowed here"),
    QT_TRANSLATE_NOOP("Problems", "a \"?\" is not allowed here"),
    QT_TRANSLATE_NOOP("Problems", "a \"---\" or \"...\" line is not allowed here"),
    QT_TRANSLATE_NOOP("Problems", "the file ends in the middle of a value"),
    QT_TRANSLATE_NOOP("Problems", "something follows a value on its line"),
]
_REASONS += [(re.escape(line), line) for line in _YAML] + [
    (r"the quote \((.)\) opened on this line is never closed",
     QT_TRANSLATE_NOOP("Problems", "the quote (%1) opened on this line is never closed")),
    (r"the quote \((.)\) opened on this line is closed only on line (\d+): close it on this line",
     QT_TRANSLATE_NOOP("Problems", "the quote (%1) opened on this line is closed only on line "
                                   "%2: close it on this line")),
    (rf"a value cannot start with {_VALUE}: put the text in quotes",
     QT_TRANSLATE_NOOP("Problems", "a value cannot start with \"%1\": put the text in quotes")),
    (rf"the line holds an invisible line break \((U\+[0-9A-F]+)\) after {_VALUE}, which YAML "
     r"takes for the end of the line: delete it",
     QT_TRANSLATE_NOOP("Problems", "the line holds an invisible line break (%1) after \"%2\", "
                                   "which YAML takes for the end of the line: delete it")),
    (rf"the alias {_VALUE} repeats too much text: written out, the file's text would pass "
     r"(\S+) characters",
     QT_TRANSLATE_NOOP("Problems", "the alias \"%1\" repeats too much text: written out, the "
                                   "file's text would pass %2 characters")),
]

# The values of the problems of a score (a CSV's row, a kit's) by what they are, for the reasons
# whose pattern holds the key: a score, told with the window's decimal mark; a criterion or a
# post, named as the window names it when the caller knows how (see in_language), else by its
# id in quotes; None for a value told as it is.
_KINDS = {
    "is below 0 for criterion": ("score", "criterion"),
    "is over the maximum": ("score", "score", "criterion"),
    "does not apply to post": ("criterion", "post"),
    "a second score of criterion": ("criterion", "post", None, None),
}

# where in a kit a problem was found: told before the reason ('score of criterion "c" for post
# "p": comment: text longer than 2000 characters')
_PLACES = [
    (r"score of criterion {0} for post {0}",
     QT_TRANSLATE_NOOP("Problems", "score of criterion \"%1\" for post \"%2\"")),
    (r"score of criterion {0} for post {0}: comment",
     QT_TRANSLATE_NOOP("Problems", "comment on the score of criterion \"%1\" for post "
                                   "\"%2\"")),
    (r"score of criterion {0} for post {0}: entry time",
     QT_TRANSLATE_NOOP("Problems", "entry time of the score of criterion \"%1\" for post "
                                   "\"%2\"")),
    (r"note (.+?)", QT_TRANSLATE_NOOP("Problems", "note %1")),
    (r"note (.+?): text", QT_TRANSLATE_NOOP("Problems", "text of note %1")),
    (r"note (.+?): inject", QT_TRANSLATE_NOOP("Problems", "inject of note %1")),
    (r"note (.+?): post", QT_TRANSLATE_NOOP("Problems", "post of note %1")),
]


# the scenario inside a kit or an exercise file, named in its problems ("k.dtkit (scenario):3: ")
_SCENARIO = (QT_TRANSLATE_NOOP("Problems", "(scenario)"),
             QT_TRANSLATE_NOOP("Problems", "(scenario %1)"))


def _told_from(table: list[tuple[re.Pattern, str]], text: str) -> str:
    """A value told by the first entry of a table it matches whole; else as it is."""
    for pattern, template in table:
        match = pattern.fullmatch(text)
        if match:
            return filled(QCoreApplication.translate("Problems", template), *match.groups())
    return text


def _scenario_problems(text: str) -> str:
    """The problems of a scenario inside a file, each told; several are joined with "; ". Each
    starts with the file's name and "(scenario)", or "(scenario ID)" in an exercise file."""
    first = re.match(r"(.*?) \(scenario( [^)]*)?\)(?=:)", text)
    if first is None:
        return _in_language(text)
    label = (QCoreApplication.translate("Problems", _SCENARIO[1]).replace("%1", first[2][1:])
             if first[2] else QCoreApplication.translate("Problems", _SCENARIO[0]))
    parts = re.split(f"; (?={re.escape(first[0])})", text)
    return "; ".join(_counted(_in_language(part)).replace(first[0], f"{first[1]} {label}", 1)
                     for part in parts)


@cache
def _tables() -> tuple[list, list, dict]:
    """The tables compiled, once, when a problem is first told."""
    def compiled(table: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
        return [(re.compile(pattern), text) for pattern, text in table]

    reasons = [(re.compile(f"(?:^|(?<= )){pattern}$"), text) for pattern, text in _REASONS]
    places = [(re.compile(rf"(?<=: ){pattern.format(_VALUE)}$"), text)
              for pattern, text in reversed(_PLACES)]  # "note n: text" before "note n"
    found, system, cells = compiled(_FOUND), compiled(_SYSTEM), compiled(_CELLS)
    tellers = {  # reasons whose last value (or the one at the index given) is told too, by
                 # what their pattern holds
        "found (": lambda value: _told_from(found, value),  # what was found in the file
        "cannot read the file": lambda value: _told_from(system, value),
        "the scenario inside": _scenario_problems,
        # the first value: the CSV's cell whose quote is wrong
        "a quote": (lambda value: _told_from(cells, value), 0),
    }
    return reasons, places, tellers


def _place(prefix: str) -> str:
    """The start of a problem line, with the place in a kit it names told: a kit has no lines,
    so "k.dtkit: note 1: " is told and "f.yaml:3: posts[0].id: " stays as it is."""
    if not prefix.endswith(": ") or re.search(r":\d+: ", prefix):
        return prefix
    for pattern, template in _tables()[1]:
        match = pattern.search(prefix[:-2])
        if match:
            told = filled(QCoreApplication.translate("Problems", template), *match.groups())
            return prefix[:match.start()] + told + ": "
    return prefix


# the file a problem line starts with, up to its line number or its reason ("/home/a/x.yaml:12:
# ...", "C:\\b\\x.dtkit (scenario):3: ...", "/media/usb/ex.dientap: ...")
_LEADING_FILE = re.compile(r"(.+?)(?= \(scenario[^)]*\):\d+: |:\d+: |: )")


def _named(line: str) -> str:
    """A problem line with the file it starts with named by its name alone, there and further
    on (the director chose the file; where it lies is under "details"). Only a path that names
    a file or folder there is cut: a line that starts with a reason is left as it is."""
    leading = _LEADING_FILE.match(line)
    if leading is None:
        return line
    path = leading.group(1)
    name = re.split(r"[/\\]", path)[-1]
    if name == path or not name or not (os.path.exists(path) or os.path.isabs(path)):
        return line
    return line.replace(path, name)


# a scenario file's list item, counted from 0 in the field's path ("injects[1].title"): said
# counted from 1 beside it, as the director counts ("the 2nd inject")
_ITEMS = {"injects": QT_TRANSLATE_NOOP("Problems", "inject no. %1"),
          "posts": QT_TRANSLATE_NOOP("Problems", "post no. %1"),
          "phases": QT_TRANSLATE_NOOP("Problems", "phase no. %1"),
          "criteria": QT_TRANSLATE_NOOP("Problems", "criterion no. %1")}
_ITEM = re.compile(r"(?<=: )(injects|posts|phases|criteria)\[(\d+)\][^ :]*(?=: )")


def _counted(line: str) -> str:
    """A scenario file's problem line with the item its field path names counted from 1."""
    item = _ITEM.search(line)
    if item is None or not re.match(r"(?:[A-Za-z]:)?[^:]*:\d+: $", line[:item.start()]):
        return line
    said = QCoreApplication.translate("Problems", _ITEMS[item.group(1)]).replace(
        "%1", str(int(item.group(2)) + 1))
    return f"{line[:item.end()]} ({said}){line[item.end():]}"


def in_language(line: str, names: Callable[[str, str], str | None] | None = None) -> str:
    """A problem line with its reason in the window's language; the file it starts with named
    by its name (with its line number, if any), a scenario's list item counted from 1 beside
    its field, and a reason not known here left in English. A score in it has the window's
    decimal mark, and a criterion or a post it names by id is told by `names` ("criterion" or
    "post", the id), when given and it knows it, else by its id in quotes."""
    return _counted(_named(_in_language(line, names)))


def _in_language(line: str, names: Callable[[str, str], str | None] | None = None) -> str:
    reasons, _places, tellers = _tables()
    for pattern, text in reasons:
        found = pattern.search(line)
        if found:
            translated = QCoreApplication.translate("Problems", text)
            if "%what" in translated:
                word = next(w for key, w in _WORDS.items() if found.group(0).startswith(key))
                translated = translated.replace(
                    "%what", QCoreApplication.translate("Problems", _WHAT[word]))
            values = list(found.groups())
            for key, teller in tellers.items():
                if key in pattern.pattern and values:
                    teller, at = teller if isinstance(teller, tuple) else (teller, -1)
                    values[at] = teller(values[at])
            kinds = next((kinds for key, kinds in _KINDS.items() if key in pattern.pattern), ())
            for at, kind in enumerate(kinds):
                if kind == "score":
                    values[at] = values[at].replace(".", QLocale().decimalPoint())
                elif kind is not None:
                    values[at] = (names(kind, values[at]) if names else None) \
                        or f'"{values[at]}"'
            return _place(line[:found.start()]) + filled(translated, *values)
    return line


def is_known(line: str) -> bool:
    """Whether a problem line has a translation here (for tests)."""
    return any(pattern.search(line) for pattern, _text in _tables()[0])


def told(error: BaseException) -> str:
    """The known problems of an error, one a line in the window's language ("" when none is
    known here: the error dialog then shows the English lines under "details")."""
    problems = getattr(error, "problems", None)
    lines = [str(p) for p in problems] if problems else str(error).splitlines()
    return "\n".join(in_language(line) for line in lines[:5] if is_known(line))
