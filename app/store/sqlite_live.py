"""Live state in the SQLite store: the statements of app/store/live_state.py on sqlite3."""

from __future__ import annotations

from app.store.live_state import LiveState


class SQLiteLiveState(LiveState):
    """Feeds, subscriptions, deliveries and leases on the SQLite store's connections."""
