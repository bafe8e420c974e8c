"""The accuracy gate: our own annotated corpus must stay above its recorded floors."""
from __future__ import annotations

import json
from pathlib import Path

from polybius.evaluate import load_gold, predict, score

DATA = Path(__file__).parent / "data"


def test_accuracy_gate_on_our_corpus(coder) -> None:
    floors = json.loads((DATA / "accuracy_floors.json").read_text(encoding="utf-8"))
    rows = load_gold(sorted(DATA.glob("events_corpus_*.jsonl")))
    assert len(rows) >= 300
    figures = score(rows, predict(rows, coder))
    for name in ("type_F1", "type_acc@1", "source_acc", "target_acc"):
        assert figures[name] >= floors[name], f"{name} {figures[name]} fell below its floor {floors[name]}"
    assert figures["negative_fp_rate"] <= floors["negative_fp_rate_max"]


def test_accuracy_corpus_is_ours_and_well_formed() -> None:
    rows = load_gold(sorted(DATA.glob("events_corpus_*.jsonl")))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) and all(i.startswith("ours-") for i in ids)
    for row in rows:
        for actor in row["source"] + row["target"]:
            assert actor["text"] in row["text"], row["id"]
