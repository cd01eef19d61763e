"""Check (or redo) the blind corpus's dev/test split: dev when sha256(id) is even.

Reports with ids starting ``dx-``, ``dy-``, ``dz-``, ``dw-``, ``dv-``, ``du-``, ``dt-``, ``ds-``,
``dr-``, ``dq-``, ``dp-``, ``do-``, ``dn-``, ``dm-``, ``dl-``, ``dk-``, ``dj-``, ``di-``, ``dh-``,
``dg-``, ``df-``, ``de-``, ``dd-``, ``dc-``, ``db-``, ``da-``, ``cz-``, ``cy-``, ``cx-``,
``cw-``, ``cv-``, ``cu-``, ``ct-``, ``cs-``, ``cr-``, ``cq-``, ``cp-``, ``co-``, ``cn-``,
``cm-``, ``cl-``, ``ck-``, ``cj-``, ``ci-``, ``ch-``, ``cg-``, ``cf-`` or ``ce-`` were written
after the split was frozen, by writers who never saw the code either, to give tuning more unseen
text: they are dev, all of them, so the frozen test split never changes.

python tools/split_blind_corpus.py          # exits 1 if a record sits in the wrong split
python tools/split_blind_corpus.py --write  # re-split dev.jsonl + test.jsonl in place
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

BLIND = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "blind"
DEV_ONLY_PREFIXES = (
    *("dx-", "dy-", "dz-", "dw-", "dv-", "du-", "dt-", "ds-"),
    *("dr-", "dq-", "dp-", "do-", "dn-", "dm-"),
    *("dl-", "dk-", "dj-", "di-", "dh-", "dg-"),
    *("df-", "de-", "dd-", "dc-", "db-", "da-"),
    *("cz-", "cy-", "cx-", "cw-"),
    *("cv-", "cu-", "ct-", "cs-"),
    *("cr-", "cq-", "cp-", "co-", "cn-", "cm-"),
    *("cl-", "ck-", "cj-", "ci-"),
    *("ch-", "cg-", "cf-", "ce-"),
)


def split_of(report_id: str) -> str:
    """The split a report belongs to, from its id alone."""
    if report_id.startswith(DEV_ONLY_PREFIXES):
        return "dev"
    return "dev" if int(hashlib.sha256(report_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def main() -> int:
    """Verify the split, or rewrite both files when --write is given."""
    lines: dict[str, list[str]] = {"dev": [], "test": []}
    wrong = []
    for name in ("dev", "test"):
        for line in (BLIND / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                rid = json.loads(line)["id"]
                lines[split_of(rid)].append(line)
                if split_of(rid) != name:
                    wrong.append(rid)
    if "--write" in sys.argv:
        for name, rows in lines.items():
            (BLIND / f"{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"dev {len(lines['dev'])}, test {len(lines['test'])}")
        return 0
    if wrong:
        print(f"in the wrong split: {', '.join(wrong)}")
        return 1
    print(f"split ok: dev {len(lines['dev'])}, test {len(lines['test'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
