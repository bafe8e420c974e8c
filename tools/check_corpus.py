"""Check a training-corpus file line by line: fields, types, spans present in the text.

Usage: python tools/check_corpus.py training/corpus/*.jsonl
Prints one line per problem (file:line: what) and a per-type count; exits 1 on problems.
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # runs with any python3, installed or not
from polybius.records import EVENT_TYPES, MODALITIES  # noqa: E402

TYPES = set(EVENT_TYPES)
SECTORS = {None, "GOV", "MIL", "CVL", "BUS", "SOC", "REL", "CRM", "JRN", "REB", "COP", "ELI", "LEG", "LAB",
           "JUD", "EDU", "MED", "AGR", "SPY", "REF", "OPP", "UAF", "PTY", "PRM", "IGO", "NGO", "MNC"}
FIELDS = ("id", "date", "text", "event", "mode", "modality", "trigger", "source", "target")


def problems_of(row: dict) -> list[str]:
    found = [f"missing field {f!r}" for f in FIELDS if f not in row]
    if found:
        return found
    text = row["text"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(row["date"])):
        found.append("date is not YYYY-MM-DD")
    if row["event"] is None:
        if row["trigger"] or row["source"] or row["target"] or row["modality"]:
            found.append("a negative (event null) has trigger/source/target/modality")
        return found
    if row["event"] not in TYPES:
        found.append(f"event {row['event']!r} is not a PLOVER type")
    if row["modality"] not in MODALITIES:
        found.append(f"modality {row['modality']!r} not in {list(MODALITIES)}")
    if not row["trigger"] or row["trigger"] not in text:
        found.append(f"trigger {row['trigger']!r} is not in the text")
    if not row["source"]:
        found.append("an event needs at least one source")
    for side in ("source", "target"):
        for actor in row[side]:
            if actor.get("text") not in text:
                found.append(f"{side} text {actor.get('text')!r} is not in the text")
            code = actor.get("code")
            if code is not None and not re.fullmatch(r"[A-Z]{3}", code):
                found.append(f"{side} code {code!r} is not three capital letters")
            if actor.get("sector") not in SECTORS:
                found.append(f"{side} sector {actor.get('sector')!r} is unknown")
    return found


def main(paths: list[str]) -> int:
    counts: collections.Counter = collections.Counter()
    texts: dict[str, str] = {}
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    print(f"{path}:{number}: not JSON ({error})")
                    bad += 1
                    continue
                issues = problems_of(row)
                if row.get("text") in texts:
                    issues.append(f"same text as {texts[row['text']]}")
                texts.setdefault(row.get("text"), f"{path}:{number}")
                for issue in issues:
                    print(f"{path}:{number}: {issue}")
                bad += bool(issues)
                counts[row.get("event") or "NONE"] += 1
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"total={sum(counts.values())} bad={bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
