"""Copy in (or check) the blind spellings list split in two: dev when sha256(spelling) is even.

python tools/split_blind_spellings.py                    # exits 1 if a row sits in the wrong split
python tools/split_blind_spellings.py --from FILE.csv    # split FILE into dev.csv + test.csv

The split depends on the spelling alone, so it is fixed before any result is seen; the gazetteer
is tuned on dev misses only, and test is scored once at the end.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from pathlib import Path

BLIND = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "spellings_blind"
SPLITS = ("dev", "test")


def split_of(spelling: str) -> str:
    """The split a spelling belongs to, from its text alone."""
    digest = hashlib.sha256(spelling.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "test"


def _rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def write(source: Path) -> dict[str, int]:
    """Split ``source`` into dev.csv and test.csv (rows in their original order)."""
    header, rows = _rows(source.read_text(encoding="utf-8"))
    if "spelling" not in header:
        raise SystemExit(f"{source}: no 'spelling' column")
    counts = {}
    for name in SPLITS:
        mine = [r for r in rows if split_of(r["spelling"]) == name]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(mine)
        (BLIND / f"{name}.csv").write_text(out.getvalue(), encoding="utf-8")
        counts[name] = len(mine)
    return counts


def check() -> list[str]:
    """Rows in the wrong split, and spellings found in both."""
    wrong, seen = [], {}
    for name in SPLITS:
        _header, rows = _rows((BLIND / f"{name}.csv").read_text(encoding="utf-8"))
        for row in rows:
            if split_of(row["spelling"]) != name:
                wrong.append(f"{row['spelling']!r} in {name}")
            seen.setdefault(row["spelling"], set()).add(name)
    return wrong + [f"{s!r} in both" for s, names in seen.items() if len(names) > 1]


def main(argv: list[str]) -> int:
    """Split when --from FILE is given, else check the split."""
    if argv[:1] == ["--from"] and len(argv) == 2:
        counts = write(Path(argv[1]))
        print(f"dev {counts['dev']}, test {counts['test']}")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    wrong = check()
    if wrong:
        print("\n".join(wrong))
        return 1
    print("split ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
