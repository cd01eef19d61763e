"""Regular expressions compiled on first use, so that start-up pays only for what is used.

The extractor holds several hundred patterns (the lexicon's trigger rows, actor and cue word
lists), and one report touches a fraction of them: the trigger rows run only where the
one-pass automaton finds their words (:class:`app.extraction.event_types.TriggerFinder`).
Compiling all of them up front was about a third of a one-report ``geoevents extract``.

:func:`lazy_compile` returns a stand-in that keeps the source and flags (all that
:mod:`app.extraction.cues` reads to gate a pattern) and compiles on the first call of any
other attribute; from then on the compiled pattern's own methods are looked up on the
stand-in directly (copied into its ``__dict__``), so a search costs what it did before.
"""

from __future__ import annotations

import re
import threading
from typing import Any, cast

#: Attributes of a compiled pattern copied onto the stand-in once it is compiled.
_FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "split",
    "sub",
    "subn",
    "scanner",
    "groups",
    "groupindex",
)
_lock = threading.Lock()
#: While start-up records the patterns the extractor uses (:mod:`app.pattern_cache`): the
#: source and flags of each lazy pattern made, in order; None otherwise.
made: list[tuple[str, int]] | None = None


class LazyPattern:
    """A pattern that compiles itself on first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        # What re.compile reports: the flags given, with UNICODE added for a str pattern.
        self.flags = int(flags | re.UNICODE if not flags & re.ASCII else flags)
        if made is not None:
            made.append((pattern, self.flags))

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        with _lock:
            found = self.__dict__.get("_compiled")
            if found is None:
                found = re.compile(self.pattern, self.flags)
                for name in _FORWARDED:
                    setattr(self, name, getattr(found, name))
                self.flags = found.flags  # with the pattern's inline flags
                self.__dict__["_compiled"] = found
        return cast("re.Pattern[str]", found)

    def __getattr__(self, name: str) -> Any:
        # Only reached for what is not in __dict__ yet: the first use of a method.
        if name.startswith("__") or name not in _FORWARDED:
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.flags})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used; typed as the pattern it
    stands for (it answers the same methods, and ``pattern`` and ``flags`` before that).

    A bad pattern raises :class:`re.error` at its first use, not here: check patterns read
    from files when they are read (:mod:`app.extraction.lexicon` does).
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
