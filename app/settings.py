"""Settings from the environment (prefix ``GEOEVENTS_``) and ``.env``, one class per concern."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_CONFIG = SettingsConfigDict(env_prefix="GEOEVENTS_", env_file=".env", extra="ignore")


class StoreSettings(BaseSettings):
    """Where events are kept."""

    model_config = _CONFIG
    database_url: str = Field(
        "sqlite:///./geoevents.db",
        description="sqlite:///PATH for the embedded store, postgresql://user@host:port/db for "
        "PostGIS (the postgis extra).",
    )

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql://", "postgres://")):
            raise ValueError("database_url must start with sqlite:// or postgresql://")
        return value

    sqlite_cache_mib: int = Field(
        16,
        ge=1,
        le=4096,
        description="Page cache of each SQLite connection in MiB; a server worker keeps one "
        "connection per thread (GEOEVENTS_WORKER_THREADS), so this times the threads bounds "
        "what its caches can hold as the database grows",
    )


class GazetteerSettings(BaseSettings):
    """Where the gazetteer is read from."""

    model_config = _CONFIG
    gazetteer_dir: Path | None = Field(
        None, description="Directory with places.csv/regions.geojson; default: the shipped one."
    )
    gazetteer_user_dir: Path | None = Field(
        None,
        description="Extra places imported by `geoevents gazetteer import-geonames`; "
        "default: ~/.local/share/geoevents/gazetteer.",
    )

    cache_dir: Path | None = Field(
        None,
        description="Where start-up keeps the built gazetteer index and automaton; "
        "default: $XDG_CACHE_HOME/geoevents or ~/.cache/geoevents.",
    )
    startup_cache: bool = Field(
        True, description="Read the built gazetteer from the cache (false: build it every start)."
    )

    def resolved_user_dir(self) -> Path:
        """The user gazetteer directory, defaulted under the home directory."""
        return (
            self.gazetteer_user_dir or Path.home() / ".local" / "share" / "geoevents" / "gazetteer"
        )

    def resolved_cache_dir(self) -> Path | None:
        """The build cache's directory; None when the cache is switched off."""
        if not self.startup_cache:
            return None
        from app.build_cache import default_cache_dir

        return self.cache_dir or default_cache_dir()


class ExtractionSettings(BaseSettings):
    """The actor dictionary, the lexicons and extraction limits."""

    model_config = _CONFIG
    extra_actors: Path | None = Field(
        None, description="A CSV of actors (name, kind, country, aliases) added to the shipped one"
    )
    extra_triggers: Path | None = Field(
        None, description="A CSV of event-type triggers (event_type, pattern, note) added"
    )
    extra_demonyms: Path | None = Field(
        None, description="A CSV of owner words (word, country, forces, ...) added"
    )
    extra_cues: Path | None = Field(None, description="A CSV of cue words (cue, pattern) added")
    extra_lexicon_dir: Path | None = Field(
        None,
        description="A folder of lexicon CSVs named as the shipped ones in data/lexicon "
        "(leaders.csv, campaigns.csv, ...), each read after its shipped namesake",
    )
    learned: bool = Field(
        True,
        description="Read sentences with the learned classifier beside the rules "
        "(data/sentence_model; about 5-10% more extraction CPU)",
    )

    def extra_actor_files(self) -> list[Path]:
        """The user's additions to the shipped actor dictionary."""
        return [self.extra_actors] if self.extra_actors else []


class ApiSettings(BaseSettings):
    """HTTP behaviour: keys, limits, environment."""

    model_config = _CONFIG
    environment: Literal["dev", "prod"] = "dev"
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Comma-separated keys; when set, writes need one."
    )
    read_requires_key: bool = False
    max_text_chars: int = Field(200_000, ge=1_000)
    max_body_bytes: int = Field(
        2 * 1024 * 1024,
        ge=16_384,
        description="Largest request body (413 beyond); room for max_text_chars of escaped text",
    )
    max_batch_body_bytes: int = Field(
        16 * 1024 * 1024,
        ge=16_384,
        description="Largest body of POST /reports/batch (413 beyond): 1,000 reports of up to "
        "about 16 KB of text each; split larger batches",
    )
    max_json_depth: int = Field(
        16, ge=4, le=256, description="Deepest nesting of objects and arrays in a JSON body"
    )
    max_query_chars: int = Field(4096, ge=256, description="Longest query string (414 beyond)")
    worker_threads: int = Field(
        8,
        ge=1,
        le=256,
        description="Threads per worker process for blocking work (store, extraction); each "
        "keeps its own SQLite connection and page cache, so this bounds a worker's memory",
    )
    default_page_size: int = Field(100, ge=1)
    max_page_size: int = Field(10_000, ge=1)
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins whose pages may call the API from a browser",
    )

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [k.strip() for k in value.split(",") if k.strip()]
        return value

    @model_validator(mode="after")
    def _check(self) -> ApiSettings:
        if self.default_page_size > self.max_page_size:
            raise ValueError("default_page_size must not exceed max_page_size")
        if self.environment == "prod" and any(
            k in {"changeme", "secret", ""} for k in self.api_keys
        ):
            raise ValueError("placeholder API key refused outside dev")
        if self.read_requires_key and not self.api_keys:
            raise ValueError("read_requires_key needs GEOEVENTS_API_KEYS")
        return self


