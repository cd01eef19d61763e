"""The map in a real browser: markers, arrows, offline, no errors, no XSS, embeddable."""

import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from app.mapping.render import LAKE_COLOUR
from tests.conftest import free_port
from tests.mapping.conftest import ARTIFACTS

IDLE = "body[data-geoevents-idle=true]"


def open_map(browser, url, blocked):
    """A page on ``url`` whose every request off 127.0.0.1 is aborted and recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def guard(route):
        if urlsplit(route.request.url).hostname not in ("127.0.0.1", "localhost"):
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.goto(url)
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)
    return page, errors


def test_map_draws_the_known_events_offline(browser, map_server):
    blocked = []
    page, errors = open_map(browser, f"{map_server.url}/map", blocked)
    assert blocked == []  # nothing but 127.0.0.1 was even asked for
    assert errors == []
    body = page.locator("body")
    # Five incidents, far apart: five lone markers; two movements: two arrows.
    assert body.get_attribute("data-geoevents-singles") == "5"
    assert body.get_attribute("data-geoevents-movements") == "2"
    assert body.get_attribute("data-geoevents-clusters") == "0"
    # Five incident markers (movements are drawn on the canvas).
    assert page.locator(".leaflet-marker-pane > *").count() == 5
    assert page.locator(".leaflet-control-layers-overlays label").count() == 4
    assert page.locator(".ge-legend").count() == 1
    assert page.locator(".ge-time input[type=range]").count() == 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    page.close()


def test_report_text_is_shown_not_run(browser, map_server):
    blocked = []
    page, errors = open_map(browser, f"{map_server.url}/map", blocked)
    # One incident's summary is an XSS attempt: open popups until it shows.
    text = ""
    for candidate in page.locator(".leaflet-marker-pane .ge-icon").all():
        candidate.click()
        popup = page.locator(".leaflet-popup-content").last
        try:
            popup.wait_for(state="visible", timeout=5_000)
        except PlaywrightTimeoutError:
            # The click opened nothing (a marker re-drawn or panned away under it, seen
            # once in CI under load): the next marker; the assert below still needs the one.
            continue
        text = popup.inner_text()
        if "<script>" in text:
            break
        page.locator(".leaflet-popup-close-button").last.click()
        page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    assert "<script>" in text and "onerror" in text  # shown as text
    assert page.locator(".leaflet-popup-content img").count() == 0
    assert page.locator("body").get_attribute("data-xss") is None  # and never ran
    assert errors == []
    page.close()


def test_filters_are_part_of_the_url(browser, map_server):
    blocked = []
    page, _ = open_map(browser, f"{map_server.url}/map?category=movement", blocked)
    body = page.locator("body")
    assert body.get_attribute("data-geoevents-singles") == "0"
    assert body.get_attribute("data-geoevents-movements") == "2"
    snippet = page.locator(".ge-header textarea").input_value()
    assert "/map/embed?category=movement" in snippet and snippet.startswith("<iframe")
    page.close()


@pytest.fixture
def other_origin(map_server):
    """A page on another port that frames /map/embed (and, for contrast, /map)."""
    port = free_port()
    page = (
        f"<html><body><iframe id='embed' src='{map_server.url}/map/embed' width='800' "
        f"height='500'></iframe><iframe id='full' src='{map_server.url}/map' width='400' "
        "height='300'></iframe></body></html>"
    ).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def test_embed_works_in_an_iframe_of_another_origin(browser, other_origin):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(other_origin)
    embedded = page.frame_locator("#embed")
    embedded.locator(IDLE).wait_for(state="attached", timeout=30_000)
    assert embedded.locator(".leaflet-marker-pane > *").count() == 5
    assert embedded.locator(".ge-header").count() == 0  # no page chrome in the embed
    # /map itself may only be framed by its own origin.
    full = page.frame(url=lambda u: u.endswith("/map"))
    assert full is None or full.locator(".leaflet-container").count() == 0
    assert errors == []
    page.close()


def test_basemap_names_read_at_a_glance(browser, map_server):
    blocked = []
    page, errors = open_map(browser, f"{map_server.url}/map", blocked)
    labels = page.locator(".leaflet-labels-pane .ge-label")
    names = set(labels.all_inner_texts())
    # The regional view names countries, governorates and the largest cities...
    shown = {n.strip().casefold() for n in names}  # country names are set in capitals
    assert {"iraq", "syria", "diyala", "salah ad-din", "baghdad"} <= shown
    assert page.locator(".leaflet-labels-pane .ge-label-city").count() < 40
    regional = int(page.locator("body").get_attribute("data-geoevents-labels"))
    # ...and zooming in adds towns by size.
    page.evaluate("(name) => window[name].setView([33.75, 44.6], 10)", _map_name(page))
    page.wait_for_function(
        f"() => Number(document.body.dataset.geoeventsLabels) > {regional}", timeout=10_000
    )
    towns = set(page.locator(".leaflet-labels-pane .ge-label-city").all_inner_texts())
    assert "Baqubah" in {t.strip() for t in towns}
    # Names sit under the events: their pane is below the overlay and marker panes.
    z = page.evaluate(
        "() => ['labels', 'overlay', 'marker'].map(p => Number(getComputedStyle("
        "document.querySelector('.leaflet-' + p + '-pane')).zIndex))"
    )
    assert z[0] < z[1] < z[2]
    # Rivers are drawn in the basemap pane, under everything else.
    river_parts = page.evaluate(
        "(name) => Object.values(window[name]._layers).filter(l => l.options"
        " && l.options.pane === 'basemap' && l.options.color === '#5b9bd5')"
        ".map(l => l.getLatLngs().length).reduce((a, b) => a + b, 0)",
        _map_name(page),
    )
    assert river_parts > 50
    assert errors == [] and blocked == []
    page.close()


def test_lakes_are_drawn_under_the_events(browser, map_server):
    blocked = []
    page, errors = open_map(browser, f"{map_server.url}/map", blocked)
    # The lake layer: filled polygons in the basemap pane, one per lake.
    lakes = page.evaluate(
        "([name, colour]) => Object.values(window[name]._layers).filter(l => l.options"
        " && l.options.pane === 'basemap' && l.options.fillColor === colour && l.feature)"
        ".map(l => l.feature.properties.name)",
        [_map_name(page), LAKE_COLOUR],
    )
    assert {"Lake Tharthar", "Lake Habbaniyah", "Lake Dukan", "Lake Qattinah"} <= set(lakes)
    # Drawn in the regional view: Leaflet has projected Lake Tharthar's ring onto the canvas.
    parts = page.evaluate(
        "(name) => Object.values(window[name]._layers).filter(l => l.feature"
        " && l.feature.properties.name === 'Lake Tharthar').map(l => l._parts.length)",
        _map_name(page),
    )
    assert parts and parts[0] > 0
    z = page.evaluate(
        "() => ['basemap', 'overlay', 'marker'].map(p => Number(getComputedStyle("
        "document.querySelector('.leaflet-' + p + '-pane')).zIndex))"
    )
    assert z[0] < z[1] < z[2]
    assert errors == [] and blocked == []
    page.close()


def test_popup_links_say_what_they_open(browser, map_server):
    blocked = []
    page, _ = open_map(browser, f"{map_server.url}/map", blocked)
    texts = []
    for candidate in page.locator(".leaflet-marker-pane .ge-icon").all():
        candidate.click()
        content = page.locator(".leaflet-popup-content").last
        content.wait_for(state="visible")  # reading before the popup opens finds nothing
        texts.extend(content.locator("a").all_inner_texts())
        page.locator(".leaflet-popup-close-button").last.click()
        page.locator(".leaflet-popup").wait_for(state="detached")
    assert "report 12" in texts
    assert "article (news.example.org)" in texts
    assert "source" not in texts
    page.close()


def _map_name(page):
    return page.evaluate(
        "() => Object.keys(window).find(k => k.startsWith('map_') && window[k].getZoom)"
    )
