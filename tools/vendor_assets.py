"""Vendor the map's JavaScript, CSS and fonts from pinned npm packages into app/static/vendor.

Run with ``make assets``; the output is committed, so the map works with no network at all.
Each tarball is checked against its sha256; every file kept is listed with its package,
version and licence in app/static/vendor/LICENSES.md, next to the packages' licence texts.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "npm"
OUT = ROOT / "app" / "static" / "vendor"


@dataclass(frozen=True)
class Package:
    """One pinned npm package and the files we take from it."""

    spec: str
    tarball: str
    sha256: str
    licence: str
    files: tuple[str, ...]  # paths inside package/, directories end with "/"
    licence_file: str


PACKAGES = (
    Package(
        "leaflet@1.9.3",
        "leaflet-1.9.3.tgz",
        "10d016716b56048661eaf9cde004dc82e80bd3613b52c4f53cf5aec73088006c",
        "BSD-2-Clause",
        ("dist/leaflet.js", "dist/leaflet.css", "dist/images/"),
        "LICENSE",
    ),
    Package(
        "leaflet.markercluster@1.1.0",
        "leaflet.markercluster-1.1.0.tgz",
        "47219016d91e524b329a0fb2365961bf8228109bb58e370ad0b1ab6299288b91",
        "MIT",
        (
            "dist/leaflet.markercluster.js",
            "dist/MarkerCluster.css",
            "dist/MarkerCluster.Default.css",
        ),
        "MIT-LICENCE.txt",
    ),
    Package(
        "leaflet-ant-path@1.1.2",
        "leaflet-ant-path-1.1.2.tgz",
        "927421a77ebf602b0decc93af5bba354e151e789311db5d84ca3f2badb98f106",
        "MIT",
        ("dist/leaflet-ant-path.js",),
        "LICENSE",
    ),
    Package(
        "@fortawesome/fontawesome-free@6.2.0",
        "fortawesome-fontawesome-free-6.2.0.tgz",
        "627ba11e9f2923be8f4c3f8688b9b4f17d787ce02691f32837893f53e8276c2a",
        "Font Awesome Free: icons CC BY 4.0, fonts SIL OFL 1.1, code MIT",
        (
            "css/all.min.css",
            "webfonts/fa-solid-900.woff2",
            "webfonts/fa-solid-900.ttf",
            "webfonts/fa-regular-400.woff2",
            "webfonts/fa-regular-400.ttf",
        ),
        "LICENSE.txt",
    ),
)
_REMOTE = re.compile(rb"url\(\s*['\"]?(?:https?:)?//|@import\s+['\"]?(?:https?:)?//")


def fetch(package: Package) -> Path:
    """The package tarball from the npm registry (once), checked against its sha256."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / package.tarball
    if not path.exists():
        subprocess.run(
            ["npm", "pack", "--quiet", "--pack-destination", str(CACHE), package.spec], check=True
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != package.sha256:
        path.unlink()
        raise SystemExit(f"{package.tarball}: sha256 {digest} != pinned {package.sha256}")
    return path


def name_of(package: Package) -> str:
    """Directory name under vendor/ (the package name without scope or version)."""
    return package.spec.rsplit("@", 1)[0].split("/")[-1]


def vendor() -> None:
    """Extract the files and write LICENSES.md; refuse any CSS that points off-site."""
    lines = [
        "# Vendored browser assets",
        "",
        "Taken unchanged from pinned npm packages by `make assets` (`tools/vendor_assets.py`).",
        "",
        "| package | licence | files |",
        "|---|---|---|",
    ]
    for package in PACKAGES:
        target = OUT / name_of(package)
        kept = []
        with tarfile.open(fetch(package)) as tar:
            for member in tar.getmembers():
                inner = member.name.removeprefix("package/")
                wanted = any(
                    inner == f or (f.endswith("/") and inner.startswith(f)) for f in package.files
                )
                if not member.isfile() or not (wanted or inner == package.licence_file):
                    continue
                data = tar.extractfile(member).read()  # type: ignore[union-attr]
                if inner.endswith(".css") and _REMOTE.search(data):
                    raise SystemExit(f"{package.spec}/{inner} loads something off-site")
                dest = target / inner.removeprefix("dist/")
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
                kept.append(inner)
        lines.append(
            f"| {package.spec} | {package.licence} | "
            f"{', '.join(sorted(k for k in kept if k != package.licence_file))} |"
        )
    (OUT / "LICENSES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(vendor())
