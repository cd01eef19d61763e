"""ACLED's codes and ours, both ways: event types, actor types, dates, countries, names.

The meanings follow ACLED's codebook and its 2023 column guide (``event_id_cnty``,
``time_precision``, ``disorder_type``, ``inter1``/``inter2``/``interaction``,
``civilian_targeting``, numeric ``iso``, ``region``); the tables are small on purpose and
README.md ("CSV columns") lists them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import iso3166

from app.events import ActorKind, DatePrecision, EventType, latest_date
from app.extraction.event_types import BY_NAME

if TYPE_CHECKING:
    from app.gazetteer.geocoder import Gazetteer

_SD, _ERV, _BAT, _VAC = (
    "Strategic developments",
    "Explosions/Remote violence",
    "Battles",
    "Violence against civilians",
)
#: Our crosswalk for ``other`` (not an extraction type, so not in ``TYPES``).
OTHER_PAIR = (_SD, "Other")

#: ACLED's sub-event types -> ours (the codebook's 25 sub-event types; ACLED spells the
#: protest one both "protesters" and "protestors").
FROM_SUB_EVENT: dict[tuple[str, str], EventType] = {
    (_BAT, "Armed clash"): "armed_clash",
    (_BAT, "Government regains territory"): "armed_clash",
    (_BAT, "Non-state actor overtakes territory"): "armed_clash",
    (_ERV, "Chemical weapon"): "drone_or_rocket_attack",
    (_ERV, "Air/drone strike"): "airstrike",
    (_ERV, "Suicide bomb"): "suicide_bombing",
    (_ERV, "Shelling/artillery/missile attack"): "drone_or_rocket_attack",
    (_ERV, "Remote explosive/landmine/IED"): "ied_explosion",
    (_ERV, "Grenade"): "attack",
    (_VAC, "Sexual violence"): "attack",
    (_VAC, "Attack"): "attack",
    (_VAC, "Abduction/forced disappearance"): "kidnapping",
    ("Protests", "Peaceful protest"): "protest",
    ("Protests", "Protest with intervention"): "protest",
    ("Protests", "Excessive force against protesters"): "protest",
    ("Protests", "Excessive force against protestors"): "protest",
    ("Riots", "Violent demonstration"): "riot",
    ("Riots", "Mob violence"): "riot",
    (_SD, "Agreement"): "agreement",
    (_SD, "Arrests"): "arrest",
    (_SD, "Change to group/activity"): "other",
    (_SD, "Disrupted weapons use"): "other",
    (_SD, "Headquarters or base established"): "troop_deployment",
    (_SD, "Looting/property destruction"): "other",
    (_SD, "Non-violent transfer of territory"): "other",
    (_SD, "Other"): "other",
}
#: An ACLED event type with a sub-event type this table does not know.
FROM_EVENT_TYPE: dict[str, EventType] = {
    _BAT: "armed_clash",
    _ERV: "drone_or_rocket_attack",
    _VAC: "attack",
    "Protests": "protest",
    "Riots": "riot",
    _SD: "other",
}
_EVENT_TYPE_KEYS = {key.casefold(): key for key in FROM_EVENT_TYPE}
_SUB_EVENT_KEYS = {(a.casefold(), b.casefold()): t for (a, b), t in FROM_SUB_EVENT.items()}

#: ACLED's actor type codes (inter1/inter2): 1 state forces, 2 rebel groups, 3 political
#: militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
#: forces. Governments are state actors; companies and international bodies are "other".
INTER_CODE: dict[ActorKind, int] = {
    "state_forces": 1,
    "government": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
    "company": 8,
    "international_org": 8,
    "other": 8,
}
#: ACLED's code -> the kind an actor of an ACLED row gets.
KIND_OF_INTER: dict[int, ActorKind] = {
    1: "state_forces",
    2: "rebel_group",
    3: "political_militia",
    4: "identity_militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external_forces",
}
#: ACLED's "region" for the countries of the Middle East; other countries' regions are left
#: empty (ACLED's regional tables are not shipped here).
MIDDLE_EAST = frozenset(
    "BH CY IQ IR IL JO KW LB OM PS QA SA SY TR AE YE".split()  # noqa: SIM905
)
TIME_PRECISION: dict[DatePrecision, int] = {"day": 1, "week": 2, "month": 3, "year": 3}


def acled_pair(event_type: EventType) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) for one of our types (the extraction's default)."""
    spec = BY_NAME.get(event_type)
    return spec.acled if spec is not None else OTHER_PAIR


