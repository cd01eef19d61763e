"""The curated depth: district seats and localities, each with a source and a merge rule."""

import csv

import pytest

from app.gazetteer.loader import default_gazetteer_dir
from tools.build_gazetteer import PlaceTable, add_aliases

CURATED = default_gazetteer_dir().parent / "curated"
COLUMNS = ["id", "name", "kind", "lat", "lon", "country", "admin1", "aliases", "source"]


def _rows(name):
    with (CURATED / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", ["districts.csv", "localities.csv", "landmarks.csv"])
def test_every_row_has_a_source_a_point_and_a_flag_column(name):
    rows = _rows(name)
    assert len(rows) > (10 if name == "landmarks.csv" else 150)
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(COLUMNS) <= set(row) and row["source"], row
        assert 29.0 < float(row["lat"]) < 37.5 and 35.5 < float(row["lon"]) < 48.7, row
        assert row["country"] in ("IQ", "SY") and row["admin1"].startswith(row["country"])
        assert row["approximate"] in ("", "yes")


def test_every_governorate_has_its_districts():
    by_governorate = {}
    for row in _rows("districts.csv") + _rows("places.csv"):
        if row["kind"] == "district":
            by_governorate.setdefault(row["admin1"], []).append(row["name"])
    assert all(len(v) >= 1 for v in by_governorate.values())
    assert len(by_governorate) == 32  # 18 Iraqi and 14 Syrian governorates
    assert sum(len(v) for k, v in by_governorate.items() if k.startswith("SY")) >= 60


def test_shipped_districts_carry_their_arabic_names(gazetteer):
    hits = gazetteer.search("قضاء الشرقاط") + gazetteer.search("منطقة عفرين")
    assert {h.place.kind for h in hits} == {"admin2"}


def _town(pid, name, lat, lon, aliases=(), kind="town"):
    return {
        "id": pid,
        "name": name,
        "kind": kind,
        "lat": lat,
        "lon": lon,
        "country": "SY",
        "admin1": "SY-HA",
        "admin2": "",
        "population": 0,
        "aliases": list(aliases),
        "source": "test",
    }


def test_a_curated_spelling_merges_into_the_registry_town_whose_point_wins():
    table = PlaceTable()
    table.add(_town("gn:1", "Tall Tamr", 36.655, 40.371))
    curated = _town("cur:x", "Tel Tamr", 36.66, 40.38, ["تل تمر"])
    pid = table.match(curated, {"town", "village", "city"})
    assert pid == "gn:1"
    table.merge(pid, curated, prefer_kind=False)
    merged = table.rows["gn:1"]
    assert (merged["lat"], merged["lon"]) == (36.655, 40.371)
    assert merged["name"] == "Tel Tamr" and "Tall Tamr" in merged["aliases"]


def test_far_namesakes_and_sites_do_not_merge_by_variant():
    table = PlaceTable()
    table.add(_town("gn:1", "Tall Tamr", 36.655, 40.371))
    far = _town("cur:x", "Tel Tamr", 35.5, 40.0)
    assert table.match(far, {"town", "village", "city"}) is None
    table.add(_town("cur:s", "Mezzeh district", 33.4775, 36.2234, ["Mezzeh"], kind="site"))
    base = _town("cur:b", "Mazzeh Airbase", 33.477, 36.223, ["Mazzeh"], kind="base")
    assert table.match(base, {"site", "base"}) is None


def test_extra_names_reach_the_places_they_name(gazetteer):
    rows = _rows("aliases.csv")
    assert rows and all(r["source"] for r in rows)
    for row in rows:
        place = gazetteer.get(row["id"])
        for alias in row["aliases"].split("|"):
            assert alias == place.name or alias in place.aliases, (row["id"], alias)
    assert gazetteer.search("Calah")[0].place.id == "cur:nimrud"
    assert gazetteer.search("Haram al-Husayn")[0].place.admin1 == "IQ-KA"


def test_extra_names_for_an_unknown_place_stop_the_build():
    table = PlaceTable()
    table.add(_town("gn:1", "Tall Tamr", 36.655, 40.371))
    add_aliases(table, [{"id": "gn:1", "aliases": "Tel Tamer|Tall Tamr", "source": "test"}])
    assert table.rows["gn:1"]["aliases"] == ["Tel Tamer"]
    with pytest.raises(SystemExit, match="gn:2"):
        add_aliases(table, [{"id": "gn:2", "aliases": "X", "source": "test"}])


@pytest.mark.parametrize(
    ("spelling", "admin1"),
    [
        ("Jarmana", "SY-RD"),  # a news spelling of Jaramana
        ("Kaljibrin", "SY-HL"),
        ("al-Jannabra", "SY-HM"),
        ("Sami'a", "SY-SU"),
        ("Thaala", "SY-SU"),
        ("Fleita", "SY-RD"),
        ("Wadi Houran", "IQ-AN"),
        ("Mekeishifa", "IQ-SD"),
        ("Kuna Masi", "IQ-SU"),  # not Duhok's Kani Masi
        ("Homs desert", "SY-HI"),
        ("Mount Hermon", "SY-RD"),  # the Syrian slopes lie in Rif Dimashq
        ("al-Marashida", "SY-DY"),  # a village of the Hajin pocket
        ("Deir Ballut", "SY-HL"),  # Afrin's border villages
        ("Maktab Khaled", "IQ-KI"),
        ("Karmat Ali", "IQ-BA"),
        ("Hosh al-Sayyed Ali", "SY-HI"),  # a border village, not the Lebanese side
        ("Tariq al-Bab", "SY-HL"),  # a quarter of Aleppo, not the road to al-Bab town
        ("Sheikh Khodr", "SY-HL"),
        ("Bustan al-Basha", "SY-HL"),
        ("Jarjanaz", "SY-ID"),
        ("Lahaya", "SY-HM"),
        ("Maar Hattat", "SY-ID"),
        ("Jabal Zain al-Abidin", "SY-HM"),
        ("Yarmouk Basin", "SY-DR"),  # not the Yarmouk camp of Damascus
        ("Homs Military Academy", "SY-HI"),
        ("Handarat", "SY-HL"),
        ("Tell Halaf", "SY-HA"),
        ("Qasr al-Shaab", "SY-DI"),
        ("Tikrit palace complex", "IQ-SD"),
        ("Sheikh Faris", "SY-HL"),
        ("Bzaah", "SY-HL"),
        ("Allouk water station", "SY-HA"),
        ("46th Regiment base", "SY-HL"),
        ("Orontes Square", "SY-HM"),
        ("Kawergosk", "IQ-AR"),
        ("Division 17", "SY-RA"),
        ("93rd Brigade", "SY-RA"),
        ("University of Tikrit", "IQ-SD"),
        # The Kurdish-held countryside north of Aleppo, not the town of Shahba in Suwayda.
        ("Shehba region", "SY-HL"),
        ("Shahba area", "SY-HL"),
        ("Shahba", "SY-SU"),
    ],
)
def test_places_the_news_names_reach_their_governorate(gazetteer, spelling, admin1):
    hits = [h for h in gazetteer.search(spelling) if h.match != "fuzzy"]
    assert hits and hits[0].place.admin1 == admin1, hits[:2]


@pytest.mark.parametrize(
    ("spelling", "country"),
    [("Ras Baalbek", "LB"), ("Jroud Arsal", "LB"), ("Karkamis", "TR"), ("Imrali island", "TR")],
)
def test_places_across_the_border_reach_their_country(gazetteer, spelling, country):
    hits = [h for h in gazetteer.search(spelling) if h.match != "fuzzy"]
    assert hits and hits[0].place.country == country, hits[:2]


def test_the_presidential_palace_is_the_one_of_the_capital_named_with_it(gazetteer):
    """Damascus's People's Palace and Baghdad's Republican Palace are both 'the presidential
    palace': the name has the two, and the city said with it decides."""
    hits = {h.place.admin1 for h in gazetteer.search("presidential palace") if h.match != "fuzzy"}
    assert {"SY-DI", "IQ-BG"} <= hits


@pytest.mark.parametrize(
    "name",
    [
        "Eastern Ghouta",
        "Ghab plain",
        "Jabal al-Akrad",
        "Jabal al-Turkman",
        "Wadi Horan",
        "Yarmouk Basin",
        "al-Lajat",
    ],
)
def test_areas_inside_a_governorate_are_of_the_area_kind(gazetteer, name):
    hits = [h for h in gazetteer.search(name) if h.match != "fuzzy"]
    assert hits and hits[0].place.kind == "area" and hits[0].place.family == "site", hits[:2]
