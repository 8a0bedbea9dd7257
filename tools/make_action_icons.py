"""Draw the director's action icons (start, deliver, skip, undo, pause, finish, projector, new,
open) to resources/icons/actions/NAME-SIZE.png, at the sizes menus and tool bars ask for up to
a 400% screen, and in light ink as NAME-SIZE-light.png for dark themes.

The program ships these instead of asking the Qt style for its standard icons: the same look on
every system, sharp at every size, and no QStyle to set up before the window is first shown.
Run it again after changing a drawing: .venv/bin/python tools/make_action_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons" / "actions"
SIZES = (16, 24, 32, 48, 64, 96)
INKS = {"": QColor("#2f3437"), "-light": QColor("#e8eaeb")}  # on light and on dark themes
INK = QColor(INKS[""])  # the ink being drawn with (set by draw)


def triangle(p: QPainter, left: float, top: float, width: float, height: float,
             pointing_right: bool = True) -> None:
    """A filled triangle in the box, pointing right (or left)."""
    if pointing_right:
        points = [QPointF(left, top), QPointF(left + width, top + height / 2),
                  QPointF(left, top + height)]
    else:
        points = [QPointF(left + width, top), QPointF(left, top + height / 2),
                  QPointF(left + width, top + height)]
    p.drawPolygon(QPolygonF(points))


def start(p: QPainter) -> None:
    triangle(p, 6, 4, 13, 16)


def deliver_next(p: QPainter) -> None:
    triangle(p, 4, 4, 12, 16)
    p.drawRect(QRectF(17, 4, 3, 16))


def deliver_chosen(p: QPainter) -> None:
    p.drawRect(QRectF(3, 10, 11, 4))
    triangle(p, 13, 5, 8, 14)


def skip(p: QPainter) -> None:
    triangle(p, 2, 5, 10, 14)
    triangle(p, 12, 5, 10, 14)


def undo(p: QPainter) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(INK, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    path = QPainterPath(QPointF(19, 19))
    path.cubicTo(QPointF(19, 9), QPointF(14, 8), QPointF(9, 8))
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    triangle(p, 2, 3, 8, 10, pointing_right=False)


def pause(p: QPainter) -> None:
    p.drawRect(QRectF(6, 4, 4, 16))
    p.drawRect(QRectF(14, 4, 4, 16))


def finish(p: QPainter) -> None:
    p.drawRect(QRectF(5, 5, 14, 14))


def projector(p: QPainter) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(INK, 2))
    p.drawRoundedRect(QRectF(3, 4, 18, 12), 1.5, 1.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawRect(QRectF(11, 16, 2, 3))
    p.drawRect(QRectF(7, 19, 10, 2))
    p.setBrush(QColor("#c9a227"))
    triangle(p, 10, 7, 5, 6)


def new(p: QPainter) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(INK, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                  Qt.PenJoinStyle.MiterJoin))
    page = QPainterPath(QPointF(5, 3))
    for x, y in ((14, 3), (19, 8), (19, 21), (5, 21)):
        page.lineTo(x, y)
    page.closeSubpath()
    p.drawPath(page)
    p.drawPolyline(QPolygonF([QPointF(14, 3), QPointF(14, 8), QPointF(19, 8)]))


def open_file(p: QPainter) -> None:
    p.setBrush(QColor("#e0b84f"))
    p.setPen(QPen(INK, 1.5))
    folder = QPainterPath(QPointF(2, 6))
    for x, y in ((9, 6), (11, 8), (20, 8), (20, 19), (2, 19)):
        folder.lineTo(x, y)
    folder.closeSubpath()
    p.drawPath(folder)
    p.setBrush(QColor("#f2d27a"))
    flap = QPainterPath(QPointF(5, 11))
    for x, y in ((22, 11), (20, 19), (2, 19)):
        flap.lineTo(x, y)
    flap.closeSubpath()
    p.drawPath(flap)


ICONS = {"start": start, "deliver-next": deliver_next, "deliver-chosen": deliver_chosen,
         "skip": skip, "undo": undo, "pause": pause, "finish": finish,
         "projector": projector, "new": new, "open": open_file}


def draw(paint, size: int, ink: QColor) -> QImage:
    """One icon at one size in one ink, drawn on a 24-unit grid."""
    INK.setRgba(ink.rgba())
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 24, size / 24)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    paint(p)
    p.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, paint in ICONS.items():
        for size in SIZES:
            for suffix, ink in INKS.items():
                target = OUT / f"{name}-{size}{suffix}.png"
                if not draw(paint, size, ink).save(str(target)):
                    raise SystemExit(f"could not write {target}")
    print(f"{len(ICONS) * len(SIZES) * len(INKS)} icons in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
