"""The change feed and the push stream over HTTP, against a real server."""

import json
import threading
import time

import httpx
import pytest

from tests.conftest import LiveServer, make_settings

KIRKUK = (
    "Gunmen attacked a police checkpoint in Kirkuk on Tuesday, killing two officers, "
    "security sources said."
)
BASRA = "Protesters blocked the main road in Basra on Tuesday over power cuts, officials said."
ERBIL = "A drone attack hit Erbil airport on Tuesday, the Kurdistan counter-terrorism service said."


@pytest.fixture
def server(tmp_path, database_url):
    settings = make_settings(
        tmp_path, database_url=database_url, live_options={"live_notify_seconds": 0.1}
    )
    with LiveServer(settings) as live:
        yield live


@pytest.fixture
def api(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def follow(api, params, limit=2):
    """What a script that follows the feed from 0 ends with: id -> Feature."""
    mirror, after = {}, 0
    while True:
        body = api.get("/events/changes", params={**params, "after": after, "limit": limit}).json()
        for change in body["changes"]:
            if change["op"] == "upsert":
                mirror[change["id"]] = change["feature"]
            else:
                mirror.pop(change["id"], None)
        assert body["last_seq"] >= after
        after = body["last_seq"]
        if len(body["changes"]) < limit:
            return mirror, after


def current(api, params):
    features = api.get("/events", params={**params, "limit": 10000}).json()["features"]
    return {f["id"]: f for f in features}


def test_a_follower_ends_with_exactly_the_stores_events(api):
    for text, day in ((KIRKUK, "2024-08-08"), (BASRA, "2024-08-08"), (ERBIL, "2024-08-08")):
        assert api.post("/reports", json={"text": text, "published": day}).status_code == 201
    # A second report of the Kirkuk attack merges into the first event.
    again = (
        "Two police officers were killed when gunmen attacked a checkpoint in Kirkuk on Tuesday."
    )
    merged = api.post("/reports", json={"text": again, "published": "2024-08-08"}).json()
    assert merged["merged_into"]
    ids = sorted(current(api, {}))
    assert len(ids) == 3
    patched = api.patch(f"/events/{ids[1]}", json={"properties": {"fatalities": 7}})
    assert patched.status_code == 200, patched.text
    assert api.delete(f"/events/{ids[2]}").status_code == 204
    mirror, last = follow(api, {})
    assert mirror == current(api, {})
    assert mirror[ids[1]]["properties"]["fatalities"] == 7
    # Nothing new: the same number again, and an empty page.
    body = api.get("/events/changes", params={"after": last}).json()
    assert body == {"changes": [], "last_seq": last}
    # Filters: the follower of one governorate ends with that governorate's events only.
    kirkuk, _ = follow(api, {"region": "Kirkuk"})
    assert kirkuk == current(api, {"region": "Kirkuk"}) and len(kirkuk) == 1


def test_an_event_that_leaves_the_filter_is_deleted_for_its_followers(api):
    api.post("/reports", json={"text": KIRKUK, "published": "2024-08-08"})
    mirror, last = follow(api, {"region": "IQ-KI"})
    (event_id,) = mirror
    moved = {  # to Basra
        "geometry": {"type": "Point", "coordinates": [47.78, 30.51]},
        "properties": {"location": {"name": "Basra", "lat": 30.51, "lon": 47.78}},
    }
    response = api.patch(f"/events/{event_id}", json=moved)
    assert response.status_code == 200, response.text
    body = api.get("/events/changes", params={"region": "IQ-KI", "after": last}).json()
    assert [(c["op"], c["id"]) for c in body["changes"]] == [("delete", event_id)]


def test_changes_refuse_bad_parameters(api):
    response = api.get("/events/changes", params={"after": -1})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert api.get("/events/changes", params={"region": "Narnia"}).status_code == 404


class StreamReader:
    """An SSE client in a thread, collecting (event, id, data) messages."""

    def __init__(self, url, headers=None):
        self.messages = []
        self.opened = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(url, headers or {}), daemon=True)
        self.thread.start()
        assert self.opened.wait(10), "stream did not open"

    def _run(self, url, headers):
        with httpx.Client(timeout=httpx.Timeout(30, read=None)) as client:
            with client.stream("GET", url, headers=headers) as response:
                assert response.headers["content-type"].startswith("text/event-stream")
                self.opened.set()
                message = {}
                for line in response.iter_lines():
                    if self.stop.is_set():
                        return
                    if not line:
                        if "data" in message:
                            self.messages.append(message)
                        message = {}
                    elif not line.startswith(":") and ":" in line:
                        key, _, value = line.partition(":")
                        message[key] = value.strip()

    def wait_for(self, count, timeout, kind=None):
        """The messages so far, once ``count`` of them (of ``kind``, if given) have come."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len([m for m in self.messages if kind in (None, m.get("event"))]) >= count:
                break
            time.sleep(0.02)
        return self.messages[:]

    def close(self):
        self.stop.set()


def test_the_stream_pushes_new_events_within_two_seconds(server, api):
    reader = StreamReader(f"{server.url}/events/stream?region=Kirkuk")
    try:
        sent = time.monotonic()
        api.post("/reports", json={"text": BASRA, "published": "2024-08-08"})  # filtered out
        posted = api.post("/reports", json={"text": KIRKUK, "published": "2024-08-08"}).json()
        messages = reader.wait_for(1, 5, kind="event")
        latency = time.monotonic() - sent
        upserts = [m for m in messages if m.get("event") == "event"]
        assert upserts, messages
        assert latency < 2.0
        feature = json.loads(upserts[0]["data"])
        assert int(feature["id"]) in posted["event_ids"]
        assert feature["properties"]["location"]["admin1"] == "IQ-KI"
        seq = int(upserts[0]["id"])
    finally:
        reader.close()
    # Resume after that message: the delete of the event comes next, nothing before it.
    api.delete(f"/events/{feature['id']}")
    resumed = StreamReader(f"{server.url}/events/stream", headers={"Last-Event-ID": str(seq)})
    try:
        messages = resumed.wait_for(1, 5)
        assert messages[0]["event"] == "delete" and messages[0]["data"] == str(feature["id"])
        assert int(messages[0]["id"]) > seq
    finally:
        resumed.close()
        # Wake both readers so their threads end before the server stops.
        api.post("/reports", json={"text": ERBIL, "published": "2024-08-08"})


def test_a_bad_last_event_id_is_a_problem(api):
    response = api.get("/events/stream", headers={"Last-Event-ID": "yesterday"})
    assert response.status_code == 400
