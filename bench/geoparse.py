"""Geoparsing accuracy on news text we annotated (bench/data/geoparse_corpus.jsonl).

    .venv/bin/python bench/geoparse.py

For every annotated toponym occurrence: found (a toponym span covers it), correct country,
and within 161 km (100 miles) of the annotated coordinates. Prints the figures and the
misses.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

DATA = Path(__file__).parent / "data" / "geoparse_corpus.jsonl"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def occurrence_offset(text: str, name: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(name, start + 1)
    return start


def main() -> None:
    from polybius.pipeline import Coder
    from polybius.records import Article

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    coder = Coder()
    total = found = country = near = 0
    misses = []
    for row, document in zip(rows, coder.code_articles(Article(r["id"], r["text"]) for r in rows)):
        for gold in row["toponyms"]:
            total += 1
            offset = occurrence_offset(row["text"], gold["text"], gold["occurrence"])
            place = next((p for p in document.places if p["start"] <= offset < p["end"]), None)
            if place is None or place["country"] is None:
                misses.append(f"{row['id']}: {gold['text']!r} not resolved")
                continue
            found += 1
            country += place["country"] == gold["country"]
            distance = km(place["lat"], place["lon"], gold["lat"], gold["lon"])
            near += distance <= 161
            if place["country"] != gold["country"] or distance > 161:
                misses.append(f"{row['id']}: {gold['text']!r} → {place['name']} ({place['country']}), "
                              f"{distance:.0f} km off; gold {gold['country']}")
    print(f"toponyms annotated: {total} in {len(rows)} articles")
    print(f"resolved:           {found / total:.3f}")
    print(f"correct country:    {country / total:.3f}  (of resolved: {country / max(1, found):.3f})")
    print(f"within 161 km:      {near / total:.3f}  (of resolved: {near / max(1, found):.3f})")
    print("misses:")
    for miss in misses:
        print("  " + miss)


if __name__ == "__main__":
    main()
