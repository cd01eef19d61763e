"""The outbound guard: feeds, article links and webhooks never reach private addresses."""

import httpx
import pytest

from app.domain import EventQuery
from app.live.clock import stamp
from app.live.feeds import FeedPoller
from app.live.outbound import OutboundRefused, check_request, outbound_client, refusal
from app.live.webhooks import WebhookDeliverer
from tests.factories import make_event
from tests.live.test_webhooks import subscribe

PUBLIC = {"news.example": ["93.184.215.14"], "mixed.example": ["93.184.215.14", "10.0.0.7"]}


def fake_resolver(host, _port):
    if host not in PUBLIC:
        raise OSError("unknown host")
    return PUBLIC[host]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/",
        "http://10.1.2.3/feed",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped loopback
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://mixed.example/",  # one private answer is enough to refuse
        "http://nowhere.example/",  # does not resolve
        "ftp://news.example/feed",
    ],
)
def test_private_reserved_and_odd_targets_are_refused(url):
    reason = refusal(httpx.URL(url), fake_resolver)
    assert reason is not None


def test_public_targets_pass():
    assert refusal(httpx.URL("https://news.example/rss"), fake_resolver) is None
    assert refusal(httpx.URL("http://93.184.215.14:8080/"), fake_resolver) is None


def test_the_refusal_names_the_setting_that_allows_it():
    reason = refusal(httpx.URL("http://127.0.0.1/"), fake_resolver)
    assert reason is not None and "GEOEVENTS_OUTBOUND_ALLOW_PRIVATE" in reason


def test_a_redirect_to_a_private_address_is_refused_before_it_is_sent():
    seen = []

    def answer(request):
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/secret"})

    client = httpx.Client(
        transport=httpx.MockTransport(answer),
        event_hooks={"request": [check_request(fake_resolver)]},
        follow_redirects=True,
    )
    with client, pytest.raises(OutboundRefused, match="169.254.169.254"):
        client.get("http://news.example/item")
    assert seen == ["http://news.example/item"]  # the internal address was never asked


def test_a_webhook_to_a_local_address_fails_with_the_reason_and_sends_nothing(
    ingestor, clock, site
):
    store = ingestor.store
    site.pages["/hook"] = (204, {}, b"")
    sub = subscribe(store, f"{site.url}/hook", EventQuery())
    store.add_events([make_event()], "test")
    with outbound_client(5.0) as client:
        deliverer = WebhookDeliverer(store, clock, client, backoff=(10,))
        deliverer.enqueue_new()
        assert deliverer.deliver_due() == 0
    (delivery,) = store.live.deliveries(sub.id)
    assert delivery.status == "pending" and "private" in (delivery.last_error or "")
    assert site.requests == []


def test_a_local_feed_is_refused_unless_private_targets_are_allowed(ingestor, clock, site):
    site.pages["/feed"] = (200, {"Content-Type": "application/rss+xml"}, b"<rss></rss>")
    ingestor.store.live.add_feed(f"{site.url}/feed", 60, "local", stamp(clock.now()))
    with outbound_client(5.0) as guarded:
        ((_feed, result),) = FeedPoller(ingestor, clock, guarded).poll_due()
    assert result.status.startswith("error: refused") and "private" in result.status
    assert site.requests == []
    clock.advance(3600)
    with outbound_client(5.0, allow_private=True) as open_client:
        FeedPoller(ingestor, clock, open_client).poll_due()
    assert [r[1] for r in site.requests] == ["/feed"]
