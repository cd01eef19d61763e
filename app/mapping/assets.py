"""Every browser asset of the map, served by the app itself (no CDN: analysts work offline)."""

from __future__ import annotations

import folium

STATIC = "/static"
VENDOR = f"{STATIC}/vendor"

#: Replaces folium's CDN lists (folium.Map.default_js / default_css). The map uses Leaflet,
#: its marker clustering and ant-path plugins, and Font Awesome icons; nothing else.
JS = [
    ("leaflet", f"{VENDOR}/leaflet/leaflet.js"),
    ("markercluster", f"{VENDOR}/leaflet.markercluster/leaflet.markercluster.js"),
    ("antpath", f"{VENDOR}/leaflet-ant-path/leaflet-ant-path.js"),
    ("geoevents", f"{STATIC}/geoevents-map.js"),
]
CSS = [
    ("leaflet_css", f"{VENDOR}/leaflet/leaflet.css"),
    ("markercluster_css", f"{VENDOR}/leaflet.markercluster/MarkerCluster.css"),
    ("markercluster_default_css", f"{VENDOR}/leaflet.markercluster/MarkerCluster.Default.css"),
    ("fontawesome_css", f"{VENDOR}/fontawesome-free/css/all.min.css"),
    ("geoevents_css", f"{STATIC}/geoevents-map.css"),
]


class OfflineMap(folium.Map):
    """A folium Map whose page loads every script and style from this service."""

    default_js = JS
    default_css = CSS
