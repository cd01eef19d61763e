import hashlib
import logging
import os

import pytest

from app import build_cache
from app.build_cache import cached, fingerprint, read, write


def test_a_value_written_for_a_key_is_read_back_for_that_key_only(tmp_path):
    path = tmp_path / "cache" / "value.pickle"
    assert write(path, "k1", {"places": [1, 2, 3]})
    assert read(path, "k1") == {"places": [1, 2, 3]}
    assert read(path, "k2") is None  # stale: built for other files or code
    assert read(tmp_path / "absent.pickle", "k1") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-10],  # truncated
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 0xFF]),  # a flipped byte in the pickle
        lambda raw: b"not a cache file at all",
        lambda raw: raw.replace(build_cache.FORMAT, b"geoevents-build-cache 0\n"),
    ],
    ids=["truncated", "flipped-byte", "garbage", "old-format"],
)
def test_a_damaged_file_is_ignored_and_rebuilt(tmp_path, damage, caplog):
    path = tmp_path / "value.pickle"
    write(path, "key", ["original"])
    path.write_bytes(damage(path.read_bytes()))
    assert read(path, "key") is None
    builds = []

    def build() -> list[str]:
        builds.append(1)
        return ["rebuilt"]

    with caplog.at_level(logging.INFO, logger="app.build_cache"):
        assert cached(path, "key", build, list) == ["rebuilt"]
    assert builds == [1]
    assert caplog.records  # said why it rebuilt
    assert read(path, "key") == ["rebuilt"]  # and the good file replaced the damaged one
    assert cached(path, "key", build, list) == ["rebuilt"]
    assert builds == [1]


def test_a_payload_that_passes_the_checksum_but_cannot_be_unpickled_is_rebuilt(tmp_path):
    path = tmp_path / "value.pickle"
    write(path, "key", "x")
    raw = path.read_bytes()
    header = build_cache.FORMAT + b"key\n"
    payload = b"\x80\x05junk that is no pickle"
    path.write_bytes(header + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    assert raw != path.read_bytes()
    assert read(path, "key") is None
    assert cached(path, "key", lambda: "fresh", str) == "fresh"


def test_a_value_of_another_type_is_not_trusted(tmp_path):
    path = tmp_path / "value.pickle"
    write(path, "key", ["a list"])
    assert cached(path, "key", lambda: {"a": 1}, dict) == {"a": 1}
    assert read(path, "key") == {"a": 1}


def test_writes_are_atomic_and_leave_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "value.pickle"
    write(path, "key", "first")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(build_cache.os, "replace", failing_replace)
    assert not write(path, "key", "second")
    monkeypatch.undo()
    assert read(path, "key") == "first"  # the old file whole, never half of the new one
    assert [p.name for p in tmp_path.iterdir()] == ["value.pickle"]


def test_an_unwritable_cache_costs_the_build_not_the_command(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    assert cached(blocker / "value.pickle", "key", lambda: "built", str) == "built"
    assert cached(None, "key", lambda: "no cache", str) == "no cache"


def test_the_key_follows_the_files_contents(tmp_path):
    data = tmp_path / "places.csv"
    data.write_text("id,name\n1,Kirkuk\n")
    first = fingerprint(["dir"], [data])
    assert fingerprint(["dir"], [data]) == first
    data.write_text("id,name\n1,Karkuk\n")
    changed = fingerprint(["dir"], [data])
    assert changed != first
    os.remove(data)
    assert fingerprint(["dir"], [data]) not in {first, changed}
    assert fingerprint(["other"], [data]) != fingerprint(["dir"], [data])


def test_the_key_follows_the_code(monkeypatch, tmp_path):
    data = tmp_path / "places.csv"
    data.write_text("x")
    before = fingerprint([], [data])
    monkeypatch.setattr(build_cache, "code_fingerprint", lambda: "another version")
    assert fingerprint([], [data]) != before
