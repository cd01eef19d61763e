"""Feeds: RSS 0.9x/1.0/2.0 and Atom polled, each new item read and stored as a report.

A poll sends the feed's ETag and Last-Modified back (a 304 costs nothing), parses the body
with feedparser, skips items whose link is a stored report's URL, fetches each new item's
page (size-capped) and keeps its main text (trafilatura), or the item's own description when
the page does not answer or has no text. ``published`` comes from the item (else the feed's
date, else today). Errors double the wait before the next poll, up to a day.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import logging
import warnings
from typing import Any

import feedparser
import httpx
import trafilatura

from app import __version__
from app.domain import Feed
from app.errors import GeoEventsError
from app.extraction.report_input import ReportInput
from app.extraction.text import clean_text
from app.ingest import Ingestor
from app.live.clock import Clock, stamp

log = logging.getLogger(__name__)

USER_AGENT = f"geoevents/{__version__} (feed reader; +https://github.com/geoevents)"
#: Largest feed and article bodies read, in bytes.
MAX_FEED_BYTES = 5_000_000
MAX_ARTICLE_BYTES = 2_000_000
MAX_BACKOFF_SECONDS = 86_400


@dataclasses.dataclass(frozen=True)
class PollResult:
    """What one poll of one feed did."""

    status: str
    items: int = 0
    stored: int = 0


class FeedPoller:
    """Poll due feeds and ingest their new items."""

    def __init__(self, ingestor: Ingestor, clock: Clock, client: httpx.Client) -> None:
        self.ingestor = ingestor
        self.store = ingestor.store
        self.clock = clock
        self.client = client

    def poll_due(self) -> list[tuple[Feed, PollResult]]:
        """Poll every feed whose time has come."""
        return [(feed, self.poll(feed)) for feed in self.store.live.due_feeds(self._now())]

    def poll(self, feed: Feed) -> PollResult:
        """Poll one feed now and record the outcome (counters, validators, next poll)."""
        now = self.clock.now()
        headers = {"User-Agent": USER_AGENT}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.modified:
            headers["If-Modified-Since"] = feed.modified
        try:
            response = self._get(feed.url, headers, MAX_FEED_BYTES)
            if response.status_code == 304:
                result = PollResult("304 not modified")
                etag, modified = feed.etag, feed.modified
            elif response.status_code != 200:
                raise FeedError(f"HTTP {response.status_code}")
            else:
                result = self._read(feed, response.content)
                etag = response.headers.get("ETag")
                modified = response.headers.get("Last-Modified")
        except (httpx.HTTPError, FeedError) as exc:
            errors = feed.errors + 1
            wait = min(MAX_BACKOFF_SECONDS, feed.interval_seconds * 2**errors)
            status = f"error: {exc}"[:300]
            log.warning("feed %s: %s (next try in %.0f s)", feed.url, status, wait)
            self.store.live.record_poll(
                dataclasses.replace(
                    feed,
                    last_poll=stamp(now),
                    last_status=status,
                    errors=errors,
                    next_poll=stamp(now + wait),
                )
            )
            return PollResult(status)
        self.store.live.record_poll(
            dataclasses.replace(
                feed,
                etag=etag,
                modified=modified,
                last_poll=stamp(now),
                last_status=result.status,
                items_seen=feed.items_seen + result.items,
                reports_stored=feed.reports_stored + result.stored,
                errors=0,
                next_poll=stamp(now + feed.interval_seconds),
            )
        )
        return result

    def _read(self, feed: Feed, body: bytes) -> PollResult:
        parsed = feedparser.parse(body)
        if parsed.get("bozo") and not parsed.entries:
            raise FeedError(f"not a feed ({parsed.get('bozo_exception')})")
        entries: list[Any] = list(parsed.entries)
        links = [str(e.get("link")) for e in entries if e.get("link")]
        known = self.store.live.known_urls(links)
        stored = 0
        for entry in entries:
            link = entry.get("link")
            if link and link in known:
                continue
            report = self._report(feed, entry, parsed.feed)
            if report is None:
                continue
            try:
                result, _ = self.ingestor.ingest(report, who=f"feed:{feed.id}")
            except GeoEventsError as exc:
                log.warning("feed %s: item %s not stored: %s", feed.url, link, exc.log_message)
                continue
            stored += int(result.created)
        return PollResult("200 ok", len(entries), stored)

    def _report(self, feed: Feed, entry: Any, meta: Any) -> ReportInput | None:
        link = entry.get("link")
        text = self._article(link) if link else None
        if not text:
            text = clean_text(entry.get("summary") or entry.get("description") or "")
        if not text.strip():
            log.warning("feed %s: item %s has no text; skipped", feed.url, link)
            return None
        with warnings.catch_warnings():
            # feedparser warns when it maps updated_parsed to published_parsed for us.
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp_ = entry.get("published_parsed") or entry.get("updated_parsed")
            stamp_ = stamp_ or meta.get("updated_parsed")
        published = (
            dt.datetime.fromtimestamp(calendar.timegm(stamp_), dt.UTC).date()
            if stamp_
            else dt.datetime.fromtimestamp(self.clock.now(), dt.UTC).date()
        )
        return ReportInput(
            text=text,
            published=published,
            title=entry.get("title"),
            url=link,
            source=feed.source or meta.get("title"),
        )

    def _article(self, url: str) -> str | None:
        try:
            response = self._get(url, {"User-Agent": USER_AGENT}, MAX_ARTICLE_BYTES)
        except (httpx.HTTPError, FeedError) as exc:
            log.info("article %s: %s; using the item's description", url, exc)
            return None
        if response.status_code != 200:
            return None
        text = trafilatura.extract(response.text, include_comments=False, include_tables=False)
        return text or None

    def _get(self, url: str, headers: dict[str, str], cap: int) -> httpx.Response:
        with self.client.stream("GET", url, headers=headers, follow_redirects=True) as response:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FeedError(f"{url} is larger than {cap} bytes")
                chunks.append(chunk)
            return httpx.Response(
                response.status_code, headers=response.headers, content=b"".join(chunks)
            )

    def _now(self) -> str:
        return stamp(self.clock.now())


class FeedError(Exception):
    """A feed answered with something unusable."""
