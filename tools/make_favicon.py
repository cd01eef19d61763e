"""Draw the favicon (a red event marker on a dark disc) as app/static/favicon.ico and .svg.

Pure Python (zlib + struct): a 32x32 RGBA PNG wrapped in an ICO container, so browsers that ask
for /favicon.ico get a real icon and the pages link the SVG.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "app" / "static"
SIZE = 32
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<circle cx="16" cy="16" r="15" fill="#1d2b3a"/>
<circle cx="16" cy="16" r="9" fill="#c0392b"/>
<circle cx="16" cy="16" r="3.5" fill="#ffffff"/>
</svg>
"""


def _pixel(x: float, y: float) -> tuple[int, int, int, int]:
    d = ((x - 15.5) ** 2 + (y - 15.5) ** 2) ** 0.5
    if d <= 3.5:
        return (255, 255, 255, 255)
    if d <= 9:
        return (192, 57, 43, 255)
    if d <= 15:
        return (29, 43, 58, 255)
    return (0, 0, 0, 0)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png() -> bytes:
    """The icon as PNG bytes."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(_pixel(x, y)) for x in range(SIZE)) for y in range(SIZE)
    )
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, 9))
        + _chunk(b"IEND", b"")
    )


def ico(image: bytes) -> bytes:
    """One PNG image in an ICO container (supported since Windows Vista and by every browser)."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return header + entry + image


def main() -> None:
    """Write favicon.ico and favicon.svg into app/static."""
    (STATIC / "favicon.ico").write_bytes(ico(png()))
    (STATIC / "favicon.svg").write_text(SVG, encoding="utf-8")
    print(f"wrote {STATIC / 'favicon.ico'} and favicon.svg")


if __name__ == "__main__":
    main()
