"""Small foreign places far from a report about Iraq or Syria (app/extraction/far_namesakes.py)."""

from tests.extraction.helpers import events


def places(extractor, text):
    _, mentions = extractor.geoparse(text)
    return {m.mention.text: (m.place.country if m.place else None) for m in mentions}


def test_a_word_read_as_a_quarter_of_istanbul_is_no_place(extractor):
    text = (
        "Students marched through Sulaymaniyah on Tuesday. Police sealed the streets "
        "around Saray and Asayish units took up positions in Kalar and Chamchamal."
    )
    assert places(extractor, text).get("Saray") is None


def test_a_name_read_as_a_town_in_gaza_is_no_place(extractor):
    text = (
        "Soldiers advanced from Quneitra toward the Jabaliya hills near Khan Arnabah on "
        "Monday and set up a checkpoint."
    )
    assert places(extractor, text).get("Jabaliya") is None
    assert [e[1] for e in events(extractor, text)] == ["Khan Arnabah"]


def test_a_border_town_abroad_near_the_report_stays(extractor):
    text = (
        "Mortar rounds fired from Qamishli landed in Nusaybin on Friday, and artillery "
        "answered from across the border near Amuda."
    )
    assert places(extractor, text).get("Nusaybin") == "TR"


def test_a_town_abroad_in_a_country_the_report_names_stays(extractor):
    text = (
        "Troops massed near Reyhanli in Turkey on Monday, as drones struck positions near "
        "Deir ez-Zor and Mayadin."
    )
    assert places(extractor, text).get("Reyhanli") == "TR"
