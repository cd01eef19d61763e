import pytest

from app.api.schemas import PlaceOut, ReverseResponse, SearchResponse

PROBLEM = "application/problem+json"


def test_search_answers_ranked_candidates(http):
    response = http.get("/gazetteer/search", params={"q": "Kerkuk"})
    assert response.status_code == 200
    body = SearchResponse.model_validate(response.json())
    kinds = [r.kind for r in body.results[:2]]
    assert set(kinds) == {"city", "admin1"}
    first = body.results[0]
    assert first.admin1 == "IQ-KI" and first.country == "IQ" and first.score == 100
    assert {
        "id",
        "name",
        "kind",
        "lat",
        "lon",
        "country",
        "admin1",
        "admin2",
        "population",
        "score",
        "aliases",
    } <= set(response.json()["results"][0])


def test_search_filters_and_limit(http):
    body = http.get("/gazetteer/search", params={"q": "Erbil", "kind": "admin1", "limit": 1}).json()
    assert len(body["results"]) == 1 and body["results"][0]["kind"] == "admin1"
    body = http.get("/gazetteer/search", params={"q": "Hama", "country": "SY"}).json()
    assert body["results"] and all(r["country"] == "SY" for r in body["results"])


def test_search_in_arabic_script(http):
    body = http.get("/gazetteer/search", params={"q": "أربيل"}).json()
    assert body["results"][0]["admin1"] == "IQ-AR"
    # Hamza on the line, ta marbuta written as ha, tatweel and diacritics.
    for query in ("كربلا", "الرقه", "الحسـكة", "الْمَوْصِل"):
        body = http.get("/gazetteer/search", params={"q": query}).json()
        assert body["results"], query
        assert body["results"][0]["admin1"] in ("IQ-KA", "SY-RA", "SY-HA", "IQ-NI"), query


def test_search_other_transliterations(http):
    for query, admin1 in [
        ("Tel Tamir", "SY-HA"),
        ("Dair al-Zur", "SY-DY"),
        ("Kfar Nabl", "SY-ID"),
        ("Khalidiyeh", "IQ-AN"),
    ]:
        results = SearchResponse.model_validate(
            http.get("/gazetteer/search", params={"q": query}).json()
        ).results
        assert results and results[0].admin1 == admin1, (query, results[:3])


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {},
        {"q": "   "},
        {"q": "Kirkuk", "limit": 0},
        {"q": "Kirkuk", "country": "Iraq"},
        {"q": "x" * 201},
    ],
)
def test_search_bad_input_is_a_problem(http, params):
    response = http.get("/gazetteer/search", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 400 and body["title"] and body["detail"] and body["type"]


def test_reverse(http):
    response = http.get("/gazetteer/reverse", params={"lat": 35.47, "lon": 44.39})
    assert response.status_code == 200
    body = ReverseResponse.model_validate(response.json())
    assert (body.country, body.admin1, body.admin1_name) == ("IQ", "IQ-KI", "Kirkuk")


@pytest.mark.parametrize(
    "params, field",
    [
        ({"lat": 91, "lon": 44}, "lat"),
        ({"lat": 35, "lon": "abc"}, "lon"),
        ({"lat": 35}, "lon"),
        ({"lat": "nan", "lon": 44}, "lat"),
    ],
)
def test_reverse_bad_input_is_a_problem(http, params, field):
    response = http.get("/gazetteer/reverse", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    assert field in response.json()["detail"]


def test_place_by_id(http):
    first = http.get("/gazetteer/search", params={"q": "Mosul"}).json()["results"][0]
    response = http.get(f"/gazetteer/places/{first['id']}")
    assert response.status_code == 200
    assert PlaceOut.model_validate(response.json()).name == first["name"]
    missing = http.get("/gazetteer/places/gn:0")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
