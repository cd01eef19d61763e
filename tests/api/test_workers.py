"""Stateless workers: two API processes on one store answer as one service.

Nothing a request needs lives in a worker's memory: what one worker writes, the other
reads; a paging cursor or a history made by one is valid on the other. (In-process caches,
the gazetteer and the compiled extractor are recomputed from the same files by each worker.)
"""

import httpx
import pytest

from tests.conftest import LiveServer, make_settings
from tests.factories import make_event


@pytest.fixture
def workers(tmp_path, database_url):
    settings = make_settings(tmp_path, database_url=database_url, api_keys=["k"])
    with LiveServer(settings) as one, LiveServer(settings) as two:
        with (
            httpx.Client(base_url=one.url, headers={"X-API-Key": "k"}, timeout=30) as a,
            httpx.Client(base_url=two.url, headers={"X-API-Key": "k"}, timeout=30) as b,
        ):
            yield a, b


def test_two_workers_serve_one_store(workers):
    a, b = workers
    for i in range(5):
        body = make_event(lat=35.0 + i / 10, date=f"2024-08-0{i + 1}").model_dump(mode="json")
        assert (a if i % 2 else b).post("/events", json=body).status_code == 201
    first = a.get("/events", params={"limit": 2}).json()
    cursor = first["links"]
    next_link = next(link["href"] for link in cursor if link["rel"] == "next")
    rest = b.get(next_link).json()  # a cursor made by one worker pages on the other
    seen = [f["id"] for f in first["features"]] + [f["id"] for f in rest["features"]]
    assert len(seen) == 4 and len(set(seen)) == 4
    event_id = first["features"][0]["id"]
    patch = {"properties": {"event_type": "armed_clash"}}
    assert a.patch(f"/events/{event_id}", json=patch).status_code == 200
    history = b.get(f"/events/{event_id}/history").json()
    assert [h["action"] for h in history["changes"]] == ["create", "update"]
    assert b.get(f"/events/{event_id}").json()["properties"]["event_type"] == "armed_clash"
    assert a.get("/healthz").json()["store"] == b.get("/healthz").json()["store"]
