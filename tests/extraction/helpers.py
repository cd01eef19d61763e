"""Reading one text and summarising its events, for the rule tests."""

import datetime as dt

from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput


def events(
    extractor: Extractor,
    text: str,
    published: dt.date = dt.date(2024, 3, 14),
    title: str | None = None,
):
    """(type, place name, admin1, {actor: role}) of each event of a text."""
    out = []
    for feature in extractor.extract(ReportInput(text, published, title)).events:
        p = feature.properties
        out.append(
            (
                p.event_type,
                p.location.name if p.location else None,
                p.location.admin1 if p.location else None,
                {a.name: a.role for a in p.actors},
            )
        )
    return out
