import httpx

from app.live.clock import stamp
from app.live.feeds import FeedPoller

ARTICLE = """<html><head><title>Attack near Kirkuk</title></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Gunmen attack checkpoint near Kirkuk</h1>
<p>Gunmen attacked a police checkpoint on the road between Kirkuk and Hawija on Monday,
killing two officers and wounding three, security sources said on Tuesday.</p>
<p>No group has claimed the attack, which bore the hallmarks of Islamic State cells that
remain active in the rural south-west of the governorate.</p></article>
<footer>Copyright</footer></body></html>"""


def rss(items):
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>{text}</description>"
        f"<pubDate>{date}</pubDate></item>"
        for title, link, text, date in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
        f"<link>http://example.invalid/</link><description>t</description>{body}</channel></rss>"
    ).encode()


FIRST = [
    (
        "Checkpoint attack",
        "{site}/a/1",
        "Gunmen attacked a checkpoint near Kirkuk.",
        "Tue, 06 Aug 2024 09:00:00 GMT",
    ),
    (
        "Basra protest",
        "{site}/a/2",
        "Hundreds of protesters blocked a road in Basra on Monday over power cuts.",
        "Tue, 06 Aug 2024 10:00:00 GMT",
    ),
]


def serve_feed(site, items, etag='"v1"'):
    items = [(t, link.format(site=site.url), d, p) for t, link, d, p in items]

    def answer(handler):
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"ETag": etag, "Content-Type": "application/rss+xml"}, rss(items)

    site.pages["/feed.xml"] = (0, {}, answer)


def test_items_become_reports_once_and_new_items_are_picked_up(ingestor, clock, site):
    store = ingestor.store
    site.pages["/a/1"] = (200, {"Content-Type": "text/html"}, ARTICLE.encode())
    # /a/2 answers 404: its description stands in for the article.
    serve_feed(site, FIRST)
    feed = store.live.add_feed(f"{site.url}/feed.xml", 60, "Test wire", stamp(clock.now()))
    with httpx.Client() as client:
        poller = FeedPoller(ingestor, clock, client)
        (result,) = [r for _f, r in poller.poll_due()]
        assert (result.items, result.stored) == (2, 2)
        assert poller.poll_due() == []  # not due again until the interval has passed
        clock.advance(60)
        (again,) = [r for _f, r in poller.poll_due()]
        assert again.status.startswith("304") and again.stored == 0
        third = [*FIRST, ("Erbil drone", "{site}/a/3", "A drone hit Erbil airport.", "")]
        serve_feed(site, third, etag='"v2"')
        clock.advance(60)
        (newer,) = [r for _f, r in poller.poll_due()]
        assert (newer.items, newer.stored) == (3, 1)
    reports, total = store.list_reports(10, 0)
    assert total == 3
    by_url = {r.url: r for r in reports}
    first = by_url[f"{site.url}/a/1"]
    assert "security sources said on Tuesday" in first.text  # the page's main text...
    assert "Copyright" not in first.text and "Home | World" not in first.text  # ...only
    assert str(first.published) == "2024-08-06" and first.source == "Test wire"
    # Articles already stored are not fetched again.
    assert [p for m, p, *_ in site.requests if p == "/a/1"] == ["/a/1"]
    (saved,) = store.live.feeds()
    assert (saved.items_seen, saved.reports_stored, saved.errors) == (5, 3, 0)
    assert saved.etag == '"v2"' and saved.id == feed.id
    conditional = [h for m, p, h, _ in site.requests if p == "/feed.xml"][1]
    assert conditional["If-None-Match"] == '"v1"' and "geoevents" in conditional["User-Agent"]


def test_an_erroring_feed_backs_off(ingestor, clock, site):
    store = ingestor.store
    site.pages["/feed.xml"] = (500, {}, b"oops")
    store.live.add_feed(f"{site.url}/feed.xml", 60, None, stamp(clock.now()))
    with httpx.Client() as client:
        poller = FeedPoller(ingestor, clock, client)
        waits = []
        for _ in range(3):
            (feed,) = store.live.feeds()
            clock.t = max(clock.t, _seconds(feed.next_poll))
            before = clock.now()
            poller.poll_due()
            (feed,) = store.live.feeds()
            waits.append(round(_seconds(feed.next_poll) - before))
    assert waits == [120, 240, 480]  # the interval doubled after each failure
    assert feed.errors == 3 and feed.last_status == "error: HTTP 500"


def test_a_feed_that_is_not_a_feed_is_an_error(ingestor, clock, site):
    site.pages["/feed.xml"] = (200, {"Content-Type": "text/html"}, b"<html><p>hello")
    ingestor.store.live.add_feed(f"{site.url}/feed.xml", 60, None, stamp(clock.now()))
    with httpx.Client() as client:
        ((_feed, result),) = FeedPoller(ingestor, clock, client).poll_due()
    assert result.status.startswith("error: not a feed")


def test_an_oversized_article_falls_back_to_the_description(ingestor, clock, site, monkeypatch):
    monkeypatch.setattr("app.live.feeds.MAX_ARTICLE_BYTES", 100)
    site.pages["/a/1"] = (200, {"Content-Type": "text/html"}, ARTICLE.encode())
    serve_feed(site, FIRST[:1])
    ingestor.store.live.add_feed(f"{site.url}/feed.xml", 60, None, stamp(clock.now()))
    with httpx.Client() as client:
        FeedPoller(ingestor, clock, client).poll_due()
    (report,), _ = ingestor.store.list_reports(10, 0)
    assert report.text == "Gunmen attacked a checkpoint near Kirkuk."


def _seconds(text):
    import datetime as dt

    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC).timestamp()
