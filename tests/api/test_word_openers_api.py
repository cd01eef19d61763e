"""A report opening with a number word is stored where it happened (issue 15)."""

import httpx
import pytest

from tests.conftest import LiveServer, make_settings

TUZ_KHURMATU = {
    "text": "Five people were killed when an explosives-laden car blew up close to the main "
    "market of Tuz Khurmatu in Salahuddin province on Tuesday.",
    "published": "2024-08-08",
}


@pytest.fixture(scope="module")
def api(tmp_path_factory, module_database_url):
    folder = tmp_path_factory.mktemp("word-openers")
    with (
        LiveServer(make_settings(folder, database_url=module_database_url)) as live,
        httpx.Client(base_url=live.url, timeout=30) as client,
    ):
        yield client


def test_the_tuz_khurmatu_bombing_is_one_event_in_salah_ad_din(api):
    posted = api.post("/reports", json=TUZ_KHURMATU)
    assert posted.status_code == 201, posted.text
    found = api.get("/events", params={"region": "Salah ad-Din"})
    assert found.status_code == 200
    features = found.json()["features"]
    assert [
        (f["properties"]["event_type"], f["properties"]["location"]["admin1"]) for f in features
    ] == [("ied_explosion", "IQ-SD")]
    assert features[0]["properties"]["location"]["name"] == "Tuz Khurmatu"
    everywhere = api.get("/events").json()["features"]
    assert len(everywhere) == 1
