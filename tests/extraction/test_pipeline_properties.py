"""Property test of the extraction pipeline: any text, no exception, and sound output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.events import EARLIEST_DATE, is_plausible, latest_date
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "reports.jsonl"
SENTENCES = [
    sentence + "."
    for line in CORPUS.read_text().splitlines()
    for sentence in json.loads(line)["text"].split(". ")
]
#: Pieces that steer the pipeline into its date and quantity paths, with edge values.
PIECES = [
    "on Tuesday", "last Sunday", "yesterday", "a day later", "the following day",
    "on 31 February", "on 6 August 2099", "in 1850", "since 1901", "on 1 January 1900",
    "officials said on 7 August 2099", "reported on 2 March 1899", "mid-July", "last year",
    "overnight into Monday", "killing 10 to 15", "about 40 soldiers and ~12 vehicles",
    "ISIS claimed the attack", "Kirkuk", "Erbil", "K-1 air base", "Deir ez-Zor", "<b>",
    "&amp;", "\u200f", "كركوك", "\n\n", "  ", "2024-08-06", "9999-12-31",
]  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(SENTENCES) | st.sampled_from(PIECES) | st.text(max_size=20), max_size=12
    ).map(" ".join),
)
PUBLISHED = st.dates(EARLIEST_DATE, latest_date())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, PUBLISHED)
def test_any_text_extracts_without_error_into_sound_events(
    extractor: Extractor, text: str, published: dt.date
) -> None:
    try:
        result = extractor.extract(ReportInput(text, published))
    except InvalidInput as exc:  # only an empty text is refused
        assert not text.strip() or not result_text_has_content(text), exc.detail
        return
    body = result.text
    assert is_plausible(result.reported_at)
    for event in result.events:
        props = event.properties
        assert props.date <= props.date_end
        assert is_plausible(props.date) and is_plausible(props.date_end)
        assert props.reported_at is None or is_plausible(props.reported_at)
        assert 0 <= props.confidence <= 1
        for evidence in props.evidence:
            assert 0 <= evidence.start <= evidence.end <= len(body)
            assert body[evidence.start : evidence.end] == evidence.text
    for resolved in result.mentions:
        mention = resolved.mention
        assert 0 <= mention.start <= mention.end <= len(body)
        assert body[mention.start : mention.end] == mention.text


def result_text_has_content(text: str) -> bool:
    """Whether HTML reduction could have left any text (markup-only input is refused)."""
    from app.extraction.text import clean_text

    return bool(clean_text(text).strip())


@given(
    st.dates(dt.date(1, 1, 1), dt.date(1899, 12, 31))
    | st.dates(latest_date() + dt.timedelta(days=1))
)
def test_an_implausible_publication_date_is_refused(published: dt.date) -> None:
    from app.extraction.report_input import check_published

    try:
        check_published(published)
    except InvalidInput as exc:
        assert exc.detail.startswith("published")
    else:
        raise AssertionError(f"{published} was accepted")
