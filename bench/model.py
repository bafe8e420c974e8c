"""Cross-validation of the event-type model on our training corpus, and its confusion table.

    .venv/bin/python bench/model.py                 # 5-fold CV, end to end, + confusion
    .venv/bin/python bench/model.py --folds 10 --regularization 0.5

Folds split sentences (never one sentence's candidates across folds). Each fold's model
is trained on the other folds exactly as `make train` trains the shipped one, then the
held-out sentences are coded by the full Coder with that model, and with the lexicon's
rules alone for comparison; both are scored like the dev split (evaluate.score).
Needs the ``train`` extra (scikit-learn).
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

from polybius.evaluate import predict, score
from polybius.events.model import LEXICON_VOTE, Embedder, TypeModel
from polybius.events.training import REGULARIZATION, SEED, corpus_files, examples_from, fit, read_corpus
from polybius.pipeline import Coder
from polybius.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ("type_acc@1", "type_P", "type_R", "type_F1", "source_acc", "target_acc", "empty", "negative_fp_rate")


def folds_of(rows: list[dict], k: int) -> list[list[dict]]:
    order = sorted(rows, key=lambda r: r["id"])
    random.Random(SEED).shuffle(order)
    return [order[i::k] for i in range(k)]


def print_calibration(rows: list[dict], predicted: dict) -> None:
    """Confidence of each sentence's top event against whether its type is the gold one."""
    bins: dict[int, list[int]] = collections.defaultdict(lambda: [0, 0])
    for row in rows:
        events = sorted(predicted.get(str(row["id"]), []), key=lambda e: -e.confidence)
        if events:
            cell = bins[min(int(events[0].confidence * 10), 9)]
            cell[0] += 1
            cell[1] += events[0].type == row.get("event")
    print("calibration (top event's confidence → share whose type is the gold one; negatives count as wrong)")
    for tenth in sorted(bins):
        n, right = bins[tenth]
        print(f"  {tenth / 10:.1f}-{(tenth + 1) / 10:.1f}: {right / n:.2f} of {n}")


def print_confusion(confusion: dict) -> None:
    types = sorted({t for row in confusion.values() for t in row} | set(confusion))
    short = {t: t[:4] for t in types}
    print("confusion, end to end (rows: gold type; columns: top predicted type; (none) = nothing coded)")
    print(f"{'':10}" + "".join(f"{short[t]:>5}" for t in types))
    for gold in sorted(confusion):
        print(f"{gold:10}" + "".join(f"{confusion[gold].get(t, 0) or '.':>5}" for t in types))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "training" / "corpus")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--regularization", type=float, default=REGULARIZATION)
    parser.add_argument("--votes", default=str(LEXICON_VOTE),
                        help="comma-separated lexicon votes to compare (the first gets the full table)")
    args = parser.parse_args()
    rows = read_corpus(corpus_files(args.corpus))
    coder = Coder(Settings(type_model=True))
    lexicon_only = Coder(Settings(type_model=False))
    embedder = Embedder()
    started = time.perf_counter()
    examples = {}
    for example in examples_from(coder, rows):
        examples.setdefault(example.sentence, []).append(example)
    votes = [float(v) for v in args.votes.split(",")]
    model_pred: dict = {v: {} for v in votes}
    lexicon_pred: dict = {}
    candidate_hits = collections.Counter()
    for held_out in folds_of(rows, args.folds):
        held = {str(r["id"]) for r in held_out}
        train = [e for sid, found in examples.items() if sid not in held for e in found]
        manifest, weights, bias = fit(train, embedder, args.regularization)
        model = TypeModel(manifest, weights, bias, embedder)
        tests = [e for sid in held for e in examples.get(sid, [])]
        for example, scores in zip(tests, model.scores([e.view for e in tests])):
            candidate_hits["n"] += 1
            candidate_hits["right"] += scores.best == example.label
        coder.use_type_model(model)
        for vote in votes:
            model.lexicon_vote = vote
            model_pred[vote].update(predict(held_out, coder))
        lexicon_pred.update(predict(held_out, lexicon_only))
    with_model, rules = score(rows, model_pred[votes[0]]), score(rows, lexicon_pred)
    for vote in votes[1:]:
        other = score(rows, model_pred[vote])
        print(f"lexicon vote {vote}: " + ", ".join(f"{f} {other[f]}" for f in FIGURES))
    print(f"{len(rows)} sentences ({with_model['negatives']} hard negatives), {args.folds}-fold CV, "
          f"C={args.regularization}, lexicon vote {votes[0]}, {time.perf_counter() - started:.0f} s")
    print(f"candidate-level accuracy (type or NONE at the gold trigger / negatives' candidates): "
          f"{candidate_hits['right'] / max(1, candidate_hits['n']):.4f} of {candidate_hits['n']}")
    print(f"{'figure':18}{'lexicon+model':>15}{'lexicon only':>15}")
    for figure in FIGURES:
        print(f"{figure:18}{with_model[figure]:>15}{rules[figure]:>15}")
    print_confusion(with_model["confusion"])
    print_calibration(rows, model_pred[votes[0]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