def type_from_acled(event_type: str, sub_event_type: str) -> EventType | None:
    """Our event type for ACLED's pair; None when the event type is not ACLED's."""
    key = (event_type.strip().casefold(), sub_event_type.strip().casefold())
    found = _SUB_EVENT_KEYS.get(key)
    if found is not None:
        return found
    name = _EVENT_TYPE_KEYS.get(key[0])
    return FROM_EVENT_TYPE[name] if name is not None else None


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type: political violence, demonstrations or strategic developments.

    Excessive force against protesters and mob violence are both (ACLED's 2023 guide).
    """
    sub = sub_event_type.casefold()
    if sub.startswith("excessive force against protest") or sub == "mob violence":
        return "Political violence; Demonstrations"
    if event_type in (_BAT, _ERV, _VAC):
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return _SD if event_type == _SD else ""


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two codes, lowest first (13), or the sole actor's code x 10."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


def interval(start: dt.date, precision: int) -> tuple[dt.date, dt.date, DatePrecision]:
    """An ACLED row's date and time precision -> our interval and precision.

    2 (a week or a range, ACLED codes its middle day): three days either side; 3 (a month):
    the whole month of the date. Neither runs past tomorrow (:func:`capped`).
    """
    if precision == 2:
        first = start - dt.timedelta(days=3)
        return first, capped(first, start + dt.timedelta(days=3)), "week"
    if precision == 3:
        first = start.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, capped(first, following - dt.timedelta(days=1)), "month"
    return start, start, "day"


def capped(start: dt.date, end: dt.date) -> dt.date:
    """An interval's end, cut at tomorrow (UTC) when the interval has begun by then: a week
    or month not over yet ends at the latest plausible date."""
    latest = latest_date()
    return min(end, latest) if start <= latest else end


_ACLED_DATE = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$")
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],  # fmt: skip
        start=1,
    )
    for name in names
}


def parse_date(text: str) -> dt.date | None:
    """ISO 8601 (2024-03-15) or ACLED's written form (15 March 2024, 15-Mar-2024)."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        pass
    found = _ACLED_DATE.match(text)
    month = _MONTHS.get(found.group(2).casefold()) if found else None
    if found is None or month is None:
        return None
    try:
        return dt.date(int(found.group(3)), month, int(found.group(1)))
    except ValueError:
        return None


def iso3(country: str | None) -> str:
    """ISO 3166-1 alpha-3 of an alpha-2 code ("IQ" -> "IRQ"); empty when unknown."""
    found = iso3166.countries_by_alpha2.get(country or "")
    return found.alpha3 if found else ""


def iso_numeric(country: str | None) -> int | None:
    """ISO 3166-1 numeric code (368 Iraq, 760 Syria), as ACLED's ``iso`` column."""
    found = iso3166.countries_by_alpha2.get(country or "")
    return int(found.numeric) if found else None


@functools.lru_cache(maxsize=4)
def admin_names(gazetteer: Gazetteer) -> AdminNames:
    """:meth:`AdminNames.from_gazetteer`, once per gazetteer."""
    return AdminNames.from_gazetteer(gazetteer)


@dataclass(frozen=True)
class AdminNames:
    """Names ACLED writes where we keep codes: countries (IQ -> Iraq) and governorates
    (IQ-KI -> Kirkuk), from the gazetteer."""

    countries: Mapping[str, str] = field(default_factory=dict)
    admin1: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_gazetteer(cls, gazetteer: Gazetteer) -> AdminNames:
        """The gazetteer's country places and governorate polygons."""
        countries = {p.country: p.name for p in gazetteer.places if p.kind == "country"}
        admin1 = {r.code: r.name for r in gazetteer.data.regions if r.kind == "admin1"}
        return cls(countries, admin1)

    def country(self, code: str | None) -> str:
        """The country's name (ISO 3166's when the gazetteer has none); empty when None."""
        if not code:
            return ""
        found = iso3166.countries_by_alpha2.get(code)
        return self.countries.get(code) or (found.apolitical_name if found else code)


#: Short names ACLED (and the gazetteer) use where ISO 3166's official name differs.
_COMMON_NAMES = {
    "syria": "SY",
    "iran": "IR",
    "turkey": "TR",
    "turkiye": "TR",
    "türkiye": "TR",
    "russia": "RU",
    "palestine": "PS",
    "united states": "US",
    "united kingdom": "GB",
}


def country_code(text: str) -> str | None:
    """An alpha-2 code from a country name or an alpha-2/alpha-3 code; None when unknown."""
    text = text.strip()
    if not text:
        return None
    upper = text.upper()
    found = iso3166.countries_by_alpha2.get(upper) or iso3166.countries_by_alpha3.get(upper)
    if found is None:
        found = iso3166.countries_by_name.get(upper) or iso3166.countries_by_apolitical_name.get(
            upper
        )
    return found.alpha2 if found else _COMMON_NAMES.get(text.casefold())
