"""Live tests: a store with an ingestor, a clock the test moves, and a local HTTP server."""

import http.server
import threading

import pytest

from app.extraction.pipeline import Extractor
from app.ingest import Ingestor
from app.store import open_store
from tests.conftest import free_port


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self, start=1_700_000_000.0):
        self.t = start

    def now(self):
        return self.t

    def advance(self, seconds):
        self.t += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(scope="session")
def live_extractor(gazetteer):
    return Extractor(gazetteer)


@pytest.fixture
def ingestor(database_url, live_extractor, gazetteer):
    store = open_store(database_url)
    yield Ingestor(live_extractor, gazetteer, store)
    store.close()


class Site:
    """A local web server whose answers the test sets: path -> (status, headers, body)."""

    def __init__(self):
        self.pages = {}
        self.requests = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self, body_in=b""):
                site.requests.append((self.command, self.path, dict(self.headers), body_in))
                status, headers, body = site.pages.get(self.path, (404, {}, b"not here"))
                if callable(body):
                    status, headers, body = body(self)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802 (http.server's name)
                self._answer()

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                self._answer(self.rfile.read(length))

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()
