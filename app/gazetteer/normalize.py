"""Name normalisation shared by the gazetteer build, the index and text matching.

A name and every spelling of it should collapse to one key: "Al-Qāmishlī", "Qamishli" and
"al Qamishli" all become ``qamishli``; "K-1" and "K1" become ``k1``; Arabic letter variants
(alef forms, taa marbuta, alef maqsura, Persian/Kurdish kaf and yeh) are folded. Kind words
("province", "air base", "camp", "Mount") are split off as a cue, not kept in the key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Bump when the rules change: built data stores keys made with this version.
NORMALIZER_VERSION = 6

# Arabic-script folding: alef variants -> bare alef, taa marbuta -> haa, alef maqsura -> yaa,
# hamza seats -> their letter, hamza on the line dropped ("كربلاء" = "كربلا"), Persian and
# Kurdish (Sorani) letters -> their Arabic counterparts, Arabic-Indic digits -> ASCII;
# tatweel and zero-width marks vanish.
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ة": "ه",
        "ە": "ه",
        "ھ": "ه",
        "ۀ": "ه",
        "ى": "ي",
        "ی": "ي",
        "ێ": "ي",
        "ې": "ي",
        "ک": "ك",
        "ڪ": "ك",
        "گ": "ك",
        "ؤ": "و",
        "ۆ": "و",
        "ۇ": "و",
        "ئ": "ي",
        "ء": None,
        "ڕ": "ر",
        "ڵ": "ل",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        "ـ": None,
        "\u200c": None,
        "\u200d": None,
        "\u200f": None,
        "\u200e": None,
    }
)
# Latin letters that NFKD does not decompose.
_LATIN_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ə": "e",
        "ʻ": "",
        "ʼ": "",
        "ʾ": "",
        "ʿ": "",
        "‘": "",
        "’": "",
        "'": "",
        "`": "",
        "´": "",
        "ʹ": "",
        "′": "",
    }
)
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_NON_WORD = re.compile(r"[^\w]+")
_LETTER_DIGIT = re.compile(r"\b([a-z]) (\d)")

#: Transliterated Arabic articles, dropped wherever they stand as a token.
ARTICLES = frozenset("al el il ul ad ed ar er as es ash esh at et az ez adh ath an en the".split())
_ARABIC_ARTICLE = re.compile(r"(?:^| )ال(?=\S{2,})")
# Words of Arabic text carry their conjunction and preposition: "والموصل" (and Mosul),
# "بالرقة" (in Raqqa), "للحسكة" (to Hasakah). Only the forms with the article are split: a
# bare "و" or "ب" also begins names (واسط, Wasit; بعقوبة, Baqubah).
_ARABIC_PROCLITICS = re.compile(r"^(?:([وف]?[بك]?)ال|([وف]?ل)ل)(?=\w{2,})")

#: Kind words, longest first, mapped to the kind family they cue.
#: Families: admin1 (governorate), admin2 (district), site, mountain, water.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("military air base", "site"),
    ("military airport", "site"),
    ("military airfield", "site"),
    ("military airbase", "site"),
    ("military base", "site"),
    ("air force base", "site"),
    ("air base", "site"),
    ("airbase", "site"),
    ("airfield", "site"),
    ("international airport", "site"),
    ("airport", "site"),
    ("air station", "site"),
    ("base", "site"),
    ("garrison", "site"),
    ("outpost", "site"),
    ("refugee camp", "site"),
    ("displacement camp", "site"),
    ("idp camp", "site"),
    ("detention camp", "site"),
    ("camp", "site"),
    ("central prison", "site"),
    ("central jail", "site"),
    ("prison", "site"),
    ("jail", "site"),
    ("square", "site"),
    ("shrine", "site"),
    ("gas field", "site"),
    ("oil field", "site"),
    ("oilfield", "site"),
    ("gasfield", "site"),
    ("field", "site"),
    ("refinery", "site"),
    ("border crossing", "site"),
    ("crossing point", "site"),
    ("border gate", "site"),
    ("crossing", "site"),
    ("dam", "site"),
    ("barrage", "site"),
    ("bridge", "site"),
    ("governorate", "admin1"),
    ("province", "admin1"),
    ("provincial", "admin1"),
    ("district", "admin2"),
    ("subdistrict", "admin2"),
    ("sub district", "admin2"),
    ("qada", "admin2"),
    ("mountains", "mountain"),
    ("mountain", "mountain"),
    ("mount", "mountain"),
    ("mt", "mountain"),
    ("range", "mountain"),
    ("river", "water"),
    ("lake", "water"),
)
# Kind words by their last word, in KIND_WORDS order (longest first), so that a key is only
# compared with the kind words it could end with.
_KIND_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _word, _family in KIND_WORDS:
    _KIND_BY_LAST.setdefault(_word.rsplit(" ", 1)[-1], []).append((_word, _family))
#: Kind words before the name, English and Arabic or Kurdish in Latin letters ("Jabal Sinjar",
#: "Sadd Haditha" for Haditha Dam, "Matar Baghdad", "Buhayrat al-Tharthar", "Çiyayê Şengalê").
_PREFIX_KIND_WORDS = {
    "mount": "mountain",
    "mt": "mountain",
    "jabal": "mountain",
    "jebel": "mountain",
    "djebel": "mountain",
    "ciyaye": "mountain",
    "ciyay": "mountain",
    "chiyay": "mountain",
    "lake": "water",
    "buhayrat": "water",
    "buhayra": "water",
    "bahirat": "water",
    "nahr": "water",
    "camp": "site",
    "mukhayyam": "site",
    "sadd": "site",
    "matar": "site",
}


def fold(text: str) -> str:
    """Lower-case, strip diacritics, fold Arabic letter variants; keep spaces and punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC_FOLD)
    text = _ARABIC_DIACRITICS.sub("", text)
    # casefold() maps Cherokee small letters to capitals; lower() brings them back down.
    decomposed = unicodedata.normalize("NFKD", text.casefold().lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).translate(_LATIN_FOLD)


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Return the lookup key of a place name (articles, punctuation and case removed)."""
    text = _NON_WORD.sub(" ", fold(name)).replace("_", " ")
    text = _ARABIC_ARTICLE.sub(" ", " " + text)
    tokens = [t for t in text.split() if t not in ARTICLES]
    key = " ".join(tokens)
    return _LETTER_DIGIT.sub(r"\1\2", key)


def split_arabic_word(word: str) -> tuple[int, str]:
    """(characters of conjunction and preposition before the name, the name's key) of one
    word of Arabic text: "وبالموصل" -> (2, "موصل"); a word without them -> (0, its key)."""
    folded = fold(word)
    match = _ARABIC_PROCLITICS.match(folded)
    if match is None:
        return 0, folded
    if match.group(2) is not None:  # "لل": the preposition ate the article's alef
        return len(match.group(2)) + 1, folded[match.end() :]
    return len(match.group(1)), folded[match.end() :]


@dataclass(frozen=True, slots=True)
class NameQuery:
    """A normalised query: its key and the kind family its kind words cue, if any."""

    key: str
    kind_cue: str | None


@lru_cache(maxsize=65536)
def parse_query(name: str) -> NameQuery:
    """Split kind words off a name: "Kirkuk Governorate" -> (kirkuk, admin1)."""
    key = normalize(name)
    cue: str | None = None
    for word, family in _KIND_BY_LAST.get(key.rsplit(" ", 1)[-1], ()):
        if key.endswith(" " + word):
            key, cue = key[: -len(word) - 1].rstrip(), family
            break
    else:
        head, _, rest = key.partition(" ")
        if rest and head in _PREFIX_KIND_WORDS:
            key, cue = rest, _PREFIX_KIND_WORDS[head]
    return NameQuery(key=key, kind_cue=cue)
