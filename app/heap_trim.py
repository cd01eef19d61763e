"""Give a worker's freed heap memory back to the operating system now and then.

glibc keeps memory that was freed inside its heaps for reuse and returns it only when the top
of a heap is free. A worker that builds many large, short-lived responses (pages of 1,000
features, map HTML) in several threads at once leaves its heaps fragmented: the memory in use
stays flat while the resident size keeps creeping up. Measured on the PostGIS soak (one
worker under the soak's load, glibc ``mallinfo2``): memory in use 39-42 MiB throughout, free
space held in the heaps 11 -> 25 MiB in three minutes, resident size +27 MiB; with
``malloc_trim(0)`` every 10 s the resident size stayed flat over those minutes (in the
ten-minute soak one worker +0.7%, the other +10.8%, most of it in the last minute, not
explained). ``malloc_trim`` also releases free pages in the middle of a heap (glibc >= 2.8),
which nothing else does.

Not a leak fix: memory still referenced is untouched. Elsewhere than glibc (macOS, musl) this
does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
from collections.abc import Callable

INTERVAL_SECONDS = 10.0


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None when the C library has none."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        function = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    return function


_TRIM = _malloc_trim()


def trim() -> bool:
    """Return the heaps' free memory to the system now; whether glibc released any."""
    return bool(_TRIM(0)) if _TRIM is not None else False


class HeapTrimmer:
    """Calls :func:`trim` every ``interval`` seconds while the app runs (its lifespan)."""

    def __init__(self, interval: float = INTERVAL_SECONDS) -> None:
        self.interval = interval
        self.trims = 0
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start trimming in the background (nothing to do without glibc)."""
        if _TRIM is not None and self.interval > 0:
            self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Stop trimming."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            trim()  # a few milliseconds on a worker's heaps; fine on the event loop
            self.trims += 1
