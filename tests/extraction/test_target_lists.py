"""A sentence listing what a strike just told hit (sentences written here)."""

import datetime as dt

from app.extraction.report_input import ReportInput

MONDAY = dt.date(2024, 3, 18)


def _strikes(extractor, text):
    found = extractor.extract(ReportInput(text, MONDAY)).events
    return sorted(
        (e.properties.event_type, e.properties.location.name, e.properties.date)
        for e in found
        if e.properties.location is not None
    )


def test_each_place_of_a_target_list_is_a_strike_of_the_raid_told_before(extractor):
    text = (
        "Turkish jets carried out dozens of strikes in northern Iraq on Sunday. "
        "Targets included caves near Sidakan, a depot in Sinjar and shelters in Makhmour."
    )
    found = _strikes(extractor, text)
    places = {p for t, p, d in found if t == "airstrike" and d == dt.date(2024, 3, 17)}
    assert {"Sidakan", "Sinjar", "Makhmour"} <= places


def test_a_list_after_the_strike_told_again_in_a_relative_clause(extractor):
    text = (
        "Israeli aircraft struck across Syria on Sunday. Among the targets, the army said, "
        "were an air base near Qamishli and depots in Tartus, which were destroyed."
    )
    places = {p for t, p, _ in _strikes(extractor, text) if t == "airstrike"}
    assert {"Qamishli", "Ţarţūs"} <= places


def test_a_target_list_after_no_strike_adds_nothing(extractor):
    text = (
        "The army moved two brigades to Tal Afar on Sunday. "
        "Targets included depots in Sinjar and caves near Sidakan."
    )
    assert not any(t == "airstrike" for t, _, _ in _strikes(extractor, text))
