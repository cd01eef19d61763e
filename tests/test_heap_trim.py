"""The heap trimmer: freed memory in the middle of glibc's heap goes back to the system."""

import asyncio
import ctypes.util
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from app.heap_trim import HeapTrimmer, trim

glibc = pytest.mark.skipif(
    ctypes.util.find_library("c") is None or not Path("/proc/self/status").exists(),
    reason="needs Linux with glibc",
)


def _run_alone(coroutine: Callable[[], Coroutine[Any, Any, int]]) -> int:
    """Run a coroutine on a new loop in its own thread (an earlier test may have left a loop
    marked running in this one)."""
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(coroutine())))
    thread.start()
    thread.join(timeout=30)
    return result[0]


def _anon_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon")


@glibc
def test_trim_returns_freed_memory_that_free_keeps():
    trim()
    # 64 KiB blocks come from the heap (below the mmap threshold); every tenth stays alive,
    # so the freed ones lie between live ones and free() alone cannot give them back.
    blocks = [bytearray(b"x" * 65_536) for _ in range(1_000)]
    kept = blocks[::10]
    del blocks
    before = _anon_mib()
    assert trim()
    after = _anon_mib()
    assert before - after > 20, (before, after)  # ~56 MiB were freed
    assert all(block[0] == ord("x") for block in kept)


@glibc
def test_the_trimmer_trims_until_stopped():
    async def run() -> int:
        trimmer = HeapTrimmer(interval=0.01)
        await trimmer.start()
        await asyncio.sleep(0.2)
        await trimmer.stop()
        done = trimmer.trims
        await asyncio.sleep(0.05)
        assert trimmer.trims == done
        return done

    assert _run_alone(run) >= 3


def test_a_zero_interval_starts_nothing():
    async def run() -> int:
        trimmer = HeapTrimmer(interval=0)
        await trimmer.start()
        await asyncio.sleep(0.05)
        await trimmer.stop()
        return trimmer.trims

    assert _run_alone(run) == 0
