from geopy.geocoders.base import Geocoder
from geopy.location import Location

from app.gazetteer.geopy_adapter import LocalGazetteer


def test_is_a_geopy_geocoder(gazetteer):
    assert isinstance(LocalGazetteer(gazetteer), Geocoder)


def test_geocode_returns_a_location(gazetteer):
    location = LocalGazetteer(gazetteer).geocode("Kerkuk")
    assert isinstance(location, Location)
    assert abs(location.latitude - 35.47) < 0.1 and abs(location.longitude - 44.39) < 0.1
    assert location.raw["admin1"] == "IQ-KI"


def test_geocode_all_candidates_and_none(gazetteer):
    geolocator = LocalGazetteer(gazetteer)
    locations = geolocator.geocode("Erbil", exactly_one=False)
    assert {loc.raw["kind"] for loc in locations} >= {"city", "admin1"}
    assert geolocator.geocode("Zzyzxqwv") is None


def test_reverse_accepts_geopy_point_forms(gazetteer):
    geolocator = LocalGazetteer(gazetteer)
    for query in ("36.19, 44.01", (36.19, 44.01)):
        location = geolocator.reverse(query)
        assert location.raw["admin1"] == "IQ-AR"
    assert geolocator.reverse((0.0, 0.0)) is None
