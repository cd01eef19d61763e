from collections import Counter

from app.extraction import resolve
from app.extraction.places import ToponymMatcher
from app.extraction.resolve import Resolver

TEXT = "Clashes in Kirkuk and Hawija; rockets hit Erbil. Kirkuk police said the Hawija road closed."


def mentions(gazetteer, text=TEXT):
    return ToponymMatcher(gazetteer).find(text, [0])


def test_a_name_is_looked_up_once_across_reports(gazetteer, monkeypatch):
    asked = Counter()
    real = gazetteer.candidates

    def counting(name, cue=None):
        asked[name] += 1
        return real(name, cue)

    found = mentions(gazetteer)
    fresh = Resolver(gazetteer).resolve(found, [], Counter())
    fresh_syria = Resolver(gazetteer).resolve(found, [], Counter({"SY": 3}))
    monkeypatch.setattr(gazetteer, "candidates", counting)
    resolver = Resolver(gazetteer)
    first = resolver.resolve(found, [], Counter())
    again = resolver.resolve(found, [], Counter({"SY": 3}))
    assert asked == {"Kirkuk": 1, "Hawija": 1, "Erbil": 1}
    assert first == fresh
    # The candidates are shared; their ranking is still the report's own.
    assert again == fresh_syria


def test_the_names_kept_are_bounded(gazetteer, monkeypatch):
    monkeypatch.setattr(resolve, "_MAX_NAMES", 2)
    resolver = Resolver(gazetteer)
    found = mentions(gazetteer)
    first = resolver.resolve(found, [], Counter())
    assert len(resolver._looked_up) <= 2
    assert resolver.resolve(found, [], Counter()) == first


def test_a_country_by_its_own_name_outranks_a_town_that_once_bore_it(gazetteer):
    text = "Iranian-backed fighters from Iraq joined the siege of Aleppo."
    found = Resolver(gazetteer).resolve(mentions(gazetteer, text), [], Counter({"IR": 1}))
    iraq = next(r for r in found if r.mention.text == "Iraq")
    assert iraq.place is not None and iraq.place.kind == "country"


def test_a_name_with_the_arabic_article_is_no_town_of_iran_or_turkey(gazetteer):
    text = "Warplanes struck al-Mashhad in eastern Aleppo on Monday."
    found = Resolver(gazetteer).resolve(mentions(gazetteer, text), [], Counter({"SY": 1}))
    mashhad = next(r for r in found if "Mashhad" in r.mention.text)
    assert mashhad.place is None or mashhad.place.country not in ("IR", "TR")
