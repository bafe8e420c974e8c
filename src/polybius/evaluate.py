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


def same_source(gold: dict, predicted) -> bool:
    """A gold source and a predicted attribution agree on kind and name the same words."""
    def norm(text: str) -> str:
        text = text.lower().replace("’", "'").strip(" ,.")
        return text[4:] if text.startswith("the ") else text
    a, b = norm(gold["text"]), norm(predicted.text)
    return gold["kind"] == predicted.kind and bool(a) and bool(b) and (a in b or b in a)


def score_provenance(rows: list[dict], coder) -> dict:
    """Attribution source P/R/F1, commentary F1 (by character), confirmation and quote-speaker accuracy."""
    from polybius.records import Article

    figures = collections.Counter()
    articles = [Article(r["id"], r["text"], date.fromisoformat(r["date"]) if r.get("date") else None) for r in rows]
    for row, document in zip(rows, coder.code_articles(articles)):
        events = [e for e in document.events if e.segment != "commentary"]
        for gold in row.get("attributions", []):
            event = next((e for e in events if gold["trigger"] in e.evidence.trigger.split()), None)
            figures["attr_events"] += 1
            if event is None:
                continue  # attribution is scored on the events polybius codes; detection is scored apart
            figures["attr_events_found"] += 1
            predicted = list(event.attribution)
            matched = [s for s in gold["sources"] if any(same_source(s, p) for p in predicted)]
            figures["attr_tp"] += len(matched)
            figures["attr_fn"] += len(gold["sources"]) - len(matched)
            confirmers = [{"text": c["by"], "kind": p.kind} for c in row.get("confirmations", []) for p in predicted]
            figures["attr_fp"] += sum(1 for p in predicted if not any(same_source(s, p) for s in gold["sources"])
                                      and not any(same_source(c, p) for c in confirmers))  # confirmers join by design
        for gold in row.get("confirmations", []):
            event = next((e for e in events if gold["trigger"] in e.evidence.trigger.split()), None)
            figures["conf_all"] += 1
            if event is None:
                continue  # scored on the events polybius codes, like attribution
            figures["conf_n"] += 1
            figures["conf_hits"] += event.confirmation == gold["value"]
        for gold in row.get("quotes", []):
            found = next((q for q in document.quotes if gold["text"][:30] in q["text"] or q["text"][:30] in gold["text"]), None)
            figures["quote_n"] += 1
            figures["quote_found"] += found is not None
            speaker = (found or {}).get("speaker") or {}
            figures["quote_speaker_hits"] += found is not None and speaker.get("code") == gold.get("speaker_code")
        text = row["text"]
        gold_start = text.index(row["commentary_start"]) if row.get("commentary_start") else len(text)
        predicted_chars = set()
        for segment in (s for s in document.segments if s["kind"] == "commentary"):
            predicted_chars.update(range(segment["start"], segment["end"]))
        gold_chars = set(range(gold_start, len(text)))
        figures["comm_tp"] += len(gold_chars & predicted_chars)
        figures["comm_fp"] += len(predicted_chars - gold_chars)
        figures["comm_fn"] += len(gold_chars - predicted_chars)
    return provenance_figures(figures)


def provenance_figures(f: collections.Counter) -> dict:
    def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0
    attr = f1(f["attr_tp"], f["attr_fp"], f["attr_fn"])
    comm = f1(f["comm_tp"], f["comm_fp"], f["comm_fn"])
    return {
        "attribution_source_P": attr[0], "attribution_source_R": attr[1], "attribution_source_F1": attr[2],
        "attributed_events_found": f"{f['attr_events_found']}/{f['attr_events']}",
        "commentary_P": comm[0], "commentary_R": comm[1], "commentary_F1": comm[2],
        "confirmation_acc": round(f["conf_hits"] / max(1, f["conf_n"]), 4),
        "confirmed_events_found": f"{f['conf_n']}/{f['conf_all']}",
        "quotes_found": round(f["quote_found"] / max(1, f["quote_n"]), 4),
        "quote_speaker_acc": round(f["quote_speaker_hits"] / max(1, f["quote_n"]), 4),
    }
