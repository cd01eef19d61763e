"""Partners of a joint operation in what follows about it (sentences written for these tests)."""

import datetime as dt

from app.extraction.joint_operations import joint_partners
from app.extraction.text import paragraphs, split_sentences
from tests.extraction.helpers import events

_RAID = (
    "Iraqi army units, in a joint operation with coalition forces, raided a village near "
    "Makhmour on Monday. During the raid, soldiers detained four ISIS suspects."
)


def test_the_partner_of_a_joint_raid_also_made_the_arrests_told_next(extractor):
    found = [f for f in events(extractor, _RAID, dt.date(2021, 3, 8)) if f[0] == "arrest"]
    assert found, found
    assert found[0][3].get("US-led coalition") == "actor"


def test_another_matter_ends_the_joint_operation(extractor):
    text = _RAID + " Separately, police arrested three smugglers in Kirkuk city."
    found = [f for f in events(extractor, text, dt.date(2021, 3, 8)) if f[0] == "arrest"]
    last = [f for f in found if f[1] and "Kirkuk" in f[1]]
    assert last, found
    assert "US-led coalition" not in last[0][3]


def test_only_the_partners_of_the_phrase_count(extractor):
    text = (
        "A joint force of the Iraqi army and the Peshmerga swept villages near Makhmour on "
        "Tuesday, while ISIS fighters fled toward the hills.\n\n"
        "Three suspects were arrested in Kirkuk on Wednesday."
    )
    sentences = split_sentences(text)
    found = extractor.actors.find(text, dt.date(2021, 6, 2))
    partners = joint_partners(
        sentences,
        paragraphs(text, sentences),
        lambda s: [m for m in found if s.start <= m.start < s.end],
        lambda m: extractor.actors.read(m, ["IQ"], dt.date(2021, 6, 2)),
    )
    names = {a.name for a in partners.get(0, [])}
    assert names == {"Iraqi Security Forces", "Peshmerga"}, partners
    assert 1 not in partners  # the next paragraph does not open on the operation
