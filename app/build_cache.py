"""A persisted, versioned cache of objects that are slow to build and quick to unpickle.

A cache file holds one pickled value behind a header: a magic line, the key the value was
built for and the SHA-256 of the pickle. The key is a hash of everything the value depends
on (the data files' contents, this package's source, the Python version and the compiled
extensions the value holds), so a file is used only when the key it was written for is the
one asked for now and its bytes are the ones written; anything else (stale, truncated,
corrupt, written by another version) is ignored and the value built again. Files are written
to a temporary name in the same directory and renamed into place, so a reader sees the old
file or the new one, never half of one, even with several processes starting at once.

The cache is an optimisation only: a directory that cannot be read or written costs the
build, never the command.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TypeVar

log = logging.getLogger(__name__)

#: Bumped when the file layout changes.
FORMAT = b"geoevents-build-cache 1\n"
_PACKAGE = Path(__file__).resolve().parent

T = TypeVar("T")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/geoevents``, or ``~/.cache/geoevents``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geoevents"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's Python source and of the interpreter that runs it."""
    digest = hashlib.sha256(FORMAT)
    digest.update(
        f"{sys.version}|{sys.implementation.cache_tag}|{pickle.HIGHEST_PROTOCOL}".encode()
    )
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def extension_stamp(module: ModuleType) -> str:
    """Which build of a compiled module is loaded (its file, size and time): a pickled
    object of an extension type is read back by the same build that wrote it."""
    path = Path(module.__file__ or module.__name__)
    try:
        stat = path.stat()
    except OSError:
        return str(path)
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def fingerprint(parts: Iterable[str], files: Iterable[Path]) -> str:
    """A hash of ``parts``, each file's name and contents (missing files count as such),
    and the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(part.encode() + b"\0")
    for path in files:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing\0")
        digest.update(b"\0")
    return digest.hexdigest()


def read(path: Path, key: str) -> object | None:
    """The value stored in ``path`` for ``key``; None when there is none to trust."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read the build cache %s: %s", path, exc)
        return None
    header = FORMAT + key.encode() + b"\n"
    head = len(header) + 65  # the payload's SHA-256 in hex and a newline
    if not raw.startswith(header) or len(raw) < head:
        log.info("build cache %s is stale or of another version: rebuilding", path)
        return None
    payload = memoryview(raw)[head:]
    if hashlib.sha256(payload).hexdigest().encode() != raw[len(header) : head - 1]:
        log.warning("build cache %s is corrupt: rebuilding", path)
        return None
    try:
        value: object = pickle.loads(payload)
    except Exception as exc:  # any unpickling failure means the same: do not use it
        log.warning("build cache %s cannot be read back (%s): rebuilding", path, exc)
        return None
    return value


def write(path: Path, key: str, value: object) -> bool:
    """Store ``value`` for ``key`` in ``path`` atomically; False (logged) when it cannot be."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    header = FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.fchmod(fd, 0o644)  # readable by the service's user when built at install time
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
        temporary = None
        return True
    except OSError as exc:
        log.warning("cannot write the build cache %s: %s", path, exc)
        return False
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def cached(path: Path | None, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """The value for ``key`` from ``path`` when it holds one of type ``kind``; otherwise
    ``build()``, stored there for the next start (no cache when ``path`` is None)."""
    if path is not None:
        value = read(path, key)
        if isinstance(value, kind):
            return value
        if value is not None:
            log.warning("build cache %s holds a %s: rebuilding", path, type(value).__name__)
    built = build()
    if path is not None:
        write(path, key, built)
    return built
