"""An inject as rich text: for the director (with answer key and notes) or for the room."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument

from dientap_desktop.domain.scenario import Inject

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.strip().splitlines() if line.strip())


def inject_images(exercise, inject: Inject) -> list[tuple[str, QImage | None]]:
    """Each medium of the inject as (its name, its image, or None when it is not an image that
    can be shown)."""
    found: list[tuple[str, QImage | None]] = []
    for relative in inject.media:
        image = None
        if relative.lower().endswith(IMAGE_SUFFIXES) and exercise is not None:
            data = exercise.media(relative)
            image = QImage.fromData(data) if data else None
        found.append((relative, image if image is not None and not image.isNull() else None))
    return found


def add_media(document: QTextDocument, exercise, inject: Inject) -> list[tuple[str, str]]:
    """Put the inject's images into the document; returns (resource url, name) of each medium."""
    found = []
    for n, (relative, image) in enumerate(inject_images(exercise, inject)):
        url = f"media://{inject.id}/{n}" if image is not None else ""
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        found.append((url, relative))
    return found


def inject_html(inject: Inject, number: int, total: int, *, posts: dict[str, str],
                media: list[tuple[str, str]], for_room: bool, image_width: int,
                secrets: bool = True) -> str:
    """The inject as HTML; `for_room` leaves out the posts, the answer key and the director's
    notes; `secrets=False` the answer key and the notes alone (a projector mirroring the
    director's screen shows the room whatever is on it)."""
    word_inject = QCoreApplication.translate("InjectText", "Inject")
    word_attached = QCoreApplication.translate("InjectText", "Attached file:")
    word_posts = QCoreApplication.translate("InjectText", "Posts that must respond:")
    word_expected = QCoreApplication.translate("InjectText", "Expected actions (answer key)")
    word_notes = QCoreApplication.translate("InjectText", "Director’s notes (not projected):")
    head = []
    if inject.scenario_time:
        # amber readable on the director's white and on the projector's dark blue alike
        tone = "#fbbf24" if for_room else "#b45309"
        head.append(f"<span style='color:{tone}'>{escape(inject.scenario_time)}</span>")
    if inject.source:
        head.append(escape(inject.source))
    # The room reads the title across the hall; the director, at arm's length, needs the
    # text and the answer key in sight more than a title of five lines.
    title_tag = "h1" if for_room else "h2"
    parts = [
        f"<p style='margin:0'><b>{escape(word_inject)} {number}/{total}</b>"
        + (" · " + " · ".join(head) if head else "") + "</p>",
        f"<{title_tag} style='margin-top:6px'>{escape(inject.title)}</{title_tag}>",
        _paragraphs(inject.text),
    ]
    for url, name in media:
        if url:
            parts.append(f"<p><img src='{url}' width='{image_width}'><br>"
                         f"<small>{escape(name)}</small></p>")
        else:
            parts.append(f"<p><i>{escape(word_attached)} {escape(name)}</i></p>")
    if not for_room:
        targets = ", ".join(escape(posts.get(p, p)) for p in inject.targets)
        parts.append(f"<p><b>{escape(word_posts)}</b> {targets}</p>")
        if not secrets:
            hidden = QCoreApplication.translate(
                "InjectText", "The answer key and the notes are hidden on this screen (Ctrl+H).")
            parts.append(f"<p style='color:#6b7280'><i>{escape(hidden)}</i></p>")
        elif inject.expected:
            parts.append(f"<h3>{escape(word_expected)}</h3>")
            for post_id in inject.targets:
                actions = inject.expected.get(post_id)
                if not actions:
                    continue
                items = "".join(f"<li>{escape(a)}</li>" for a in actions)
                parts.append(f"<p style='margin-bottom:0'><b>{escape(posts.get(post_id, post_id))}"
                             f"</b></p><ol style='margin-top:2px'>{items}</ol>")
        if inject.notes and secrets:
            parts.append(
                "<table width='100%' cellpadding='8' style='background:#fff7d6; color:#3f2d00'>"
                f"<tr><td><b>{escape(word_notes)}</b><br>"
                f"{escape(inject.notes)}</td></tr></table>")
    return "".join(parts)
