"""The migration bookkeeping both backends share."""

import pytest

from app.errors import StoreError
from app.store.migrations import pending


def test_a_store_gets_the_scripts_after_its_version_numbered_from_it():
    assert pending(0, ["a", "b", "c"], "x") == [(1, "a"), (2, "b"), (3, "c")]
    assert pending(2, ["a", "b", "c"], "x") == [(3, "c")]
    assert pending(3, ["a", "b", "c"], "x") == []


def test_a_store_newer_than_the_release_is_refused_with_where_it_is():
    with pytest.raises(StoreError) as caught:
        pending(4, ["a", "b", "c"], "database t_1")
    assert caught.value.log_message == "database t_1 has schema 4, newer than this release (3)"
