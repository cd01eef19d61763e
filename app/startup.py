"""Start-up: building the gazetteer, its index and the extraction automata.

Start-up makes a few hundred thousand long-lived objects (places, name keys, automata,
patterns) and next to no garbage, so each run of Python's cyclic garbage collector during it
only walks what was just built; pausing it saves about 0.1 s of CPU of a one-report
``geoevents extract`` (about 1 s). Reference counting still frees whatever start-up discards,
and the collector runs again as soon as the build is over.

What start-up builds from the gazetteer files (the places, their name index and the toponym
automaton over them: about 0.35 s of CPU) is kept in a build cache (:mod:`app.build_cache`)
under ``GEOEVENTS_CACHE_DIR``, keyed by the files' contents and this package's source, and
read back in about a tenth of that. The lexicon (data/lexicon and the user's extra files) is
cached the same way, once read and checked: checking compiles each of its patterns. A pickled
pattern is compiled again when it is unpickled, so the pipeline's compiled patterns (and their
gates) are kept in another form and handed to ``re`` before the rule modules are imported
(:mod:`app.pattern_cache`); the lexicon's are compiled on first use, from there
(:mod:`app.extraction.patterns`). The learned sentence classifiers are kept pickled too.
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

    from app.extraction.lexicon import Lexicon
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


def freeze_served_startup() -> None:
    """In a server's start-up (the app's lifespan, in each worker): collect what start-up
    left as cyclic garbage, then move everything still alive out of the collector's sight.

    The extractor, gazetteer and automata live as long as the worker; without this every
    full pass of the collector while serving walks them again (4-9% of extraction time in
    ``bench.extract``). Collecting first keeps start-up's pending garbage from being frozen
    for good. :func:`thaw_served_startup` undoes it when the app shuts down, so that a
    process that serves an app for a while (a test session) can free it afterwards.
    """
    gc.collect()
    gc.freeze()


def thaw_served_startup() -> None:
    """At the app's shutdown: what :func:`freeze_served_startup` froze back in the
    collector's sight (the oldest generation), so that what the app held may be freed."""
    gc.unfreeze()


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


def _lexicon_sources(settings: Settings) -> tuple[Path, list[Path], list[Path | None], list[Path]]:
    """The shipped lexicon directory, its files, the user's extra files and folder (by part),
    and every file of the user's those name."""
    from app.extraction.lexicon import lexicon_dir

    extraction = settings.extraction
    shipped = lexicon_dir()
    files = [shipped / name for name in sorted(p.name for p in shipped.glob("*.csv"))]
    folder = extraction.extra_lexicon_dir
    extras = [extraction.extra_triggers, extraction.extra_demonyms, extraction.extra_cues, folder]
    user = [p for p in extras[:3] if p]
    if folder is not None and folder.is_dir():
        user += sorted(folder.iterdir())
    return shipped, files, extras, user


@gc_paused()
def load_lexicon(settings: Settings) -> Lexicon:
    """The lexicon the settings describe (the shipped files and the user's), through the
    build cache: reading it checks every pattern by compiling it (about 0.1 s), which a
    cached copy, built from the same files by the same code, need not do again."""
    import hashlib

    from app.build_cache import cached, fingerprint
    from app.extraction.event_types import BY_NAME
    from app.extraction.lexicon import Lexicon
    from app.extraction.lexicon import load_lexicon as read_lexicon

    shipped, files, extras, user = _lexicon_sources(settings)
    triggers, demonyms, cues = ([path] if path is not None else [] for path in extras[:3])

    def build() -> Lexicon:
        return read_lexicon(BY_NAME, triggers, demonyms, cues, extras[3])

    cache_dir = settings.gazetteer.resolved_cache_dir()
    if cache_dir is None:
        return build()
    # Which extra file plays which part counts, not only what the files hold.
    key = fingerprint([str(shipped), repr(extras)], [*files, *user])
    # One file per shipped lexicon directory, as for the gazetteer: checkouts sharing a cache
    # directory do not overwrite each other's.
    slot = hashlib.sha256(str(shipped).encode()).hexdigest()[:16]
    return cached(cache_dir / f"lexicon-{slot}.pickle", key, build, Lexicon)


@gc_paused()
def load_sentence_models(settings: Settings) -> None:
    """Hand the shipped sentence classifiers to the extraction (read at their first use
    otherwise) from the build cache: unpickling them takes about a quarter of the time
    parsing their JSON files does."""
    import hashlib

    from app.build_cache import cached, fingerprint
    from app.extraction import sentence_model
    from app.extraction.sentence_model import MODELS, SentenceModel, model_dir, read_model

    cache_dir = settings.gazetteer.resolved_cache_dir()
    if cache_dir is None:
        return  # read on first use, as without a cache
    directory = model_dir()

    def build() -> dict[str, SentenceModel]:
        return {name: read_model(directory / f"{name}.json") for name in MODELS}

    key = fingerprint([str(directory)], [directory / f"{name}.json" for name in MODELS])
    slot = hashlib.sha256(str(directory).encode()).hexdigest()[:16]
    sentence_model.use_shipped(
        cached(cache_dir / f"sentence-models-{slot}.pickle", key, build, dict)
    )


def _pattern_cache(settings: Settings) -> tuple[Path | None, str]:
    """Where the compiled patterns are kept, and the key of those the settings' files use:
    the lexicon's and the actor dictionary's (a stale set only compiles what it misses)."""
    import hashlib

    from app.build_cache import fingerprint

    cache_dir = settings.gazetteer.resolved_cache_dir()
    if cache_dir is None:
        return None, ""
    shipped, files, extras, user = _lexicon_sources(settings)
    actors = [shipped.parent / "actors.csv", *settings.extraction.extra_actor_files()]
    key = fingerprint(["patterns", repr(extras)], [*files, *user, *actors])
    slot = hashlib.sha256(str(shipped).encode()).hexdigest()[:16]
    return cache_dir / f"patterns-{slot}.pickle", key


def load_extractor(settings: Settings) -> Extractor:
    """The extractor the settings describe, over the cached gazetteer, automaton, lexicon,
    compiled patterns and sentence classifiers."""
    from app.pattern_cache import compiled_patterns

    # The compiled patterns go into re's cache before the pipeline's modules compile theirs.
    with compiled_patterns(*_pattern_cache(settings)):
        from app.extraction.pipeline import Extractor

        build = load_gazetteer_build(settings)
        extractor = Extractor.configured(
            build.gazetteer, settings, toponyms=build.toponyms, lexicon=load_lexicon(settings)
        )
    if extractor.learned is not None:
        load_sentence_models(settings)
    return extractor


def main() -> None:
    """Build the start-up cache ahead of the first command (``make install``, the image)."""
    import sys

    from app.settings import Settings

    settings = Settings.from_env()
    extractor = load_extractor(settings)
    where = settings.gazetteer.resolved_cache_dir()
    sys.stdout.write(
        f"start-up cache: {len(extractor.gazetteer):,} places in {where or '(switched off)'}\n"
    )


if __name__ == "__main__":
    # Through the module's own name: what the cache pickles must be app.startup's classes,
    # not __main__'s, or no later command could read it back.
    from app.startup import main as startup_main

    startup_main()
