"""One-off correction of the training corpus to PLOVER's SUPPORT category (kept for the record).

PLOVER's SUPPORT covers diplomatic cooperation as CAMEO's 05 did: signing formal agreements
and establishing, restoring or upgrading diplomatic relations. The first corpus guidelines
put signing under AGREE and diplomatic relations under COOPERATE; this moves those rows.
    python3 tools/relabel_corpus.py training/corpus/*.jsonl
"""
from __future__ import annotations

import json
import re
import sys

SIGNING = re.compile(r"^(signed|signing|inked|sealed|initialled|initialed|signature|sign|co-signed|countersigned)\b", re.I)
RELATIONS = re.compile(r"(diplomatic (ties|relations)|ambassador|embass)", re.I)
RESTORING = re.compile(r"(restor|establish|upgrad|resum|reopen|normali|exchang)", re.I)


def corrected(row: dict) -> dict:
    trigger = row.get("trigger") or ""
    if row["event"] == "AGREE" and row["modality"] == "actual" and SIGNING.search(trigger):
        return dict(row, event="SUPPORT", mode=None)
    if row["event"] == "COOPERATE" and (RELATIONS.search(trigger) or (RELATIONS.search(row["text"]) and RESTORING.search(trigger))):
        return dict(row, event="SUPPORT", mode=None)
    return row


def main(paths: list[str]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        fixed = [corrected(r) for r in rows]
        changed = sum(a != b for a, b in zip(rows, fixed))
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in fixed)
        print(f"{path}: {changed} rows moved to SUPPORT")


if __name__ == "__main__":
    main(sys.argv[1:])
