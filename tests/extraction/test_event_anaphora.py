from app.extraction.event_anaphora import refers_back


def test_a_noun_of_any_group_refers_back_to_an_event_of_that_group():
    assert refers_back("Residents fled after the blast near the market.", "violence")
    assert not refers_back("Residents fled towards the river at dawn.", "violence")


def test_a_noun_of_one_group_refers_back_only_to_that_group():
    text = "Troops left the valley under the 1999 border agreement."
    assert refers_back(text, "agreement")
    assert not refers_back(text, "movement")
