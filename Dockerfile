# geoevents: the API; the embedded SQLite store lives in the /data volume, or the PostGIS
# backend (the postgis extra is installed) when GEOEVENTS_DATABASE_URL=postgresql://...
# The same steps as the README's `make run`: uv installs the locked dependencies, then
# `geoevents serve` runs uvicorn on the app factory with JSON logs. The gazetteer, the actor dictionary and the map's vendored
# assets are part of the image: nothing is fetched at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON_DOWNLOADS=never \
    PATH=/opt/venv/bin:$PATH \
    GEOEVENTS_DATABASE_URL=sqlite:////data/geoevents.db \
    GEOEVENTS_CACHE_DIR=/opt/geoevents-cache

WORKDIR /srv/geoevents
RUN pip install --no-cache-dir "uv==0.13.8"
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --extra postgis --no-install-project --compile-bytecode
COPY app ./app
COPY data/gazetteer ./data/gazetteer
COPY data/actors.csv ./data/actors.csv
COPY data/lexicon ./data/lexicon
COPY data/calibration.json ./data/calibration.json
COPY data/sentence_model ./data/sentence_model
COPY data/transliteration.csv ./data/transliteration.csv
RUN uv sync --locked --no-dev --extra postgis --compile-bytecode \
    && python -m compileall -q app \
    && python -m app.startup \
    && useradd --system --uid 10001 --home-dir /srv/geoevents geoevents \
    && mkdir -p /data \
    && chown geoevents /data

USER 10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["geoevents", "serve", "--host", "0.0.0.0", "--port", "8000"]
