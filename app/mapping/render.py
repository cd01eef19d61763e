"""The map page (pure: options in, HTML out). Folium draws the frame: basemap, governorate
layers, empty event layers in a layer control, legend. The browser then fills the event layers
from the API (static/geoevents-map.js), so the page stays small whatever the store holds."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from app.extraction.event_types import TYPES
from app.mapping.assets import OfflineMap

#: Colour and Font Awesome icon of each event type (legend and markers agree).
TYPE_STYLE: dict[str, dict[str, str]] = {
    "troop_deployment": {"colour": "#1f5fbf", "icon": "flag"},
    "troop_withdrawal": {"colour": "#6a8fd0", "icon": "person-walking-arrow-right"},
    "troop_movement": {"colour": "#0b3d91", "icon": "truck-moving"},
    "armed_clash": {"colour": "#c0392b", "icon": "crosshairs"},
    "attack": {"colour": "#e74c3c", "icon": "person-rifle"},
    "ied_explosion": {"colour": "#d35400", "icon": "bomb"},
    "airstrike": {"colour": "#8e44ad", "icon": "jet-fighter"},
    "drone_or_rocket_attack": {"colour": "#9b59b6", "icon": "rocket"},
    "suicide_bombing": {"colour": "#7b241c", "icon": "burst"},
    "arrest": {"colour": "#16a085", "icon": "handcuffs"},
    "prisoner_release": {"colour": "#1abc9c", "icon": "door-open"},
    "kidnapping": {"colour": "#117a65", "icon": "user-slash"},
    "protest": {"colour": "#f1c40f", "icon": "bullhorn"},
    "riot": {"colour": "#f39c12", "icon": "fire"},
    "agreement": {"colour": "#27ae60", "icon": "handshake"},
    "insurgent_activity": {"colour": "#7f8c8d", "icon": "eye"},
    "other": {"colour": "#95a5a6", "icon": "circle-info"},
}
CATEGORY_COLOUR = {
    "security_incident": "#c0392b",
    "development": "#d4a017",
    "movement": "#0b3d91",
    "choropleth": "#8e1b1b",
    "imprecise": "#e67e22",
}
CENTRE, ZOOM = (34.8, 41.8), 6
#: Lakes: a water blue a shade lighter than the rivers, so both read as water.
LAKE_COLOUR = "#9cc3e4"


#: Every HTML page links the service's own icon (no 404 for /favicon.ico in the console).
FAVICON_LINK = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'


@dataclass(frozen=True)
class MapOptions:
    """Everything the page depends on."""

    query: str  # the page's own query string: the same filters as /events
    governorates: dict[str, Any]  # GeoJSON FeatureCollection (code, name)
    countries: dict[str, Any]  # GeoJSON FeatureCollection of outlines
    dates: tuple[dt.date, dt.date] | None = None  # range of the time control
    embed: bool = False
    tiles: str | None = None
    tiles_attribution: str = ""
    embed_url: str = ""
    labels: tuple[tuple[str, float, float, int, str], ...] = ()  # app.mapping.labels
    rivers: dict[str, Any] | None = None  # GeoJSON river lines (app.mapping.outlines.rivers)
    lakes: dict[str, Any] | None = None  # GeoJSON lake polygons (app.mapping.outlines.lakes)
    live: bool = False  # follow the event stream (?live=1)


class _Script(MacroElement):
    """A script emitted after the map and its layers exist."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeoeventsScript"
        self.code = code


def _legend_html() -> str:
    groups = {
        "movement": "Troop movements",
        "security_incident": "Security incidents",
        "development": "Developments",
    }
    rows = []
    for category, title in groups.items():
        rows.append(f"<b>{title}</b>")
        for spec in TYPES:
            if spec.category == category:
                style = TYPE_STYLE[spec.name]
                rows.append(
                    f"<i class='swatch' style='background:{style['colour']}'></i>"
                    f"<i class='fa-solid fa-{style['icon']}'></i> {spec.label}"
                )
    rows.append(
        f"<i class='swatch' style='background:{CATEGORY_COLOUR['imprecise']}'></i>"
        "placed only to a governorate"
    )
    return "<br>".join(rows)


def _legend_script(map_name: str) -> str:
    content = json.dumps(_legend_html())
    return (
        f"(function(){{var c=L.control({{position:'bottomright'}});"
        f"c.onAdd=function(){{var d=L.DomUtil.create('div','ge-legend leaflet-bar');"
        f"d.innerHTML={content};L.DomEvent.disableScrollPropagation(d);return d;}};"
        f"c.addTo({map_name});}})();"
    )


