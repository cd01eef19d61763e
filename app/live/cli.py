"""``geoevents feeds add|list|remove`` and ``geoevents watch`` (the runner on its own)."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.errors import GeoEventsError
from app.live.clock import SystemClock, stamp

if TYPE_CHECKING:
    from app.store.base import EventStore

feeds_app = typer.Typer(help="News feeds polled for reports.", no_args_is_help=True)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _store() -> EventStore:
    """The configured store (imported here: ``geoevents --help`` stays light)."""
    from app.settings import Settings
    from app.store import open_store

    return open_store(Settings.from_env().store.database_url)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


@feeds_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="RSS or Atom feed URL")],
    interval: Annotated[int, typer.Option(min=5, max=86_400, help="seconds between polls")] = 900,
    source: Annotated[str | None, typer.Option(help="source name for its reports")] = None,
) -> None:
    """Poll a feed (first poll due now)."""
    from pydantic import AnyHttpUrl, TypeAdapter, ValidationError

    try:
        TypeAdapter(AnyHttpUrl).validate_python(url)
    except ValidationError as exc:
        raise _fail(f"{url!r} is not an http(s) URL") from exc
    store = _store()
    try:
        feed = store.live.add_feed(url, interval, source, stamp(time.time()))
    except GeoEventsError as exc:
        raise _fail(exc.detail) from exc
    finally:
        store.close()
    out.print(f"feed {feed.id}: {feed.url} every {feed.interval_seconds} s")


@feeds_app.command("list")
def list_feeds(
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one feed each")] = False,
) -> None:
    """Feeds with their last poll and counts."""
    store = _store()
    try:
        feeds = store.live.feeds()
    finally:
        store.close()
    if as_json:
        for f in feeds:
            sys.stdout.write(json.dumps(dataclasses.asdict(f)) + "\n")
        return
    table = Table("id", "url", "every", "last poll", "status", "items", "reports", "next poll")
    for f in feeds:
        table.add_row(
            str(f.id),
            f.url,
            f"{f.interval_seconds} s",
            f.last_poll or "-",
            f.last_status or "-",
            str(f.items_seen),
            str(f.reports_stored),
            f.next_poll,
        )
    out.print(table)


@feeds_app.command("remove")
def remove(feed_id: Annotated[int, typer.Argument(min=1)]) -> None:
    """Stop polling a feed."""
    store = _store()
    try:
        store.live.delete_feed(feed_id)
    except GeoEventsError as exc:
        raise _fail(exc.detail) from exc
    finally:
        store.close()
    out.print(f"feed {feed_id} removed")


def watch(
    once: Annotated[bool, typer.Option(help="one round, then exit")] = False,
) -> None:
    """Poll feeds and deliver webhooks without the HTTP API (one runner at a time holds the
    database lease; a `geoevents serve` on the same database yields to it, or it to them)."""
    from app.cli_data import _ingestor
    from app.live.runner import LiveRunner
    from app.settings import Settings

    settings = Settings.from_env()
    runner = LiveRunner(
        _ingestor(settings),
        SystemClock(),
        interval=settings.live.live_interval_seconds,
        timeout=settings.live.http_timeout_seconds,
        backoff=tuple(settings.live.webhook_backoff_seconds),
        allow_private=settings.live.outbound_allow_private,
    )
    if once:
        held = runner.run_once()
        runner.close()
        if not held:
            raise _fail("another process holds the live-runner lease")
        return
    err.print("watching feeds and webhooks; Ctrl-C stops")
    try:
        runner.run_forever()
    except KeyboardInterrupt:
        pass
