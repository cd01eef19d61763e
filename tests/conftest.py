"""Shared fixtures: settings on a temporary store, the gazetteer, a live HTTP server.

Tests that touch the store take ``database_url`` (or ``module_database_url``): they run once
per backend, on a SQLite file and on a fresh database of a throw-away PostGIS cluster. Without
PostgreSQL + PostGIS the PostGIS runs skip with the reason; under CI=true they fail instead.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from app.gazetteer.geocoder import Gazetteer
from app.main import create_app
from app.settings import (
    ApiSettings,
    ExtractionSettings,
    GazetteerSettings,
    LimitSettings,
    LiveSettings,
    LogSettings,
    MapSettings,
    Settings,
    StoreSettings,
)
from app.store import open_store
from app.store.base import EventStore
from tests.pg_cluster import TempCluster, why_unavailable

FIXTURES = Path(__file__).parent / "fixtures"


BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


def make_settings(
    tmp: Path,
    map_options: dict[str, object] | None = None,
    database_url: str | None = None,
    live_options: dict[str, object] | None = None,
    limits: dict[str, object] | None = None,
    **api: object,
) -> Settings:
    """Settings isolated from the environment and .env files (SQLite in ``tmp`` by default)."""
    url = database_url or f"sqlite:///{tmp / 'events.db'}"
    return Settings(
        store=StoreSettings(database_url=url, _env_file=None),
        gazetteer=GazetteerSettings(gazetteer_user_dir=tmp / "user-gazetteer", _env_file=None),
        api=ApiSettings(_env_file=None, **api),
        extraction=ExtractionSettings(_env_file=None),
        map=MapSettings(_env_file=None, **(map_options or {})),
        # Tests turn the feed poller and webhook deliverer on where they test them.
        live=LiveSettings(_env_file=None, **{"live_runner": False, **(live_options or {})}),
        limits=LimitSettings(_env_file=None, **(limits or {})),
        logs=LogSettings(_env_file=None),
    )


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per test session."""
    return Gazetteer.load()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TempCluster]:
    """A PostgreSQL + PostGIS cluster for the session; skips (fails under CI) without one."""
    reason = why_unavailable()
    if reason is not None:
        message = f"PostGIS backend not tested: {reason}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI must test both backends)")
        pytest.skip(message)
    cluster = TempCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


def backend_url(request: pytest.FixtureRequest, folder: Path) -> str:
    """A fresh, empty store's URL for the backend the test is parametrised with."""
    if request.param == "sqlite":
        return f"sqlite:///{folder / 'events.db'}"
    cluster: TempCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store per test, once per backend."""
    return backend_url(request, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """A fresh store per test module, once per backend."""
    return backend_url(request, tmp_path_factory.mktemp("store"))


@pytest.fixture(
    scope="module",
    # A PostgreSQL database costs ~0.5 s to create: a store per example is slow on PostGIS.
    params=["sqlite", pytest.param("postgis", marks=[pytest.mark.postgis, pytest.mark.slow])],
)
def database_urls(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[], str]:
    """A maker of fresh, empty stores of one backend, for tests that need a new store per
    hypothesis example (a function-scoped fixture is set up once for all the examples)."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("stores")
        names = itertools.count(1)
        return lambda: f"sqlite:///{folder / f'events-{next(names)}.db'}"
    cluster: TempCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database


@pytest.fixture
def second_database_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another fresh store of the same backend as ``database_url``."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.db'}"
    cluster: TempCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture
def store(database_url: str) -> Iterator[EventStore]:
    """An opened, empty store, once per backend."""
    opened = open_store(database_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Per-test settings on a fresh SQLite file."""
    return make_settings(tmp_path)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 in a background thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class ProcessServer:
    """uvicorn in a child process: for clients that block the GIL while they wait (GDAL)."""

    def __init__(self, database: Path | str, workers: int = 1, start_timeout: float = 60) -> None:
        self.start_timeout = start_timeout
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        url = database if isinstance(database, str) else f"sqlite:///{database}"
        # No feed polls or webhook posts from a server that fuzzers feed random URLs.
        env = dict(os.environ, GEOEVENTS_DATABASE_URL=url, GEOEVENTS_LIVE_RUNNER="false")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--workers",
                str(workers),
            ],
            env=env,
        )

    def __enter__(self) -> ProcessServer:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/healthz", timeout=2).raise_for_status()
                return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError("test server process did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One real HTTP server for the read-only API tests of the session."""
    with LiveServer(make_settings(tmp_path_factory.mktemp("live"))) as server:
        yield server


@pytest.fixture
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client bound to the live server."""
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client
