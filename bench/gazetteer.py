"""Gazetteer speed: load time, forward (exact/alias and fuzzy) and reverse look-ups per second.

    python -m bench.gazetteer [--seconds 3]

Runs on one core (single-threaded Python). Targets: 50,000 exact-or-alias look-ups/s,
2,000 fuzzy look-ups/s, 100,000 reverse look-ups/s, load under 1 s.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from collections.abc import Callable, Sequence

import numpy as np


def rate(fn: Callable[[object], object], items: Sequence[object], seconds: float) -> float:
    """Calls per second of ``fn`` cycling over ``items`` for about ``seconds``."""
    done, started = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return done / elapsed


def cold_rate(fn: Callable[[object], object], items: Sequence[object], seconds: float) -> float:
    """Like :func:`rate`, but the name-normalisation caches are emptied before every pass."""
    from app.gazetteer.normalize import normalize, parse_query

    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        normalize.cache_clear()
        parse_query.cache_clear()
        for item in items:
            fn(item)
        done += len(items)
    return done / (time.perf_counter() - started)


def typo(rng: random.Random, name: str) -> str:
    """Drop, double or swap one inner character."""
    i = rng.randrange(1, len(name) - 1)
    op = rng.choice(("drop", "double", "swap"))
    if op == "drop":
        return name[:i] + name[i + 1 :]
    if op == "double":
        return name[:i] + name[i] + name[i:]
    return name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    started = time.perf_counter()
    from app.gazetteer.geocoder import Gazetteer

    imported = time.perf_counter() - started
    gazetteer = Gazetteer.load()
    load_times = []
    for _ in range(3):
        load_times.append(Gazetteer.load().load_seconds)

    rng = random.Random(7)
    focus = [p for p in gazetteer.places if p.country in ("IQ", "SY")]
    names = [n for p in focus for n in (p.name, *p.aliases[:3])]
    rng.shuffle(names)
    names = names[:5000]
    misses = [n for n in names if not gazetteer.search(n)]
    typos = []
    for name in (p.name for p in focus if len(p.name) >= 6):
        t = typo(rng, name)
        hits = gazetteer.search(t)
        if hits and hits[0].match == "fuzzy":
            typos.append(t)
    lats = [rng.uniform(29.0, 37.5) for _ in range(20000)]
    lons = [rng.uniform(35.5, 48.5) for _ in range(20000)]
    points = list(zip(lats, lons, strict=True))

    exact = rate(lambda n: gazetteer.search(n), names, args.seconds)  # type: ignore[arg-type]
    exact_cold = cold_rate(lambda n: gazetteer.search(n), names, args.seconds)  # type: ignore[arg-type]
    fuzzy = cold_rate(lambda n: gazetteer.search(n), typos, args.seconds)  # type: ignore[arg-type]
    reverse = rate(lambda p: gazetteer.reverse(*p), points, args.seconds)  # type: ignore[misc]
    admin1 = rate(lambda p: gazetteer.admin1_at(p[1], p[0]), points, args.seconds)  # type: ignore[index]
    lat_arr, lon_arr = np.asarray(lats), np.asarray(lons)
    batch_started = time.perf_counter()
    batches = 0
    while time.perf_counter() - batch_started < args.seconds:
        gazetteer.admin1_many(lon_arr, lat_arr)
        batches += 1
    batch = batches * len(lats) / (time.perf_counter() - batch_started)

    print(
        f"machine: {platform.machine()} {platform.processor() or ''} python "
        f"{platform.python_version()}, one core"
    )
    print(f"gazetteer: {len(gazetteer):,} places, {len(gazetteer.index):,} keys")
    print(f"import of app.gazetteer: {imported:.2f} s (geopandas, shapely, rapidfuzz)")
    print(f"load: {min(load_times):.3f} s best of 3, {max(load_times):.3f} s worst (target < 1 s)")
    print(
        f"forward exact/alias : {exact:>10,.0f} look-ups/s over {len(names):,} names "
        f"({len(misses)} without a hit; target 50,000), normaliser cache warm"
    )
    print(
        f"forward exact/alias : {exact_cold:>10,.0f} look-ups/s, normaliser cache emptied "
        f"before each pass"
    )
    print(
        f"forward fuzzy       : {fuzzy:>10,.0f} look-ups/s over {len(typos):,} typos, "
        f"cache emptied (target 2,000)"
    )
    print(f"reverse (full)      : {reverse:>10,.0f} look-ups/s: country, governorate, district")
    print(f"reverse (admin1)    : {admin1:>10,.0f} look-ups/s: governorate only, one point a call")
    print(
        f"reverse (vectorised): {batch:>10,.0f} points/s: admin1_many over 20,000 points "
        f"(target 100,000)"
    )


if __name__ == "__main__":
    main()