def _land(fill: float) -> Any:
    return lambda _feature: {
        "color": "#9a9a9a",
        "weight": 1,
        "fillColor": "#f3f0e8",
        "fillOpacity": fill,
    }


def _style(colour: str, weight: float, fill: float) -> Any:
    return lambda _feature: {
        "color": colour,
        "weight": weight,
        "fillColor": colour,
        "fillOpacity": fill,
    }


def render_map(options: MapOptions) -> str:
    """The map page as HTML."""
    # folium hands max_zoom/min_zoom to its tile layer only; with no tiles the map itself
    # needs them (marker clustering refuses a map without maxZoom), so they go as options.
    m = OfflineMap(
        location=CENTRE,
        zoom_start=ZOOM,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        maxZoom=18,
        minZoom=3,
    )
    if options.tiles:
        folium.TileLayer(
            tiles=options.tiles,
            attr=options.tiles_attribution or "tiles",
            name="Tiles",
            max_zoom=18,
        ).add_to(m)
    # The basemap drawn from the gazetteer's outlines: there even with no tiles at all. Its
    # panes sit under Leaflet's overlay pane (400) and marker pane (600), so outlines and
    # names never cover an event.
    folium.map.CustomPane("basemap", z_index=250, pointer_events=False).add_to(m)
    folium.map.CustomPane("labels", z_index=350, pointer_events=False).add_to(m)
    folium.GeoJson(
        options.countries,
        name="Countries",
        control=False,
        style_function=_land(0.9 if not options.tiles else 0.1),
        interactive=False,
        pane="basemap",
    ).add_to(m)
    folium.GeoJson(
        options.governorates,
        name="Governorates",
        control=False,
        style_function=_style("#b0a99f", 0.6, 0),
        interactive=False,
        pane="basemap",
    ).add_to(m)
    if options.lakes and options.lakes["features"]:
        folium.GeoJson(
            options.lakes,
            name="Lakes",
            control=False,
            style_function=_style(LAKE_COLOUR, 0.8, 0.85),
            interactive=False,
            pane="basemap",
        ).add_to(m)
    if options.rivers and options.rivers["features"]:
        folium.GeoJson(
            options.rivers,
            name="Rivers",
            control=False,
            style_function=_style("#5b9bd5", 1.2, 0),
            interactive=False,
            pane="basemap",
        ).add_to(m)
    choropleth = folium.GeoJson(
        options.governorates,
        name="Events per governorate",
        show=False,
        style_function=_style("#8e1b1b", 0, 0),
    )
    choropleth.add_to(m)
    imprecise = folium.GeoJson(
        options.governorates,
        name="Governorate-level events (approximate)",
        style_function=_style(CATEGORY_COLOUR["imprecise"], 0, 0),
    )
    imprecise.add_to(m)
    movements = folium.FeatureGroup(name="Troop movements").add_to(m)
    incidents = folium.FeatureGroup(name="Security incidents and developments").add_to(m)
    folium.LayerControl(collapsed=options.embed).add_to(m)
    config = {
        "map": m.get_name(),
        "incidents": incidents.get_name(),
        "movements": movements.get_name(),
        "choropleth": choropleth.get_name(),
        "imprecise": imprecise.get_name(),
        "api": "",
        "query": options.query,
        "types": TYPE_STYLE,
        "categories": CATEGORY_COLOUR,
        "dates": [d.isoformat() for d in options.dates] if options.dates else None,
        "labels": options.labels,
        "live": options.live,
    }
    m.add_child(_Script(_legend_script(m.get_name())))
    m.add_child(_Script(f"GeoeventsMap.start({json.dumps(config)});"))
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(Element(FAVICON_LINK))
    if not options.embed:
        root.html.add_child(Element(_header(options, m.get_name())), index=0)
    return str(root.render())


def _header(options: MapOptions, map_name: str) -> str:
    snippet = (
        f'<iframe src="{options.embed_url}" width="800" height="600" '
        'style="border:0" loading="lazy" title="geoevents map"></iframe>'
    )
    return (
        f"<style>#{map_name}{{position:absolute;top:40px;bottom:0;height:auto;}}</style>"
        "<div class='ge-header'><b>geoevents</b> &middot; events from news reports, "
        "<a href='/docs'>API</a> &middot; <a href='/events?"
        f"{html.escape(options.query)}'>these events as GeoJSON</a>"
        "<details><summary>Embed this map</summary>"
        f"<textarea readonly>{html.escape(snippet)}</textarea></details></div>"
    )
