import datetime as dt
import hashlib
import hmac
import json

import httpx
import orjson

from app.domain import EventQuery
from app.live.clock import stamp
from app.live.query_codec import dump_query, load_query
from app.live.webhooks import SIGNATURE_HEADER, WebhookDeliverer, sign
from app.store import open_store
from tests.factories import make_event

SECRET = "a-long-shared-secret-0123456789"


def subscribe(store, url, query, after=0):
    filters = orjson.dumps({"query": "", "resolved": dump_query(query)}).decode()
    return store.live.add_subscription(url, SECRET, filters, after, stamp(0))


def verify(request):
    _method, _path, headers, body = request
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers[SIGNATURE_HEADER], expected)
    return json.loads(body)


def test_the_receiver_gets_exactly_the_matching_events_signed(ingestor, clock, site):
    store = ingestor.store
    site.pages["/hook"] = (204, {}, b"")
    subscribe(store, f"{site.url}/hook", EventQuery(admin1=("IQ-KI",)))
    kirkuk = store.add_events([make_event()], "test")
    store.add_events([make_event(lat=30.51, lon=47.78, admin1="IQ-BA")], "test")  # Basra
    with httpx.Client() as client:
        deliverer = WebhookDeliverer(store, clock, client, backoff=(10, 20))
        assert deliverer.enqueue_new() == 1
        assert deliverer.deliver_due() == 1
        assert deliverer.enqueue_new() == 0 and deliverer.deliver_due() == 0  # sent once
    (request,) = [r for r in site.requests if r[1] == "/hook"]
    body = verify(request)
    assert body["op"] == "upsert" and body["id"] == str(kirkuk[0])
    assert body["feature"]["properties"]["location"]["admin1"] == "IQ-KI"


def test_a_failed_delivery_is_retried_with_back_off_then_given_up(ingestor, clock, site):
    store = ingestor.store
    answers = iter([500, 503, 200])
    site.pages["/flaky"] = (0, {}, lambda _h: (next(answers), {}, b""))
    sub = subscribe(store, f"{site.url}/flaky", EventQuery())
    store.add_events([make_event()], "test")
    with httpx.Client() as client:
        deliverer = WebhookDeliverer(store, clock, client, backoff=(10, 20))
        deliverer.enqueue_new()
        assert deliverer.deliver_due() == 0  # 500
        assert deliverer.deliver_due() == 0  # not due yet: nothing sent
        clock.advance(10)
        assert deliverer.deliver_due() == 0  # 503
        clock.advance(19)
        assert deliverer.deliver_due() == 0  # still waiting
        clock.advance(1)
        assert deliverer.deliver_due() == 1  # 200 on the third try
    (delivery,) = store.live.deliveries(sub.id)
    assert (delivery.status, delivery.attempts, delivery.last_status) == ("delivered", 3, 200)
    assert len([r for r in site.requests if r[1] == "/flaky"]) == 3
    for request in site.requests:
        verify(request)


def test_a_dead_receiver_ends_failed_after_every_try(ingestor, clock, site):
    store = ingestor.store
    site.pages["/down"] = (500, {}, b"")
    sub = subscribe(store, f"{site.url}/down", EventQuery())
    store.add_events([make_event()], "test")
    with httpx.Client() as client:
        deliverer = WebhookDeliverer(store, clock, client, backoff=(1, 1))
        deliverer.enqueue_new()
        for _ in range(5):
            deliverer.deliver_due()
            clock.advance(1)
    (delivery,) = store.live.deliveries(sub.id)
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert delivery.last_error == "HTTP 500"


def test_deliveries_survive_a_restart(database_url, clock, site):
    store = open_store(database_url)
    site.pages["/hook"] = (200, {}, b"")
    subscribe(store, f"{site.url}/hook", EventQuery())
    store.add_events([make_event()], "test")
    with httpx.Client() as client:
        WebhookDeliverer(store, clock, client).enqueue_new()
    store.close()
    reopened = open_store(database_url)
    with httpx.Client() as client:
        assert WebhookDeliverer(reopened, clock, client).deliver_due() == 1
    reopened.close()


def test_signature_is_the_hmac_of_the_body():
    assert sign("k", b"{}") == "sha256=" + hmac.new(b"k", b"{}", hashlib.sha256).hexdigest()


def test_filters_survive_the_round_trip():
    query = EventQuery(
        admin1=("IQ-KI", "IQ-AR"),
        bbox=(43.0, 34.0, 45.0, 36.0),
        start=dt.date(2024, 1, 1),
        types=("airstrike",),
        min_confidence=0.5,
        limit=7,
    )
    back = load_query(dump_query(query))
    assert (back.admin1, back.bbox, back.start, back.types, back.min_confidence) == (
        query.admin1,
        query.bbox,
        query.start,
        query.types,
        query.min_confidence,
    )
