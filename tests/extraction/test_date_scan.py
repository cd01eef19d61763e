import datetime as dt

from app.extraction.date_scan import scan_dates
from app.extraction.dates import find_dates

PUBLISHED = dt.date(2024, 8, 9)


def test_a_text_without_digits_or_date_words_is_not_scanned_further():
    scan = scan_dates("Militants attacked a checkpoint near the town.")
    assert not scan.hinted and scan.matches == []


def test_one_scan_resolves_against_two_anchors_as_two_scans_would():
    text = "Gunmen attacked a checkpoint on Tuesday, officials said on 7 August."
    scan = scan_dates(text)
    assert scan.hinted
    assert [m.group() for _, found in scan.matches for m in found] == ["7 August", "on Tuesday"]
    reported = dt.date(2024, 8, 7)
    for anchor_args in ((PUBLISHED, 5), (PUBLISHED, 5, reported)):
        assert find_dates(text, *anchor_args, scan=scan) == find_dates(text, *anchor_args)
    tuesday = [d for d in find_dates(text, PUBLISHED, 0, reported, scan) if d.text == "on Tuesday"]
    assert tuesday[0].first == dt.date(2024, 8, 6)  # the Tuesday before 7 August
