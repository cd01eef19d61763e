"""Whether an event with no date of its own goes on with the narrative told before it, and so
takes its date (:func:`app.extraction.event_dates.date_draft`)."""

from __future__ import annotations

import datetime as dt

from app.extraction.event_builder import EventDraft

#: News with no date of its own is news of the week before the report.
_WEEK = 7


def continues(draft: EventDraft, narrative: EventDraft, paragraph_of: list[int]) -> bool:
    """Whether an event with no date of its own goes on with the narrative's event, and so
    shares its date: in the same paragraph, or at its place (or at no place of its own).
    A new paragraph about another place is another item ("Yesterday, police arrested ...
    in Tarmiyah." then "Border guards arrested smugglers near al-Qaim."): its date is not
    said, not the previous item's."""
    if paragraph_of[narrative.sentence.index] == paragraph_of[draft.sentence.index]:
        return True
    if draft.location is None or draft.inherited_location:
        return True
    if narrative.location is None:
        return False
    here, there = draft.location.place, narrative.location.place
    if here == there:
        return True
    # "in the province of Suwayda" then "in the city of Suwayda": the same story, closer in.
    return (
        here is not None
        and there is not None
        and here.admin1 == there.admin1
        and "admin1" in (here.family, there.family)
    )


def past_background(
    draft: EventDraft, narrative: EventDraft, paragraph_of: list[int], reported_at: dt.date
) -> bool:
    """Whether the narrative is background of a month or a year told in an earlier paragraph
    ("In February, US jets destroyed ... near Albu Kamal." then, paragraphs on, "Residents of
    Albu Kamal reported that militia fighters had evacuated positions"): a new paragraph of
    the same place with no date of its own is news, not more of that background."""
    return (
        paragraph_of[narrative.sentence.index] != paragraph_of[draft.sentence.index]
        and narrative.precision in ("month", "year")
        and (reported_at - narrative.date_end).days > _WEEK
    )
