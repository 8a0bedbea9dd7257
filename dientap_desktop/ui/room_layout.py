"""Where the projector puts an inject's images: each one whole, aspect kept, as large as it fits."""

from __future__ import annotations

from math import ceil

Rect = tuple[int, int, int, int]  # x, y, width, height


def grid(sizes: list[tuple[int, int]], width: int, height: int, gap: int,
         max_scale: float) -> tuple[list[Rect], int, int]:
    """Rects showing each image (width, height) whole with its aspect kept, in the rows and
    columns that show them largest inside width × height (never enlarged over max_scale);
    each row centred, rows from the top, without the gaps when they leave no room. Returns
    the rects and the size of the block they take; no rects when there is no room at all."""
    best: tuple[float, int, list[tuple[int, int]]] | None = None
    for columns in range(1, len(sizes) + 1):
        rows = ceil(len(sizes) / columns)
        cell_w = (width - (columns - 1) * gap) / columns
        cell_h = (height - (rows - 1) * gap) / rows
        if cell_w < 1 or cell_h < 1:
            continue
        scaled = []
        for w, h in sizes:
            scale = min(cell_w / max(w, 1), cell_h / max(h, 1), max_scale)
            scaled.append((max(1, int(w * scale)), max(1, int(h * scale))))
        area = sum(w * h for w, h in scaled)
        if best is None or area > best[0]:
            best = (area, columns, scaled)
    if best is None:  # a room too small for the gaps: the images side by side
        return grid(sizes, width, height, 0, max_scale) if gap else ([], 0, 0)
    _area, columns, scaled = best
    rows = [scaled[i:i + columns] for i in range(0, len(scaled), columns)]
    block_w = max(sum(w for w, _h in row) + gap * (len(row) - 1) for row in rows)
    rects: list[Rect] = []
    y = 0
    for row in rows:
        row_h = max(h for _w, h in row)
        x = (block_w - sum(w for w, _h in row) - gap * (len(row) - 1)) // 2
        for w, h in row:
            rects.append((x, y + (row_h - h) // 2, w, h))
            x += w + gap
        y += row_h + gap
    return rects, block_w, y - gap


def placed(rects: list[Rect], left: int, top: int) -> list[Rect]:
    """The rects moved by (left, top)."""
    return [(x + left, y + top, w, h) for x, y, w, h in rects]