class LimitSettings(BaseSettings):
    """Rate limits, counted in the database so that every worker shares them (0: no limit)."""

    model_config = _CONFIG
    rate_window_seconds: int = Field(60, ge=1, description="Length of a counting window")
    write_limit_per_key: int = Field(600, ge=0, description="Writes per window per API key")
    write_limit_per_ip: int = Field(600, ge=0, description="Writes per window per client address")
    read_limit_per_key: int = Field(
        1200, ge=0, description="Expensive reads (queries, exports, map, extraction) per key"
    )
    read_limit_per_ip: int = Field(
        1200, ge=0, description="Expensive reads per window per client address"
    )


class LogSettings(BaseSettings):
    """Logs: one JSON object per line (or plain text for a terminal)."""

    model_config = _CONFIG
    log_format: Literal["json", "text"] = "json"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class MapSettings(BaseSettings):
    """The map page."""

    model_config = _CONFIG
    tiles: str | None = Field(
        None,
        description="XYZ tile URL (an internal tile server); none: outlines only, no "
        "request leaves the service",
    )
    tiles_attribution: str = ""
    frame_ancestors: str = Field(
        "*", description="Origins allowed to embed /map/embed (CSP frame-ancestors)"
    )


class LiveSettings(BaseSettings):
    """Feeds, the change notifier and webhooks."""

    model_config = _CONFIG
    live_runner: bool = Field(
        True, description="Poll feeds and deliver webhooks in this process (one worker at a time)"
    )
    live_interval_seconds: float = Field(1.0, gt=0, le=60, description="Runner round period")
    live_notify_seconds: float = Field(
        0.5, gt=0, le=10, description="How often stream clients' workers look for new changes"
    )
    http_timeout_seconds: float = Field(10.0, gt=0, le=120, description="Feeds and webhooks")
    outbound_allow_private: bool = Field(
        False,
        description="Let feeds, article links and webhooks reach private, loopback and "
        "link-local addresses (feeds or receivers on your own network)",
    )
    webhook_backoff_seconds: Annotated[list[float], NoDecode] = Field(
        default_factory=lambda: [60.0, 300.0, 600.0, 1200.0, 1800.0],
        description="Waits after each failed delivery (comma-separated); then it fails",
    )

    @field_validator("webhook_backoff_seconds", mode="before")
    @classmethod
    def _split_backoff(cls, value: object) -> object:
        if isinstance(value, str):
            return [float(v) for v in value.split(",") if v.strip()]
        return value


class Settings(BaseModel):
    """All settings, grouped by concern."""

    store: StoreSettings = Field(default_factory=StoreSettings)
    gazetteer: GazetteerSettings = Field(default_factory=GazetteerSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    map: MapSettings = Field(default_factory=MapSettings)
    live: LiveSettings = Field(default_factory=LiveSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    logs: LogSettings = Field(default_factory=LogSettings)

    @classmethod
    def from_env(cls, env_file: str | None = ".env") -> Settings:
        """Read every group from the environment (and ``env_file`` unless None)."""
        return cls(
            store=StoreSettings(_env_file=env_file),
            gazetteer=GazetteerSettings(_env_file=env_file),
            api=ApiSettings(_env_file=env_file),
            extraction=ExtractionSettings(_env_file=env_file),
            map=MapSettings(_env_file=env_file),
            live=LiveSettings(_env_file=env_file),
            limits=LimitSettings(_env_file=env_file),
            logs=LogSettings(_env_file=env_file),
        )
