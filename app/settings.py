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

    def resolved_user_dir(self) -> Path:
        """The user gazetteer directory, defaulted under the home directory."""
        return (
            self.gazetteer_user_dir or Path.home() / ".local" / "share" / "geoevents" / "gazetteer"
        )


class ExtractionSettings(BaseSettings):
    """The actor dictionary and extraction limits."""

    model_config = _CONFIG
    extra_actors: Path | None = Field(
        None, description="A CSV of actors (name, kind, country, aliases) added to the shipped one"
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
    default_page_size: int = Field(100, ge=1)
    max_page_size: int = Field(10_000, ge=1)

    @field_validator("api_keys", mode="before")
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


class Settings(BaseModel):
    """All settings, grouped by concern."""

    store: StoreSettings = Field(default_factory=StoreSettings)
    gazetteer: GazetteerSettings = Field(default_factory=GazetteerSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    map: MapSettings = Field(default_factory=MapSettings)

    @classmethod
    def from_env(cls, env_file: str | None = ".env") -> Settings:
        """Read every group from the environment (and ``env_file`` unless None)."""
        return cls(
            store=StoreSettings(_env_file=env_file),
            gazetteer=GazetteerSettings(_env_file=env_file),
            api=ApiSettings(_env_file=env_file),
            extraction=ExtractionSettings(_env_file=env_file),
            map=MapSettings(_env_file=env_file),
        )
