"""Draw the application icon (a gold star on a dark green shield) to resources/icons/."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402,E501
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    """The icon at one size."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    shield = QPainterPath()
    shield.moveTo(128 * s, 12 * s)
    shield.lineTo(228 * s, 44 * s)
    shield.cubicTo(228 * s, 150 * s, 190 * s, 210 * s, 128 * s, 246 * s)
    shield.cubicTo(66 * s, 210 * s, 28 * s, 150 * s, 28 * s, 44 * s)
    shield.closeSubpath()
    p.setPen(QPen(QColor("#c9a227"), max(1.0, 10 * s)))
    p.setBrush(QBrush(QColor("#1f4d2b")))
    p.drawPath(shield)
    star = QPolygonF()
    for n in range(10):
        radius = (62 if n % 2 == 0 else 25) * s
        angle = -math.pi / 2 + n * math.pi / 5
        star.append(QPointF(128 * s + radius * math.cos(angle), 120 * s + radius * math.sin(angle)))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("#f2c230")))
    p.drawPolygon(star)
    p.setBrush(QBrush(QColor("#c9a227")))
    p.drawRect(QRectF(84 * s, 196 * s, 88 * s, 10 * s))
    p.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text and formats need it
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "dientap.png"))
    draw(64).save(str(OUT / "dientap-64.png"))
    if not draw(256).save(str(OUT / "dientap.ico")):
        print("this Qt cannot write .ico; dientap.ico not written")
    for name in sorted(p.name for p in OUT.iterdir()):
        print(OUT / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
