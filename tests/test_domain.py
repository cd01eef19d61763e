"""Records and the one distance function."""

import pytest


def test_distance_agrees_with_geopy():
    from geopy.distance import great_circle

    from app.domain import km

    for a, b in (((35.47, 44.39), (36.19, 44.01)), ((33.31, 44.37), (36.50, 40.75))):
        assert km(*a, *b) == pytest.approx(great_circle(a, b).km, rel=1e-9)


def test_earth_radius_is_geopys():
    from geopy.distance import EARTH_RADIUS

    from app.domain import EARTH_RADIUS_KM

    assert EARTH_RADIUS_KM == EARTH_RADIUS
