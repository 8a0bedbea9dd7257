#!/usr/bin/env python3
"""Update the Vietnamese translation: lupdate over app.py and ui/, apply new Vietnamese, lrelease.

Usage (from the project folder, with the venv's Python):

    .venv/bin/python tools/update_translations.py            # after adding or changing strings
    .venv/bin/python tools/update_translations.py --apply vi.tsv

The first form refreshes resources/translations/dientap_vi.ts from the sources and, if some
strings have no Vietnamese yet, writes them to resources/translations/missing_vi.tsv, one a line:

    context<TAB>English source<TAB>

Fill in the third column (Vietnamese, with its diacritics) and run the second form: it puts the
translations into the .ts and compiles dientap_vi.qm. A line "<TAB>source<TAB>Vietnamese" (no
context) applies to that source in every context. Write newlines in a source or translation as
\\n and tabs as \\t. Commit dientap_vi.ts and dientap_vi.qm (never missing_vi.tsv).

In a class, translate with self.tr("...") only in classes that nobody subclasses: PySide looks
the string up under the name of the object's own class. Elsewhere use
QCoreApplication.translate("Context", "...") or QT_TRANSLATE_NOOP("Context", "...") with the
literal strings written in the call, so that lupdate can find them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "dientap_vi.ts"
QM = TS.with_suffix(".qm")
MISSING = TS.parent / "missing_vi.tsv"
BIN = Path(sys.executable).parent


def sources() -> list[Path]:
    """The files lupdate reads: app.py and every module of ui/."""
    package = ROOT / "dientap_desktop"
    return [package / "app.py", *sorted((package / "ui").rglob("*.py"))]


def tool(name: str) -> str:
    """The path of a pyside6 tool next to this Python, or its bare name."""
    found = BIN / name
    return str(found) if found.exists() else name


def lupdate(ts: Path = TS) -> None:
    """Merge the strings found in the sources into a .ts (strings gone from them are dropped)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    if not ts.exists():
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                      '<TS version="2.1" language="vi_VN"></TS>\n', encoding="utf-8")
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-target-language", "vi_VN", *map(str, sources()), "-ts", str(ts)],
                   check=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    """Compile the .ts into the .qm the app loads."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(tree: ET.ElementTree):
    """(context name, message element) of every message of a .ts."""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def translation_text(message: ET.Element) -> str:
    """The Vietnamese of a message ("" when there is none)."""
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    if forms:
        return forms[0].text or ""
    return translation.text or ""


def is_finished(message: ET.Element) -> bool:
    """Whether a message has a finished, non-empty translation."""
    translation = message.find("translation")
    return (translation is not None and translation.get("type") is None
            and bool(translation_text(message).strip()))


def set_translation(message: ET.Element, text: str) -> None:
    """Give a message its (finished) Vietnamese."""
    text = unicodedata.normalize("NFC", text)
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = text


def read(ts: Path = TS) -> ET.ElementTree:
    """Parse a .ts."""
    return ET.parse(ts)


def write(tree: ET.ElementTree, ts: Path = TS) -> None:
    """Write a .ts back with the header lupdate expects."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def _escape(text: str) -> str:
    return text.replace("\t", "\\t").replace("\n", "\\n")


def apply(tsv: Path, ts: Path = TS) -> int:
    """Put the translations of a context/source/Vietnamese file into the .ts; returns how many."""
    wanted: dict[tuple[str, str], str] = {}
    for number, line in enumerate(tsv.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{tsv}:{number}: expected context<TAB>source<TAB>translation")
        context, source, text = parts
        if text.strip():
            wanted[(context, _unescape(source))] = _unescape(text)
    tree = read(ts)
    done = 0
    for context, message in messages(tree):
        source = message.findtext("source") or ""
        text = wanted.get((context, source), wanted.get(("", source)))
        if text is not None:
            set_translation(message, text)
            done += 1
    write(tree, ts)
    return done


def missing(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    return [(context, message.findtext("source") or "")
            for context, message in messages(read(ts)) if not is_finished(message)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apply", type=Path, metavar="TSV",
                        help="context<TAB>source<TAB>Vietnamese lines to put into the .ts")
    args = parser.parse_args(argv)
    lupdate()
    if args.apply:
        print(f"{args.apply}: {apply(args.apply)} translations applied")
    lrelease()
    left = missing()
    if left:
        MISSING.write_text("".join(f"{c}\t{_escape(s)}\t\n" for c, s in left), encoding="utf-8")
        print(f"{len(left)} strings have no Vietnamese yet: fill in {MISSING.relative_to(ROOT)}"
              f" and run: {Path(sys.executable).name} tools/update_translations.py --apply "
              f"{MISSING.relative_to(ROOT)}")
        return 1
    MISSING.unlink(missing_ok=True)
    print(f"{TS.relative_to(ROOT)}: every string translated; {QM.relative_to(ROOT)} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
