"""Compiled regular expressions kept in the build cache and handed to ``re`` at start-up.

The extraction modules compile about 350 patterns when they are imported, and the lexicon's
trigger rows and word lists several hundred more on first use (:mod:`app.extraction.patterns`).
Compiling is Python code (``re``'s parser and code generator): about 0.07 s of CPU of a
one-report ``geoevents extract``, about a seventh of it. What it produces, though, is a list
of integers that the C engine takes as it is (``_sre.compile``), and ``re.compile`` looks a
pattern up in its own cache (``re._cache``, keyed by the source and the flags as given)
before it compiles anything.

So a process that imports the pipeline afresh records which patterns it compiled (and which
:class:`~app.extraction.patterns.LazyPattern` stand-ins the extractor made), keeps each one's
compiled form in the build cache (:mod:`app.build_cache`, keyed by this package's source and
the Python that runs it), and the next one builds the pattern objects from those lists (about
0.005 s for 800) and puts them in ``re``'s cache before it imports the pipeline: the modules'
``re.compile`` calls find them there. Each list is checked when it is recorded: the pattern
built from it must be equal to the one ``re`` compiles (same source, flags and code), or it is
left out. Whatever else goes wrong (another Python whose ``re`` keeps no such cache) seeds
nothing, and every pattern compiles as before: the cache only saves time.
"""

from __future__ import annotations

import importlib
import logging
import pickle
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from app import build_cache

log = logging.getLogger(__name__)

#: The pipeline's module: patterns are recorded only in a process that imports it afresh.
PIPELINE = "app.extraction.pipeline"

#: One pattern as ``re.compile(pattern, flags)`` asks for it, and what ``_sre.compile``
#: takes to build it: the final flags, the code, the groups, the group names both ways.
Entry = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _internals() -> tuple[Any, Any, Any, dict[Any, Any]] | None:
    """``re``'s parser, code generator, C engine and cache; None where they are not as
    CPython 3.11-3.13 have them."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        engine = importlib.import_module("_sre")
    except ImportError:
        return None
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not hasattr(compiler, "_code"):
        return None
    return parser, compiler, engine, cache


def compiled_entry(pattern: str, flags: int) -> Entry | None:
    """The compiled form of ``re.compile(pattern, flags)``, checked against what ``re``
    itself compiles; None when it cannot be had or differs."""
    found = _internals()
    if found is None:
        return None
    parser, compiler, engine, _ = found
    try:
        tree = parser.parse(pattern, flags)
        state = tree.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        entry: Entry = (
            pattern,
            flags,
            int(flags | state.flags),
            [int(op) for op in compiler._code(tree, flags)],
            state.groups - 1,
            dict(state.groupdict),
            tuple(indexgroup),
        )
        same = engine.compile(*entry[:1], *entry[2:]) == compiler.compile(pattern, flags)
    except Exception as exc:  # anything unexpected: leave this pattern to re
        log.debug("pattern %r not cached: %s", pattern, exc)
        return None
    return entry if same else None


@dataclass(frozen=True)
class PatternSet:
    """Compiled patterns, in the order they were first compiled, and their gates."""

    entries: tuple[Entry, ...]
    #: Each pattern's gate (:mod:`app.extraction.cues`: the words it cannot match without),
    #: pickled without its pattern, by the source and flags it is asked for with; each is
    #: read on first use (a report asks for a few dozen of them).
    gates: dict[tuple[str, int], bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, keys: Iterable[tuple[str, int]]) -> PatternSet:
        """The compiled form and the gate of each (source, flags), those that cannot be
        had left out."""
        entries = (compiled_entry(pattern, flags) for pattern, flags in dict.fromkeys(keys))
        kept = tuple(e for e in entries if e is not None)
        return cls(kept, _gates_of(kept))

    def seed(self) -> int:
        """Put each pattern in ``re``'s cache (those already there are kept), and hand the
        gates to :mod:`app.extraction.cues`: how many patterns were put."""
        found = _internals()
        if found is None:
            return 0
        engine, cache = found[2], found[3]
        added = 0
        try:
            for pattern, flags, *compiled in self.entries:
                key = (str, pattern, flags)
                if key not in cache:
                    cache[key] = engine.compile(pattern, *compiled)
                    added += 1
        except Exception as exc:  # another engine: the rest compile as before
            log.warning("compiled patterns not used: %s", exc)
        if self.gates:
            from app.extraction import cues  # compiles no pattern itself

            cues.known_gate = self._known_gate
        return added

    def _known_gate(self, pattern: str, flags: int) -> Any:
        blob = self.gates.get((pattern, flags))
        return None if blob is None else pickle.loads(blob)


def _gates_of(entries: Iterable[Entry]) -> dict[tuple[str, int], bytes]:
    """The gate :mod:`app.extraction.cues` makes for each pattern, by source and flags: those
    a compiled pattern has (its final flags) and, for a lazy one, those it has before it is
    compiled (the flags given)."""
    from app.extraction import cues
    from app.extraction.patterns import LazyPattern

    known, cues.known_gate = cues.known_gate, None  # made here, not read back
    found: dict[tuple[str, int], bytes] = {}
    try:
        for pattern, flags, final, *_ in entries:
            for asked in dict.fromkeys((flags, final)):
                stand_in = LazyPattern(pattern)  # what a gate reads: the source and flags
                stand_in.flags = asked
                try:
                    gate = cues._gate(cast("re.Pattern[str]", stand_in))
                except Exception as exc:  # left to be made on use, as before
                    log.debug("no gate cached for %r: %s", pattern, exc)
                    continue
                finally:
                    cues._gates.pop(id(stand_in), None)
                unbound = replace(gate, pattern=cast("re.Pattern[str]", None))
                found[(pattern, asked)] = pickle.dumps(unbound, pickle.HIGHEST_PROTOCOL)
    finally:
        cues.known_gate = known
    return found


@contextmanager
def compiled_patterns(path: Path | None, key: str) -> Iterator[None]:
    """Around a block that imports the pipeline and builds an extractor: ``re``'s cache
    seeded from ``path`` first when it holds patterns for ``key``; otherwise, when the
    block imports the pipeline afresh, what it compiles (and the lazy patterns it makes)
    recorded and stored there for the next start. No cache (``path`` None): the block as it
    is."""
    if path is None:
        yield
        return
    found = build_cache.read(path, key)
    if isinstance(found, PatternSet):
        found.seed()
        yield
        return
    internals = _internals()
    if PIPELINE in sys.modules or internals is None:
        yield  # its patterns are compiled already: there is nothing to record
        return
    cache = internals[3]
    before = set(cache)
    limit = getattr(re, "_MAXCACHE", None)
    from app.extraction import patterns  # compiles nothing itself

    lazy: list[tuple[str, int]] = []
    patterns.made = lazy
    if limit is not None:
        re._MAXCACHE = sys.maxsize  # type: ignore[attr-defined]  # keep all while recording
    try:
        yield
        compiled = [(k[1], k[2]) for k in cache if k not in before and k[0] is str]
    finally:
        patterns.made = None
        if limit is not None:
            re._MAXCACHE = limit  # type: ignore[attr-defined]
    # Those compiled at import first: the lazy ones are asked for later, and re's cache,
    # once over its size, drops its oldest entries first.
    try:
        found = PatternSet.of([*compiled, *lazy])
    except Exception as exc:  # the cache only saves time: never fail the command for it
        log.warning("compiled patterns not cached: %s", exc)
        return
    build_cache.write(path, key, found)
