import pytest
from pydantic import ValidationError

from app.settings import ApiSettings, Settings, StoreSettings


def test_environment_prefix_and_key_list(monkeypatch):
    monkeypatch.setenv("GEOEVENTS_DATABASE_URL", "sqlite:////tmp/x.db")
    monkeypatch.setenv("GEOEVENTS_API_KEYS", "k1, k2 ,,")
    settings = Settings.from_env(env_file=None)
    assert settings.store.database_url == "sqlite:////tmp/x.db"
    assert settings.api.api_keys == ["k1", "k2"]


def test_env_file_is_read(tmp_path, monkeypatch):
    monkeypatch.delenv("GEOEVENTS_DATABASE_URL", raising=False)
    env = tmp_path / ".env"
    env.write_text("GEOEVENTS_DATABASE_URL=sqlite:///from-env-file.db\n")
    assert Settings.from_env(env_file=str(env)).store.database_url.endswith("from-env-file.db")


def test_defaults(monkeypatch):
    for name in ("GEOEVENTS_DATABASE_URL", "GEOEVENTS_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_env(env_file=None)
    assert settings.store.database_url == "sqlite:///./geoevents.db"
    assert settings.api.api_keys == []


def test_page_sizes_are_checked():
    with pytest.raises(ValidationError, match="default_page_size"):
        ApiSettings(_env_file=None, default_page_size=500, max_page_size=100)


def test_placeholder_keys_refused_in_prod():
    with pytest.raises(ValidationError, match="placeholder"):
        ApiSettings(_env_file=None, environment="prod", api_keys=["changeme"])


def test_unknown_database_scheme_refused():
    with pytest.raises(ValidationError, match="database_url"):
        StoreSettings(_env_file=None, database_url="mysql://x")
