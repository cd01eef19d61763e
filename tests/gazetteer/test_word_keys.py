"""Gazetteer keys checked against the English vocabulary at build time (issue 15)."""

import csv
import subprocess
import sys

import pytest

from app.gazetteer.loader import default_gazetteer_dir, load_gazetteer
from tools.build_gazetteer import reportable, vet_keys
from tools.english_vocabulary import common_words, describe

DATA = default_gazetteer_dir()
ISSUE_WORDS = (
    "of can no do man own big name tell seen side five turn son rest shot gold worth tour sale "
    "sun luck male cars basic drug freedom airport soul shut progress cat surprise paradise "
    "lion".split()
)


def _rows():
    with (DATA / "places.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_common_words_are_words_not_names():
    words = common_words(["paris"])
    assert {"five", "gold", "progress", "freedom", "airport", "cars", "killed", "march"} <= words
    assert {"sunday", "twenty"} <= words  # whatever the dictionary's case
    assert not {"syria", "baghdad", "london", "paris", "mosul", "kirkuk"} & words
    assert describe()["min_zipf"] == 3.0


def test_shipped_keys_hold_no_bare_common_word():
    vocabulary = common_words()
    for row in _rows():
        cue = set(filter(None, row["cue_keys"].split("|")))
        words = set(filter(None, row["word_keys"].split("|")))
        keys = set(filter(None, row["keys"].split("|")))
        assert not cue & vocabulary, row["id"]  # "five" of "Five Mountains"
        assert words <= keys, row["id"]
        if words:
            assert reportable(dict(row, population=int(row["population"]))), row["id"]
        else:
            assert not keys & set(ISSUE_WORDS), row["id"]


def test_the_issue_examples_are_gone_or_marked():
    by_key: dict[str, list[dict[str, str]]] = {}
    for row in _rows():
        for key in row["keys"].split("|"):
            by_key.setdefault(key, []).append(row)
    marked = {r["id"] for w in ISSUE_WORDS for r in by_key.get(w, [])}
    words_of = {r["id"]: set(r["word_keys"].split("|")) for rows in by_key.values() for r in rows}
    assert all(words_of[pid] & set(ISSUE_WORDS) for pid in marked)


def test_vet_keys_drops_far_words_and_kind_word_leftovers():
    vocabulary = frozenset({"five", "paradise", "hit"})
    far = {"id": "gn:1", "name": "Paradise", "aliases": ["Five Mountains"], "kind": "city"}
    far |= {"country": "US", "source": "GeoNames"}
    keys, cue, words, dropped = vet_keys(far, vocabulary)
    assert (keys, cue, words, dropped) == (["five mountains"], [], [], ["five", "paradise"])
    hit = {"id": "gn:2", "name": "Hit", "aliases": [], "kind": "town", "country": "IQ"}
    hit |= {"source": "GeoNames"}
    assert vet_keys(hit, vocabulary) == (["hit"], [], ["hit"], [])
    airport = {"id": "oa:x", "name": "Al Al Airport", "aliases": [], "kind": "airport"}
    airport |= {"country": "SY", "source": "OurAirports"}
    assert vet_keys(airport, vocabulary) == ([], [], [], ["airport"])
    curated = {"id": "cur:x", "name": "X", "aliases": [], "kind": "dam", "country": "EG"}
    assert reportable(curated | {"source": "curated: y"})


def test_the_loader_reads_word_keys_and_user_rows_have_none(tmp_path):
    shipped = load_gazetteer()
    assert {"hit", "tell"} <= shipped.word_keys
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.csv").write_text(
        "id,name,kind,lat,lon,country,aliases\nu:1,Tell Mine,village,36.1,41.2,SY,Gold\n",
        encoding="utf-8",
    )
    data = load_gazetteer(user_dir=user)
    assert data.word_keys == shipped.word_keys
    index = [p.id for p in data.places].index("u:1")
    assert data.keys[index] == (("gold", "tell mine"), ())


@pytest.mark.slow  # a fresh interpreter imports the whole service
def test_the_service_needs_no_word_frequencies():
    code = (
        "import sys, app.main, app.extraction.pipeline, app.gazetteer.geocoder;"
        "assert not {'wordfreq', 'english_words'} & set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
