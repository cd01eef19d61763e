"""A looser key for names transliterated from Arabic, Kurdish and Turkish: the "variant key".

Reporters write one Arabic name many ways: Deir ez-Zor, Dayr az Zawr, Deir Ezzor; Tell Tamer,
Tal Tamr; Kafr Nabl, Kfar Nabl; Qamishli, Kamışlı. The normalised key
(:func:`app.gazetteer.normalize.normalize`) keeps those apart; this key folds them together:

1. letters of Turkish and Kurdish Latin script are spelled out (ş -> sh, x -> kh), then the
   name is normalised (case, diacritics, separate articles, Arabic letter variants);
2. per word, the rules of ``data/transliteration.csv`` apply in file order: whole words
   (Kefr/Kafr/Kfar, Tell/Tal/Til, Deir/Dayr/Dair), endings (-iya/-iyah/-iye, -a/-ah/-eh),
   digraphs (kh/h, dh/th/z, q/k/g), diphthongs (ei/ai/ay, aw/ou/u);
3. a joined article goes ("Alqaim", "Ezzor", "Assafira": al-, el-, and a vowel before a
   doubled sun letter);
4. the words are joined without spaces ("Tilkaif" = "Tel Kaif"), every run of vowels becomes
   one "a", doubled letters become one, and a final "h" after a vowel goes.

Arabic-script names take steps 1 and 4 only (the letters are already folded by the
normaliser; hamza on the line is dropped there). The key is only ever compared with other
variant keys of places in Iraq and Syria; in report text only word by word
(:func:`variant_words`) and for names of several words, so it cannot turn an English word
into a place.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.errors import GazetteerError
from app.gazetteer.normalize import normalize, parse_query

_WHERE = frozenset({"anywhere", "word", "end", "before-consonant", "end-after-consonant"})
_VOWELS = "aeiou"
_JOINED_ARTICLE = re.compile(r"^(?:al|el)(?=[b-df-hj-np-tv-z])(?=.{3})")
_SUN_LETTER = re.compile(r"^[aeiu]l?([tdrzsnl])\1(?=.{2})")
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=a)h$")
_LATIN_WORD = re.compile(r"^[a-z0-9]+$")


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of data/transliteration.csv."""

    step: str
    where: str
    variants: tuple[str, ...]
    folds_to: str
    pattern: re.Pattern[str]


def rules_path() -> Path:
    """data/transliteration.csv, inside the wheel or in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (
        package / "_data" / "transliteration.csv",
        package.parent / "data" / "transliteration.csv",
    ):
        if candidate.exists():
            return candidate
    raise GazetteerError(log_message=f"no transliteration.csv under {package}/_data or data")


def _compile(where: str, variants: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    consonant = f"[^{_VOWELS}]"
    return re.compile(
        {
            "anywhere": f"(?:{alternatives})",
            "word": f"^(?:{alternatives})$",
            "end": f"(?<=.)(?:{alternatives})$",
            "before-consonant": f"(?:{alternatives})(?={consonant}|$)",
            "end-after-consonant": f"(?<={consonant})(?:{alternatives})$",
        }[where]
    )


def read_rules(path: Path) -> tuple[Rule, ...]:
    """Parse the rules file; a malformed row is a :class:`GazetteerError` naming its line."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(log_message=f"cannot read {path}: {exc}") from exc
    rules = []
    for line, row in enumerate(rows, start=2):
        where, variants = (
            row.get("where") or "",
            tuple(v for v in (row.get("variants") or "").split("|") if v),
        )
        if where not in _WHERE or not variants or not row.get("step"):
            raise GazetteerError(log_message=f"{path} line {line}: bad rule {row}")
        folds_to = row.get("folds_to") or ""
        rules.append(Rule(row["step"], where, variants, folds_to, _compile(where, variants)))
    return tuple(rules)


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, str], re.Pattern[str], tuple[Rule, ...]]:
    """Letter rules as one pattern and a table (they never feed each other), then the rest."""
    rules = read_rules(rules_path())
    letters = {v: r.folds_to for r in rules if r.step == "letter" for v in r.variants}
    pattern = re.compile("|".join(re.escape(v) for v in sorted(letters, key=len, reverse=True)))
    return letters, pattern, tuple(r for r in rules if r.step != "letter")


def _spell_out(name: str) -> str:
    letters, pattern, _ = _rules()
    return pattern.sub(lambda m: letters[m.group()], name.lower())


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    if not _LATIN_WORD.match(word):
        return word  # Arabic script: the normaliser has folded its letters already
    *_, rules = _rules()
    word = _SUN_LETTER.sub(r"\1", _JOINED_ARTICLE.sub("", word))
    for rule in rules:
        word = rule.pattern.sub(rule.folds_to, word)
    return word


def has_spelled_letters(name: str) -> bool:
    """Does the name carry a letter the ``letter`` rules spell out (ş, ç, ğ, x)?"""
    letters, pattern, _ = _rules()
    return pattern.search(name.lower()) is not None


@lru_cache(maxsize=65536)
def variant_of_key(key: str) -> str:
    """The variant key of a normalised key (words already split, articles dropped)."""
    joined = "".join(_fold_word(word) for word in key.split())
    if not joined.isascii():
        return joined
    return _FINAL_H.sub("", _DOUBLED.sub(r"\1", _VOWEL_RUN.sub("a", joined)))


def variant_words(key: str) -> str:
    """The variant key word by word, spaces kept: stricter, for names found in running text
    ("Abu Shawka" and "Bashiqa" share a variant key, not their words)."""
    return " ".join(variant_of_key(word) for word in key.split())


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """The variant key of a name as written: "Deir ez-Zor" and "Dayr az Zawr" share one."""
    return variant_of_key(normalize(_spell_out(name)))


@lru_cache(maxsize=65536)
def variant_query_key(name: str) -> str:
    """The variant key of a query with its kind words split off ("Tell Tamer district")."""
    return variant_of_key(parse_query(_spell_out(name)).key)
