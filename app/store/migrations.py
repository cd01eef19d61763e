"""Versioned schema migrations, the part both backends share: which scripts a store lacks.

Each backend keeps its list of scripts (``schema.MIGRATIONS``, ``postgis_schema.MIGRATIONS``)
and its own way of recording the version (SQLite's ``user_version``, PostGIS's
``geoevents_schema`` table); script N brings a store from version N-1 to N.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import StoreError


def pending(version: int, migrations: Sequence[str], where: str) -> list[tuple[int, str]]:
    """The ``(number, script)`` pairs a store at ``version`` still needs, in order.

    Raises:
        StoreError: the store's schema is newer than this release knows (an older release
            must not write to it).
    """
    if version > len(migrations):
        raise StoreError(
            log_message=f"{where} has schema {version}, newer than this release ({len(migrations)})"
        )
    return list(enumerate(migrations[version:], start=version + 1))
