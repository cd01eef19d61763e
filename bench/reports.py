"""Synthetic short news reports (100-250 words) for the ingest benchmark.

    python -m bench.reports --count 10000 --out /tmp/reports.jsonl

Sentences are this project's own templates: an event sentence or two (clashes, roadside
bombs, air strikes, rocket attacks, arrests, protests, troop movements, agreements...) at
towns drawn from the shipped gazetteer (Iraqi and Syrian places of 5,000+ people), padded
with background, quotes and context so each report has 100-250 words. Every report's text is
distinct (the store de-duplicates by content), and the output is the same for the same seed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PLACES_CSV = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "places.csv"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen")

EVENTS = (
    "Clashes broke out between {force} and {armed} near {place} on {day}, leaving {n} fighters "
    "dead, {officials} said.",
    "A roadside bomb struck a {force} patrol on the road outside {place} on {day}, killing {n} "
    "soldiers and wounding several others.",
    "Warplanes carried out air strikes on positions held by {armed} east of {place} on {day}, "
    "the {command} said in a statement.",
    "Rockets landed near a military base in {place} on {day}; no casualties were reported, "
    "according to {officials}.",
    "A drone struck a vehicle on the outskirts of {place} on {day}, killing {n} people "
    "described by {officials} as members of {armed}.",
    "{force_cap} arrested {n} suspected members of {armed} during raids in {place} on {day}.",
    "Hundreds of residents protested in {place} on {day} against power cuts and unpaid "
    "salaries, blocking the main road for several hours.",
    "Gunmen kidnapped {n} aid workers travelling between {place} and {other} on {day}, "
    "{officials} said.",
    "A suicide bomber blew himself up at a checkpoint in {place} on {day}, killing {n} "
    "members of the {force}.",
    "{force_cap} deployed reinforcements to {place} on {day} after a week of attacks by "
    "{armed} in the surrounding villages.",
    "Gunmen attacked a police checkpoint in {place} on {day}, killing {n} officers before "
    "fleeing towards {other}.",
    "Mortar shells hit a market in {place} on {day}, wounding {n} civilians, medical sources said.",
)
BACKGROUND = (
    "The area has seen repeated violence since the start of the year, and residents say "
    "checkpoints on the main roads have slowed trade with neighbouring districts.",
    "Local officials have long complained that the security forces lack the vehicles and "
    "night-vision equipment needed to patrol the desert and the farmland along the river.",
    "Tribal leaders met the provincial governor last month to ask for more police stations "
    "in the outlying villages, where many families returned only recently.",
    "Humanitarian groups warn that thousands of displaced people still live in tents and "
    "unfinished buildings, dependent on food baskets that arrive irregularly.",
    "Analysts say the remaining cells operate in small groups, move at night and rely on "
    "smuggling routes that cross the valleys and the open steppe.",
    "Electricity shortages have fuelled anger across the region during the summer months, "
    "when temperatures often climb above fifty degrees.",
    "The local council said it had asked the central government for funds to rebuild the "
    "bridge and the water station damaged in earlier fighting.",
    "Farmers in the surrounding villages say they have stopped tending fields far from the "
    "road for fear of mines left behind by the war.",
    "Schools reopened in the district last autumn, but teachers say many pupils still miss "
    "classes to work with their families in the markets.",
    "A committee of officers was formed to investigate the incident and report within a "
    "week, the statement added.",
)
QUOTES = (
    '"We hear gunfire almost every night and nobody tells us what is happening," said one '
    "shopkeeper, who asked not to be named.",
    '"The situation is under control and our forces are pursuing the attackers," a '
    "spokesman told reporters at a press conference.",
    '"People are tired and want only security and jobs," said a teacher who has lived in '
    "the town all his life.",
    '"We have asked for more support many times, but the answer is always the same," a '
    "local official said by telephone.",
)
FORCES = ("Iraqi army", "federal police", "border guards", "counter-terrorism service")
ARMED = ("Islamic State militants", "unidentified gunmen", "an armed group", "insurgents")
OFFICIALS = ("security officials", "local officials", "police sources", "a military source")
COMMANDS = ("Joint Operations Command", "defence ministry", "provincial police command")


@dataclass(frozen=True, slots=True)
class Town:
    """A place the generator writes about."""

    name: str
    country: str


def towns(path: Path = PLACES_CSV, min_population: int = 5000) -> list[Town]:
    """Iraqi and Syrian towns and cities from the shipped gazetteer."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Town(row["name"], row["country"])
            for row in csv.DictReader(fh)
            if row["country"] in ("IQ", "SY")
            and row["kind"] in ("city", "town")
            and int(row["population"] or 0) >= min_population
            and row["name"].isascii()
        ]


def _fill(template: str, rng: random.Random, place: Town, other: Town, day: str) -> str:
    force = rng.choice(FORCES)
    return template.format(
        force=force,
        force_cap=("The " + force) if not force[0].isupper() else force,
        armed=rng.choice(ARMED),
        place=place.name,
        other=other.name,
        day=day,
        n=rng.choice(NUMBERS),
        officials=rng.choice(OFFICIALS),
        command=rng.choice(COMMANDS),
    )


def report(rng: random.Random, places: list[Town], serial: int) -> dict[str, str]:
    """One report object as `geoevents ingest` reads it from JSON lines."""
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000))
    place = rng.choice(places)
    nearby = [t for t in rng.sample(places, 8) if t.country == place.country] or [place]
    sentences = [
        _fill(rng.choice(EVENTS), rng, place, nearby[0], rng.choice(WEEKDAYS))
        for _ in range(rng.choice((1, 1, 2)))
    ]
    target = rng.randrange(90, 236)  # the closing line adds about 12 words
    pool = [*BACKGROUND, *QUOTES]
    rng.shuffle(pool)
    words = sum(len(s.split()) for s in sentences)
    for sentence in pool:
        length = len(sentence.split())
        if words >= target:
            break
        if words + length <= 236:
            sentences.append(sentence)
            words += length
    sentences.append(f"This is dispatch {serial} from the desk's correspondent in {place.name}.")
    return {
        "published": published.isoformat(),
        "title": f"Incident in {place.name}",
        "text": " ".join(sentences),
        "source": "bench",
    }


def generate(count: int, seed: int = 10) -> Iterator[dict[str, str]]:
    """``count`` distinct reports."""
    rng = random.Random(seed)
    places = towns()
    for serial in range(1, count + 1):
        yield report(rng, places, serial)


def write(count: int, out: Path, seed: int = 10) -> Path:
    """Write ``count`` reports to ``out`` as JSON lines."""
    with out.open("w", encoding="utf-8") as fh:
        for item in generate(count, seed):
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    """Write the file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--out", type=Path, default=Path("/tmp/geoevents-reports.jsonl"))
    args = parser.parse_args()
    write(args.count, args.out, args.seed)
    print(f"wrote {args.count:,} reports to {args.out}")


if __name__ == "__main__":
    main()
