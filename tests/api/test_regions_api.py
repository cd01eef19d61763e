import pytest
import shapely
from shapely.geometry import shape

from app.api.schemas import RegionCollection, RegionFeature

GEOJSON = "application/geo+json"


def test_list_regions_is_geojson_with_every_governorate(http):
    response = http.get("/regions")
    assert response.status_code == 200 and response.headers["content-type"] == GEOJSON
    collection = RegionCollection.model_validate(response.json())
    codes = {f.properties.code for f in collection.features if f.properties.kind == "admin1"}
    assert len([c for c in codes if c.startswith("IQ-")]) == 18
    assert len([c for c in codes if c.startswith("SY-")]) == 14
    assert "IQ-TS" not in codes and "IQ-KI" in codes


@pytest.mark.parametrize(
    "code", ["IQ-KI", "iq-ki", "IQ-TS", "Kirkuk", "Kerkuk", "Kirkuk Governorate"]
)
def test_region_by_code_or_name(http, code):
    response = http.get(f"/regions/{code}")
    assert response.status_code == 200
    feature = RegionFeature.model_validate(response.json())
    assert feature.id == "IQ-KI" and feature.properties.kind == "admin1"
    geom = shape(response.json()["geometry"])
    assert geom.contains(shapely.Point(44.39, 35.47))


def test_named_region_is_the_union_of_its_governorates(http):
    feature = http.get("/regions/Kurdistan Region").json()
    assert feature["id"] == "IQ-KR"
    assert set(feature["properties"]["members"]) == {"IQ-AR", "IQ-DA", "IQ-SU"}
    geom = shape(feature["geometry"])
    assert geom.contains(shapely.Point(44.01, 36.19))  # Erbil
    assert not geom.contains(shapely.Point(44.39, 35.47))  # Kirkuk


def test_polygons_are_rfc7946(http):
    for feature in http.get("/regions").json()["features"]:
        geom = shape(feature["geometry"])
        polygons = getattr(geom, "geoms", [geom])
        assert all(p.exterior.is_ccw for p in polygons), feature["id"]
        assert "crs" not in feature


def test_unknown_region_lists_close_matches(http):
    response = http.get("/regions/Kirkukk")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert any("IQ-KI" in s for s in body["suggestions"])
