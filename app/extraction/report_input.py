"""A report as a user sends it, and the checks it passes before any extraction work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.errors import InvalidInput, TextTooLong
from app.events import plausible_date

DEFAULT_MAX_CHARS = 200_000


@dataclass(frozen=True)
class ReportInput:
    """A report as a user sends it."""

    text: str
    published: dt.date
    title: str | None = None
    url: str | None = None
    source: str | None = None


def check_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Refuse empty or oversized texts before any work is done."""
    if not text or not text.strip():
        raise InvalidInput("text must not be empty")
    if len(text) > max_chars:
        raise TextTooLong(f"text has {len(text):,} characters; the limit is {max_chars:,}")


def check_published(published: dt.date) -> None:
    """Refuse a publication date before 1900 or more than a day in the future."""
    try:
        plausible_date(published)
    except ValueError as exc:
        raise InvalidInput(f"published: {exc}", extra={"field": "published"}) from None
