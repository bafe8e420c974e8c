"""Ingest: a generated corpus with planted syndicated copies and multi-outlet events, into a fresh store.

    .venv/bin/python bench/ingest.py [--articles 20000]

Prints articles/s, peak RSS, and the merge quality against the planted truth: each
planted event is reported by several outlets in differently worded articles (these must
merge into one event) and some articles are reprinted nearly verbatim (these must be
linked as duplicates, not counted again). Precision: of the article pairs whose planted
(opening) sentences the store put in one event, the share that report the same planted
event; recall: of the pairs reporting the same planted event, the share the store put in
one event.
"""
from __future__ import annotations

import argparse
import itertools
import random
import resource
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = ["Kenya", "Somalia", "Ethiopia", "Sudan", "Chad", "Niger", "Mali", "Nigeria", "Egypt", "Libya", "Turkey",
             "Syria", "Iraq", "Iran", "Israel", "Jordan", "Lebanon", "Russia", "Ukraine", "Poland", "Georgia",
             "Armenia", "Azerbaijan", "India", "Pakistan", "China", "Japan", "Vietnam", "Peru", "Chile", "Brazil",
             "Colombia", "Venezuela", "Mexico", "Canada", "France", "Germany", "Spain", "Italy", "Greece"]
TEMPLATES = {
    "ASSAULT": ["{a} shelled border positions held by {b} on {day}, officials said.",
                "Troops from {a} attacked {b} along the frontier on {day}, according to witnesses.",
                "{a} launched air strikes on {b} on {day}, the defence ministry said."],
    "SANCTION": ["{a} imposed sanctions on {b} on {day}, the foreign ministry said.",
                 "On {day}, {a} slapped new sanctions on {b}, officials told reporters."],
    "CONSULT": ["{a} held talks with {b} on {day} in the capital, diplomats said.",
                "Officials from {a} met their counterparts from {b} on {day}, state media reported."],
    "ACCUSE": ["{a} accused {b} of violating the truce on {day}, the ministry said.",
               "On {day}, {a} condemned {b} over the border incident, a spokesman said."],
}
OUTLETS = [f"Outlet {i}" for i in range(40)]
FILLER = ["Markets in the region were calm in early trading on the day.", "The weather was dry and hot across much of the region.",
          "Analysts said the dispute had deep historical roots.", "Residents described long queues at fuel stations.",
          "The story has been developing for several weeks.", "Prices of bread and cooking oil have risen sharply.",
          "Local schools remained open despite the tension.", "A regional summit is planned for later in the year.",
          "Aid groups called for calm and restraint.", "The capital's airport operated normally."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generate(n: int, seed: int = 11):
    """Articles with their planted event id (or None) and whether they are a reprint."""
    rng = random.Random(seed)
    start = date(2023, 1, 2)
    articles = []
    planted = 0
    while len(articles) < n:
        planted += 1
        kind = rng.choice(list(TEMPLATES))
        a, b = rng.sample(COUNTRIES, 2)
        day = start + timedelta(days=rng.randrange(600))
        outlets = rng.sample(OUTLETS, rng.choice([1, 1, 2, 3, 4]))
        for outlet in outlets:
            published = day + timedelta(days=rng.choice([0, 0, 1]))
            weekday = WEEKDAYS[day.weekday()]
            sentence = rng.choice(TEMPLATES[kind]).format(a=a, b=b, day=weekday)
            text = " ".join([sentence[0].upper() + sentence[1:], *rng.sample(FILLER, 4), f"Ref {planted}-{outlet}."])
            articles.append({"id": f"p{planted}-{outlet}", "text": text, "date": published.isoformat(),
                             "outlet": outlet, "event": planted, "reprint": False})
            if rng.random() < 0.1:  # a syndicated copy
                articles.append({"id": f"p{planted}-{outlet}-copy", "text": text.replace(".", ". ", 1).rstrip(),
                                 "date": published.isoformat(), "outlet": rng.choice(OUTLETS), "event": planted,
                                 "reprint": True})
    return articles[:n]


def pairs(groups: dict) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for members in groups.values() for p in itertools.combinations(sorted(members), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()

    from polybius.pipeline import Coder
    from polybius.records import Article
    from polybius.store import Store

    rows = generate(args.articles)
    coder = Coder()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        report = store.ingest((Article(r["id"], r["text"], date.fromisoformat(r["date"]), outlet=r["outlet"],
                                       origin=r["id"]) for r in rows), coder, batch_size=64)
        seconds = time.perf_counter() - start
        merged = store.db.execute("SELECT a.doc_id, m.event_key FROM mentions m JOIN articles a USING (article_key) "
                                  "WHERE m.event_key IS NOT NULL AND json_extract(m.record, '$.evidence.start') = 0"
                                  ).fetchall()  # the planted sentence opens each article; filler events are not planted
        flagged = {r[0] for r in store.db.execute("SELECT doc_id FROM articles WHERE duplicate_of IS NOT NULL").fetchall()}
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    truth = {r["id"]: r["event"] for r in rows if not r["reprint"]}
    predicted_groups = defaultdict(set)
    for doc_id, key in merged:
        if doc_id in truth:
            predicted_groups[key].add(doc_id)
    true_groups = defaultdict(set)
    for doc_id, event in truth.items():
        true_groups[event].add(doc_id)
    predicted, actual = pairs(predicted_groups), pairs(true_groups)
    precision = len(predicted & actual) / max(1, len(predicted))
    recall = len(predicted & actual) / max(1, len(actual))
    reprints = {r["id"] for r in rows if r["reprint"]}
    print(f"corpus: {len(rows)} articles ({len(reprints)} planted reprints, {len(true_groups)} planted events)")
    print(f"ingest: {seconds:.1f} s, {len(rows) / seconds:.1f} articles/s, peak RSS {peak_mb:.0f} MB")
    print(f"stored: {report.articles} articles, {report.mentions} mentions, {report.errors} errors")
    print(f"merge precision {precision:.3f}, recall {recall:.3f} (article pairs of the same planted event)")
    print(f"reprints linked as duplicates: {len(flagged & reprints)}/{len(reprints)}; "
          f"originals wrongly linked: {len(flagged - reprints)}")


if __name__ == "__main__":
    main()
