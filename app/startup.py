"""Start-up: building the gazetteer, its index and the extraction automata.

Start-up makes a few hundred thousand long-lived objects (places, name keys, automata,
patterns) and next to no garbage, so each run of Python's cyclic garbage collector during it
only walks what was just built; pausing it saves about 0.1 s of CPU of a one-report
``geoevents extract`` (about 1 s). Reference counting still frees whatever start-up discards,
and the collector runs again as soon as the build is over.

What start-up builds from the gazetteer files (the places, their name index and the toponym
automaton over them: about 0.35 s of CPU) is kept in a build cache (:mod:`app.build_cache`)
under ``GEOEVENTS_CACHE_DIR``, keyed by the files' contents and this package's source, and
read back in about a tenth of that. The patterns and lexicons are not cached: a compiled
regular expression is compiled again when it is unpickled.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from app.extraction.pipeline import Extractor
    from app.extraction.places import ToponymMatcher
    from app.gazetteer.geocoder import Gazetteer
    from app.settings import Settings


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off for the block (or the decorated call), then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_short_lived = False


def short_lived_process() -> None:
    """Say that this process is one command that starts, works and exits (the console
    script), so that :func:`freeze_startup` may freeze what start-up built."""
    global _short_lived
    _short_lived = True


def freeze_startup() -> None:
    """In a short-lived process, move everything built so far out of the collector's sight.

    What start-up built lives as long as the command, and without this the collector's first
    pass after start-up walks all of it (about 0.04 s of a one-report ``geoevents extract``),
    and later passes again; forked workers would also copy the pages the collector writes
    to. Nothing happens in a process that may have run a while (a test session invoking
    commands, a server): its pending cyclic garbage would be kept for good.
    """
    if _short_lived:
        gc.freeze()


@dataclass(frozen=True)
class GazetteerBuild:
    """What start-up builds from the gazetteer files: the gazetteer with its name index, and
    the toponym automaton over its names."""

    gazetteer: Gazetteer
    toponyms: ToponymMatcher


def _build(directory: Path | None, user_dir: Path | None) -> GazetteerBuild:
    from app.extraction.places import ToponymMatcher
    from app.gazetteer.geocoder import Gazetteer

    gazetteer = Gazetteer.load(directory, user_dir)
    return GazetteerBuild(gazetteer, ToponymMatcher(gazetteer))


@gc_paused()
def load_gazetteer_build(settings: Settings) -> GazetteerBuild:
    """The gazetteer and toponym automaton the settings name: from the build cache when it
    holds them for these files and this code, else built (and cached for the next start)."""
    import hashlib

    import ahocorasick

    from app.build_cache import cached, extension_stamp, fingerprint
    from app.gazetteer import translit
    from app.gazetteer.loader import default_gazetteer_dir

    started = time.perf_counter()
    directory = (settings.gazetteer.gazetteer_dir or default_gazetteer_dir()).resolve()
    user_dir = settings.gazetteer.resolved_user_dir()
    cache_dir = settings.gazetteer.resolved_cache_dir()
    if cache_dir is None:
        return _build(directory, user_dir)
    user_files = sorted(user_dir.glob("*.csv")) if user_dir.is_dir() else []
    # The user's places count by their files (names and contents): an empty or missing user
    # directory is the same build wherever it is. The transliteration rules make the index's
    # variant keys. One file per gazetteer directory.
    key = fingerprint(
        (str(directory), extension_stamp(ahocorasick)),
        [
            directory / "places.csv",
            directory / "manifest.json",
            *user_files,
            translit.rules_path(),
        ],
    )
    slot = hashlib.sha256(str(directory).encode()).hexdigest()[:16]
    build = cached(
        cache_dir / f"gazetteer-{slot}.pickle",
        key,
        lambda: _build(directory, user_dir),
        GazetteerBuild,
    )
    build.gazetteer.load_seconds = time.perf_counter() - started
    return build


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer the settings name (through the build cache)."""
    return load_gazetteer_build(settings).gazetteer


def load_extractor(settings: Settings) -> Extractor:
    """The extractor the settings describe, over the cached gazetteer and automaton."""
    from app.extraction.pipeline import Extractor

    build = load_gazetteer_build(settings)
    return Extractor.configured(build.gazetteer, settings, toponyms=build.toponyms)


def main() -> None:
    """Build the start-up cache ahead of the first command (``make install``, the image)."""
    import sys

    from app.settings import Settings

    settings = Settings.from_env()
    build = load_gazetteer_build(settings)
    where = settings.gazetteer.resolved_cache_dir()
    sys.stdout.write(
        f"start-up cache: {len(build.gazetteer):,} places in {where or '(switched off)'}\n"
    )


if __name__ == "__main__":
    # Through app.startup, not this __main__ module: the cache pickles GazetteerBuild by its
    # module's name, and "__main__.GazetteerBuild" cannot be read back by any other program
    # (every server worker then built the gazetteer again, with a warning).
    from app.startup import main as cache_ahead

    cache_ahead()
