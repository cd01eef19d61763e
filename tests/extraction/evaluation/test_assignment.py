"""The optimal pairing under the scorer: checked against scipy and by hand."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from app.extraction.evaluation.assignment import best_pairs, max_weight_assignment

weights = st.integers(1, 6).flatmap(
    lambda n: st.integers(n, 7).flatmap(
        lambda m: st.lists(
            st.lists(st.integers(0, 50), min_size=m, max_size=m), min_size=n, max_size=n
        )
    )
)


@settings(max_examples=200, deadline=None)
@given(weights)
def test_the_assignment_weighs_as_much_as_scipys(weight):
    pairs = max_weight_assignment(weight)
    assert sorted(r for r, _ in pairs) == list(range(len(weight)))
    assert len({c for _, c in pairs}) == len(weight)
    rows, cols = linear_sum_assignment(np.array(weight), maximize=True)
    assert sum(weight[r][c] for r, c in pairs) == sum(
        weight[r][c] for r, c in zip(rows, cols, strict=True)
    )


def test_more_rows_than_columns_is_refused():
    with pytest.raises(ValueError, match="more rows"):
        max_weight_assignment([[1], [2]])


def _brute(rows, cols, agreement):
    """The best pairing by enumeration: most pairs, then most agreement criterion by criterion."""
    best = None
    allowed = [(r, c) for r in range(rows) for c in range(cols) if agreement(r, c) is not None]
    for k in range(min(rows, cols), -1, -1):
        for chosen in itertools.combinations(allowed, k):
            if len({r for r, _ in chosen}) < k or len({c for _, c in chosen}) < k:
                continue
            key = (k, *map(sum, zip(*(agreement(r, c) for r, c in chosen), strict=True)))
            if best is None or key > best:
                best = key
        if best is not None:
            return best
    return (0,)


cells = st.one_of(st.none(), st.tuples(st.booleans(), st.booleans()))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 4), st.integers(0, 4), st.data())
def test_most_pairs_then_most_agreement(rows, cols, data):
    table = [[data.draw(cells) for _ in range(cols)] for _ in range(rows)]

    def agreement(r, c):
        return table[r][c]

    pairs = best_pairs(rows, cols, agreement)
    assert len(set(pairs.values())) == len(pairs)
    assert all(table[r][c] is not None for r, c in pairs.items())
    got = (len(pairs), *map(sum, zip(*(table[r][c] for r, c in pairs.items()), strict=True)))
    want = _brute(rows, cols, agreement)
    assert got == want


def test_one_pair_more_outweighs_any_agreement():
    # Row 0 agrees fully with column 0, but taking it leaves row 1 without a partner.
    table = {(0, 0): (True, True, True), (0, 1): (False, False, False), (1, 0): (False,) * 3}
    pairs = best_pairs(2, 2, lambda r, c: table.get((r, c)))
    assert pairs == {0: 1, 1: 0}


def test_an_earlier_criterion_outweighs_all_later_ones():
    # Pairing 0-0 and 1-1 has two pairs meeting the second and third criteria; 0-1 and 1-0
    # has one meeting the first. The first criterion wins.
    table = {
        (0, 0): (False, True, True),
        (1, 1): (False, True, True),
        (0, 1): (True, False, False),
        (1, 0): (False, False, False),
    }
    assert best_pairs(2, 2, lambda r, c: table[(r, c)]) == {0: 1, 1: 0}


def test_more_rows_than_columns_and_nothing_allowed():
    assert best_pairs(3, 1, lambda r, c: (True,) if r == 2 else None) == {2: 0}
    assert best_pairs(2, 2, lambda r, c: None) == {}
    with pytest.raises(ValueError, match="same criteria"):
        best_pairs(1, 2, lambda r, c: (True,) * (c + 1))
