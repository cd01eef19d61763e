"""A place carried from earlier sentences does not cross a change of country (own sentences)."""

import datetime as dt

from app.extraction.actor_list import Actor
from app.extraction.actors import ActorMention
from app.extraction.country_change import sentence_country
from tests.extraction.helpers import events

_DAY = dt.date(2024, 5, 20)


def test_another_countrys_authorities_do_not_take_the_iraqi_place(extractor):
    text = (
        "Iraqi troops deployed to the outskirts of Sinjar on Saturday, near the border with "
        "Syria. Local officials in Tal Afar welcomed the move.\n\n"
        "On Sunday, the Autonomous Administration issued a general amnesty for hundreds of "
        "detainees held in its prisons."
    )
    amnesty = [e for e in events(extractor, text, _DAY) if e[0] == "prisoner_release"]
    assert amnesty, events(extractor, text, _DAY)
    assert all(e[2] is None or e[2].startswith("SY") for e in amnesty), amnesty


def test_a_later_place_of_the_new_country_stands_in(extractor):
    text = (
        "Iraqi police arrested two smugglers in Rabia on Tuesday.\n\n"
        "Separately, the Autonomous Administration released 300 detainees under an amnesty "
        "on Wednesday. Most of them came from villages around Raqqa."
    )
    amnesty = [e for e in events(extractor, text, _DAY) if e[0] == "prisoner_release"]
    assert [e[2] for e in amnesty] == ["SY-RA"], events(extractor, text, _DAY)


def test_the_same_countrys_institutions_keep_the_carried_place(extractor):
    text = (
        "Gunmen attacked a checkpoint in Tarmiyah on Monday. "
        "The Iraqi interior ministry later announced the arrest of three suspects."
    )
    arrests = [e for e in events(extractor, text, _DAY) if e[0] == "arrest"]
    assert [e[2] for e in arrests] == ["IQ-BG"], events(extractor, text, _DAY)


def _mention(text, kind, country):
    return ActorMention(0, len(text), text, (Actor(text, kind, country, (text,)),))


def test_foreign_forces_acting_abroad_name_no_change():
    jets = _mention("Turkish warplanes", "external_forces", "TR")
    assert sentence_country([jets], ["IQ", "TR"]) is None


def test_institutions_of_two_countries_name_none():
    both = [_mention("Iraqi army", "state_forces", "IQ"), _mention("Damascus", "government", "SY")]
    assert sentence_country(both, ["IQ", "SY"]) is None
    assert sentence_country(both[1:], ["IQ", "SY"]) == "SY"
