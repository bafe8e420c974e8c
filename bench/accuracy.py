"""Accuracy on sentence-level gold records: our own annotated corpus, or any file in the same shape.

    .venv/bin/python bench/accuracy.py                      # tests/data/events_corpus_*.jsonl
    .venv/bin/python bench/accuracy.py ../shared/eval/plover_gsr_dev.jsonl --confusion

Prints type accuracy of the most confident event, type precision/recall/F1 over
(sentence, type) pairs, source and target code accuracy where the type was found, the
share of event-free sentences (hard negatives) that yield an event, and optionally a
per-type confusion table (gold type → top predicted type).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from polybius.evaluate import load_gold, predict, score

ROOT = Path(__file__).resolve().parents[1]
OUR_CORPUS = sorted((ROOT / "tests" / "data").glob("events_corpus_*.jsonl"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, help="gold jsonl files (default: our corpus)")
    parser.add_argument("--confusion", action="store_true", help="print gold type → top predicted type")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = load_gold(args.gold or OUR_CORPUS)
    result = score(rows, predict(rows))
    if args.json:
        print(json.dumps(result))
        return 0
    for key, value in result.items():
        if key != "confusion":
            print(f"{key:18} {value}")
    if args.confusion:
        print("confusion (gold → top predicted: count):")
        for gold, row in result["confusion"].items():
            cells = ", ".join(f"{t}:{n}" for t, n in sorted(row.items(), key=lambda kv: -kv[1]))
            print(f"  {gold:10} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
