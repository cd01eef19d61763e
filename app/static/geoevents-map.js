/* geoevents map: loads the events a view needs from the API and draws them.
 * The page holds no events of its own: on every move it asks /events/clusters for point
 * events grouped by the server (lone events come whole, for their popups) and /events for
 * troop movements, then shades governorates from the counts that come back.
 * Every text from a report is escaped before it reaches the page. */
(function () {
  "use strict";

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(value) {
    return String(value === null || value === undefined ? "" : value).replace(/[&<>"']/g,
      function (c) { return ESCAPES[c]; });
  }
  function label(type) { return esc(String(type).replace(/_/g, " ")); }

  function popup(feature, cfg) {
    var p = feature.properties || {};
    var loc = p.location || {};
    var when = p.date === p.date_end ? p.date : p.date + " to " + p.date_end;
    var actors = (p.actors || []).map(function (a) {
      return esc(a.name) + " <small>(" + esc(a.role) + ")</small>";
    }).join(", ");
    var sentence = (p.evidence || []).filter(function (e) { return e.field === "sentence"; })[0];
    var rows = [
      "<b>" + label(p.event_type) + "</b> <small>" + esc(p.category) + "</small>",
      "<b>When:</b> " + esc(when) + " <small>(" + esc(p.date_precision) + ")</small>",
      actors ? "<b>Actors:</b> " + actors : "",
      "<b>Where:</b> " + esc(loc.name) + " <small>" + esc(loc.admin1 || loc.country || "") +
        ", precision " + esc(p.geo_precision) + "</small>",
      p.origin ? "<b>From:</b> " + esc(p.origin.name) : "",
      p.fatalities !== null && p.fatalities !== undefined ? "<b>Fatalities:</b> " +
        esc(p.fatalities) : "",
      p.strength ? "<b>Strength:</b> " + esc(p.strength.text) : "",
      "<p>" + esc(p.summary) + "</p>",
      sentence ? "<blockquote class='ge-evidence'>" + esc(sentence.text) + "</blockquote>" : "",
      (p.sources || []).map(sourceLink(cfg)).join(" ") + " <a href='" + esc(cfg.api + "/events/" + feature.id) +
        "' target='_blank'>event " + esc(feature.id) + "</a>"
    ];
    return "<div class='ge-popup'>" + rows.filter(Boolean).join("<br>") + "</div>";
  }

  /* A source link named for what it opens: "report 12" for a stored report, "article
     (host)" for a web page. */
  function sourceLink(cfg) {
    return function (s) {
      var report = /^\/reports\/(\d+)$/.exec(s);
      if (report) {
        return "<a href='" + esc(cfg.api + s) + "' target='_blank'>report " + esc(report[1]) +
          "</a>";
      }
      var web = /^https?:\/\/([^\/?#]+)/i.exec(s);
      if (web) {
        return "<a href='" + esc(s) + "' target='_blank' rel='noopener noreferrer'>article (" +
          esc(web[1]) + ")</a>";
      }
      return "<span>" + esc(s) + "</span>";
    };
  }

  /* Basemap names: each label shows from its own zoom on, in a pane under the events. */
  function drawLabels(map, cfg) {
    var group = L.layerGroup().addTo(map);
    var markers = (cfg.labels || []).map(function (l) {
      return { zoom: l[3], marker: L.marker([l[1], l[2]], {
        pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "ge-label ge-label-" + l[4], html: "<span>" + esc(l[0]) + "</span>",
          iconSize: null })
      }) };
    });
    function show() {
      var z = map.getZoom(), shown = 0;
      markers.forEach(function (m) {
        var want = z >= m.zoom;
        if (want && !group.hasLayer(m.marker)) { group.addLayer(m.marker); }
        if (!want && group.hasLayer(m.marker)) { group.removeLayer(m.marker); }
        if (want) { shown += 1; }
      });
      document.body.dataset.geoeventsLabels = shown;
    }
    map.on("zoomend", show);
    show();
  }

  function icon(type, cfg) {
    var style = cfg.types[type] || cfg.types.other;
    return L.divIcon({
      className: "ge-icon",
      html: "<span style='background:" + style.colour + "'><i class='fa-solid fa-" +
        style.icon + "'></i></span>",
      iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10]
    });
  }

  function clusterIcon(c, cfg) {
    var size = Math.round(22 + Math.min(26, 6 * Math.log10(c.count)));
    var colour = c.development > c.security_incident ? cfg.categories.development :
      cfg.categories.security_incident;
    return L.divIcon({
      className: "ge-cluster",
      html: "<span style='width:" + size + "px;height:" + size + "px;line-height:" + size +
        "px;background:" + colour + "'>" + c.count + "</span>",
      iconSize: [size, size], iconAnchor: [size / 2, size / 2]
    });
  }

  function shade(layer, counts, colour) {
    var max = 0;
    Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
    layer.eachLayer(function (l) {
      var n = counts[l.feature.properties.code] || 0;
      var share = max ? n / max : 0;
      l.setStyle({ fillColor: colour, fillOpacity: n ? 0.15 + 0.55 * share : 0,
                   weight: n ? 1 : 0, color: colour });
      l.bindTooltip(esc(l.feature.properties.name) + ": " + n + " events", { sticky: true });
    });
  }

  function query(cfg, extra) {
    var params = new URLSearchParams(cfg.query);
    if (cfg.range.start) { params.set("start", cfg.range.start); }
    if (cfg.range.end) { params.set("end", cfg.range.end); }
    Object.keys(extra).forEach(function (k) { params.set(k, extra[k]); });
    return params.toString();
  }

  function view(map) {
    var b = map.getBounds();
    function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
            clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map(function (v) { return v.toFixed(4); }).join(",");
  }

  function timeControl(map, cfg, reload) {
    if (!cfg.dates) { return; }
    var first = new Date(cfg.dates[0]), last = new Date(cfg.dates[1]);
    var days = Math.max(1, Math.round((last - first) / 86400000));
    function day(offset) {
      return new Date(first.getTime() + offset * 86400000).toISOString().slice(0, 10);
    }
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "ge-time leaflet-bar");
      div.innerHTML = "<b>Dates</b> <span class='ge-from'></span> to <span class='ge-to'></span>" +
        "<br><input class='ge-start' type='range' min='0' max='" + days + "' value='0'>" +
        "<input class='ge-end' type='range' min='0' max='" + days + "' value='" + days + "'>";
      L.DomEvent.disableClickPropagation(div);
      var start = div.querySelector(".ge-start"), end = div.querySelector(".ge-end");
      function show() {
        div.querySelector(".ge-from").textContent = day(Math.min(start.value, end.value));
        div.querySelector(".ge-to").textContent = day(Math.max(start.value, end.value));
      }
      function change() {
        show();
        cfg.range.start = day(Math.min(start.value, end.value));
        cfg.range.end = day(Math.max(start.value, end.value));
        reload();
      }
      start.addEventListener("input", show);
      end.addEventListener("input", show);
      start.addEventListener("change", change);
      end.addEventListener("change", change);
      show();
      return div;
    };
    control.addTo(map);
  }

  /* "Idle" once a view's data is drawn: body[data-geoevents-idle="true"], for tests and
   * benchmarks (a selector needs no script evaluation, which the page's CSP forbids). */
  function idle(done) { document.body.dataset.geoeventsIdle = done ? "true" : "false"; }

  function start(cfg) {
    var map = window[cfg.map];
    var incidents = window[cfg.incidents];
    var movements = window[cfg.movements];
    var choropleth = window[cfg.choropleth];
    var imprecise = window[cfg.imprecise];
    var lone = L.markerClusterGroup ? L.markerClusterGroup({ maxClusterRadius: 30,
      spiderfyOnMaxZoom: true, showCoverageOnHover: false }) : L.layerGroup();
    incidents.addLayer(lone);
    var generation = 0;
    cfg.range = { start: null, end: null };

    function drawClusters(body) {
      lone.clearLayers();
      incidents.eachLayer(function (l) { if (l !== lone) { incidents.removeLayer(l); } });
      body.clusters.forEach(function (c) {
        var marker = L.marker([c.lat, c.lon], { icon: clusterIcon(c, cfg) });
        marker.on("click", function () { map.setView([c.lat, c.lon], map.getZoom() + 2); });
        incidents.addLayer(marker);
      });
      var markers = body.singles.map(function (f) {
        var ll = f.geometry.coordinates;
        return L.marker([ll[1], ll[0]], { icon: icon(f.properties.event_type, cfg) })
          .bindPopup(popup(f, cfg), { maxWidth: 360 });
      });
      if (lone.addLayers) { lone.addLayers(markers); } else { markers.forEach(lone.addLayer, lone); }
      shade(choropleth, body.by_admin1, cfg.categories.choropleth);
      shade(imprecise, body.imprecise_by_admin1, cfg.categories.imprecise);
    }

    function drawMovements(body) {
      movements.clearLayers();
      body.features.forEach(function (f) {
        var p = f.properties;
        var people = p.strength && p.strength.personnel ? p.strength.personnel.high : 0;
        var weight = 2 + Math.min(6, Math.log10(1 + people) * 2);
        var colour = cfg.types[p.event_type].colour;
        var layer;
        if (f.geometry.type === "LineString") {
          var line = f.geometry.coordinates.map(function (c) { return [c[1], c[0]]; });
          layer = L.polyline.antPath ? L.polyline.antPath(line, { weight: weight, color: colour,
            pulseColor: "#ffffff", delay: 1200, dashArray: [12, 24], opacity: 0.8 }) :
            L.polyline(line, { weight: weight, color: colour });
          var end = line[line.length - 1];
          movements.addLayer(L.circleMarker(end, { radius: 5, color: "#ffffff", weight: 1,
            fillColor: colour, fillOpacity: 1 }).bindPopup(popup(f, cfg), { maxWidth: 360 }));
        } else {
          /* A deployment with no origin: a canvas dot, cheap however many there are. */
          var c = f.geometry.coordinates;
          layer = L.circleMarker([c[1], c[0]], { radius: 6, color: "#ffffff", weight: 1,
            fillColor: colour, fillOpacity: 0.9 });
        }
        movements.addLayer(layer.bindPopup(popup(f, cfg), { maxWidth: 360 }));
      });
    }

    function load() {
      var mine = ++generation;
      idle(false);
      var v = view(map);
      fetch(cfg.api + "/events/clusters?" + query(cfg, { view: v, zoom: map.getZoom() }))
        .then(function (r) { return r.json(); }).then(function (body) {
        if (mine !== generation) { return; }
        var bodies = [body, { features: body.movements || [] }];
        drawClusters(bodies[0]);
        if (bodies[1].features) { drawMovements(bodies[1]); }
        var data = document.body.dataset;  /* what was drawn, for tests and benchmarks */
        data.geoeventsClusters = bodies[0].clusters.length;
        data.geoeventsSingles = bodies[0].singles.length;
        data.geoeventsMovements = (bodies[1].features || []).length;
        window.requestAnimationFrame(function () {
          if (mine === generation) { idle(true); }
        });
      }).catch(function (error) {
        document.body.dataset.geoeventsError = String(error);
        idle(true);
      });
    }

    var timer = null;
    map.on("moveend", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 150);
    });
    timeControl(map, cfg, load);
    drawLabels(map, cfg);
    load();
    if (cfg.live) { follow(map, cfg, lone, movements); }
  }

  /* Live: new events arrive over the stream (SSE), or over the change feed when the stream
     is down, and appear without a reload, highlighted for a few seconds. */
  function follow(map, cfg, lone, movements) {
    var added = 0, last = null, shown = {}, polling = null;
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "ge-live leaflet-bar");
      div.innerHTML = "<span class='ge-live-dot'></span> Live &middot; <b class='ge-live-count'>0</b>" +
        " new since opened";
      return div;
    };
    control.addTo(map);
    var counter = document.querySelector(".ge-live-count");
    function filters() {
      var params = new URLSearchParams(cfg.query);
      ["live", "cursor", "limit", "sort"].forEach(function (k) { params.delete(k); });
      return params;
    }
    function upsert(feature) {
      var old = shown[feature.id];
      if (old) { old.remove(); } else { added += 1; }
      var g = feature.geometry, layer;
      if (!g) { return; }
      if (g.type === "LineString") {
        var line = g.coordinates.map(function (c) { return [c[1], c[0]]; });
        layer = L.polyline(line, { weight: 4, color: cfg.types[feature.properties.event_type].colour });
        movements.addLayer(layer);
      } else {
        layer = L.marker([g.coordinates[1], g.coordinates[0]],
          { icon: icon(feature.properties.event_type, cfg) });
        lone.addLayer(layer);
        var el = layer.getElement && layer.getElement();
        if (el) {
          el.classList.add("ge-new");
          window.setTimeout(function () { el.classList.remove("ge-new"); }, 6000);
        }
      }
      layer.bindPopup(popup(feature, cfg), { maxWidth: 360 });
      shown[feature.id] = layer;
      counter.textContent = added;
      document.body.dataset.geoeventsLive = added;
    }
    function drop(id) {
      if (shown[id]) { shown[id].remove(); delete shown[id]; }
    }
    function poll() {
      if (last === null) { return; }
      var params = filters();
      params.set("after", last);
      fetch(cfg.api + "/events/changes?" + params.toString())
        .then(function (r) { return r.json(); }).then(function (body) {
          body.changes.forEach(function (c) {
            if (c.op === "upsert") { upsert(c.feature); } else { drop(c.id); }
          });
          last = body.last_seq;
        }).catch(function () { /* try again on the next tick */ });
    }
    var source = new EventSource(cfg.api + "/events/stream?" + filters().toString());
    source.addEventListener("event", function (m) {
      last = Number(m.lastEventId);
      upsert(JSON.parse(m.data));
    });
    source.addEventListener("delete", function (m) {
      last = Number(m.lastEventId);
      drop(m.data);
    });
    source.onopen = function () {
      document.body.dataset.geoeventsStream = "open";
      if (polling) { window.clearInterval(polling); polling = null; }
    };
    source.onerror = function () {
      document.body.dataset.geoeventsStream = "down";
      if (!polling) { polling = window.setInterval(poll, 5000); }
    };
  }

  window.GeoeventsMap = { start: start, escape: esc };
})();
