"""Make docs/map.png: the gold corpus ingested, /map opened in Debian's chromium."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.extraction.evaluate import read_corpus  # noqa: E402
from app.extraction.pipeline import Extractor, ReportInput  # noqa: E402
from app.gazetteer.geocoder import Gazetteer  # noqa: E402
from app.ingest import Ingestor  # noqa: E402
from app.store.sqlite import SQLiteStore  # noqa: E402
from tests.conftest import ProcessServer  # noqa: E402
from tests.mapping.conftest import ARGS, CHROMIUM  # noqa: E402


def main() -> None:
    """Ingest the corpus into a temporary store and photograph the map."""
    database = Path(tempfile.mkdtemp()) / "events.db"
    gazetteer = Gazetteer.load()
    ingestor = Ingestor(Extractor(gazetteer), gazetteer, SQLiteStore(database))
    for record in read_corpus(ROOT / "tests" / "fixtures" / "corpus" / "reports.jsonl"):
        ingestor.ingest(ReportInput(record["text"], record["published"], record["title"]))
    ingestor.store.close()
    with ProcessServer(database) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server.url}/map")
        page.wait_for_selector("body[data-geoevents-idle=true]", state="attached")
        page.locator(".leaflet-control-layers-overlays input").first.check()  # choropleth
        page.wait_for_timeout(500)
        page.screenshot(path=str(ROOT / "docs" / "map.png"))
        browser.close()


if __name__ == "__main__":
    main()
