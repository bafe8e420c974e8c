"""Scoring coded events against sentence-level gold records (our corpus, or PLOVER-style files).

The figures are the ones the project reports: type accuracy of the most confident event,
type precision/recall/F1 over (sentence, type) pairs, source and target code accuracy
where the gold type was found, the share of event-free sentences that yield an event,
and a confusion table of gold type → top predicted type.
"""
from __future__ import annotations

import collections
import json
from datetime import date
from pathlib import Path

ALIASES = {"JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR"}  # CAMEO-era spellings


def load_gold(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


def predict(rows: list[dict], coder=None) -> dict[str, list]:
    """Code every gold sentence with one Coder; returns doc id → events (commentary dropped)."""
    from polybius.pipeline import Coder
    from polybius.records import Article

    coder = coder or Coder()
    articles = [Article(str(r["id"]), r["text"], date.fromisoformat(r["date"][:10]) if r.get("date") else None)
                for r in rows]
    return {doc.doc_id: [e for e in doc.events if e.segment != "commentary"] for doc in coder.code_articles(articles)}


def codes(actors: list[dict] | None) -> set[str]:
    return {ALIASES.get(str(a["code"]).upper(), str(a["code"]).upper()) for a in actors or [] if a.get("code")}


def score(rows: list[dict], predicted: dict[str, list]) -> dict:
    figures = collections.Counter()
    confusion: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for row in rows:
        events = sorted(predicted.get(str(row["id"]), []), key=lambda e: -e.confidence)
        gold = row.get("event")
        types = {e.type for e in events}
        if gold is None:
            figures["negatives"] += 1
            figures["negatives_with_event"] += bool(events)
            continue
        figures["sentences"] += 1
        figures["empty"] += not events
        figures["top_hits"] += bool(events) and events[0].type == gold
        confusion[gold][events[0].type if events else "(none)"] += 1
        figures["tp"] += gold in types
        figures["fp"] += len(types - {gold})
        figures["fn"] += gold not in types
        match = next((e for e in events if e.type == gold), None)
        if match is not None:
            if codes(row.get("source")):
                figures["src_n"] += 1
                figures["src_hits"] += bool(match.source and match.source.code in codes(row["source"]))
            if codes(row.get("target")):
                figures["tgt_n"] += 1
                figures["tgt_hits"] += bool(match.target and match.target.code in codes(row["target"]))
    p = figures["tp"] / max(1, figures["tp"] + figures["fp"])
    r = figures["tp"] / max(1, figures["tp"] + figures["fn"])
    return {
        "sentences": figures["sentences"],
        "type_acc@1": round(figures["top_hits"] / max(1, figures["sentences"]), 4),
        "type_P": round(p, 4), "type_R": round(r, 4),
        "type_F1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "source_acc": round(figures["src_hits"] / max(1, figures["src_n"]), 4),
        "target_acc": round(figures["tgt_hits"] / max(1, figures["tgt_n"]), 4),
        "empty": figures["empty"],
        "negatives": figures["negatives"],
        "negative_fp_rate": round(figures["negatives_with_event"] / max(1, figures["negatives"]), 4),
        "confusion": {k: dict(v) for k, v in sorted(confusion.items())},
    }
