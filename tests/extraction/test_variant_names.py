"""Several-word names written in another transliteration are found in report text."""

import pytest


def found(extractor, text):
    _, mentions = extractor.geoparse(text)
    return [(m.mention.text, m.place.name if m.place else None) for m in mentions]


def test_other_transliterations_of_several_word_names_are_places(extractor):
    text = (
        "Clashes broke out in Tel Tamir and near Dair al-Zur on Monday. "
        "Jisr al-Choughour was shelled."
    )
    assert found(extractor, text) == [
        ("Tel Tamir", "Tal Tamr"),
        ("Dair al-Zur", "Deir ez-Zor"),
        ("Jisr al-Choughour", "Jisr al-Shughur"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Organisations, "-led" adjectives and persons keep the automaton's guards.
        "The Dair al-Zur Military Council said nothing.",
        "Dair al-Zur-backed groups said nothing.",
        "General Tel Tamir said nothing.",
        # One word is never looked up by its variant: "Media" and Madaya share one.
        "Media reports said nothing.",
        # Words do not join into another name: "Abu Shawka" is not Bashiqa.
        "Fighters arrested a man in Abu Shawka.",
    ],
)
def test_guards_hold_for_variant_names(extractor, text):
    assert [name for _, name in found(extractor, text) if name] == []
