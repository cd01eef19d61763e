"""Cadets and recruits of a state's forces are its forces, like its soldiers."""

import datetime as dt

import pytest

from tests.extraction.helpers import events


@pytest.mark.parametrize(
    ("text", "published", "forces"),
    [
        (
            "Militants shot dead dozens of captured cadets near Tikrit on Monday.",
            dt.date(2016, 3, 9),
            "Iraqi Security Forces",
        ),
        (
            "A drone hit a parade of military cadets at an academy in Homs on Monday, killing six.",
            dt.date(2019, 3, 13),
            "Syrian government forces",
        ),
    ],
)
def test_cadets_hit_are_the_countrys_forces(extractor, text, published, forces):
    found = events(extractor, text, published)
    assert found and found[0][3].get(forces) == "target", found
