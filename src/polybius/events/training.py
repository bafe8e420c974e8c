"""Train the event-type model on the team's corpus (training/corpus/*.jsonl).

Every gold sentence is parsed and its candidates proposed exactly as when coding. The
candidate at the annotated trigger is an example of the gold type; every candidate of a
hard-negative sentence is an example of NONE (other candidates of an event sentence are
left out, except verbs the lexicon does not list and that are not coordinated with the
event: those are NONE, so "followed" or "used" beside an attack are not coded). A multinomial logistic
regression (scikit-learn, lbfgs, fixed seed) is fitted on [one-hot symbols | embeddings].
Training needs the ``train`` extra; coding needs only numpy.

    python -m polybius.events.training [--corpus training/corpus] [--out DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from polybius.evaluate import load_gold
from polybius.events.assemble import prepare
from polybius.events.features import CandidateView
from polybius.events.model import LEXICON_VOTE, NO_EVENT, Embedder, TypeModel, dense_features, model_path
from polybius.events.unlisted import UNLISTED, candidate_at
from polybius.records import EVENT_TYPES

LABELS = [*EVENT_TYPES, NO_EVENT]
MIN_SYMBOL_COUNT = 2  # a symbol seen once says more about one sentence than about English
REGULARIZATION = 3.0  # scikit-learn's C; chosen by cross-validation on our corpus (bench/model.py)
SEED = 13
NO_EVENT_WEIGHT = 0.5  # NONE examples (every candidate of 1,000 negatives) would otherwise outvote rare types


@dataclass(frozen=True)
class Example:
    """One candidate the model learns from: its view, label, and the sentence it came from."""

    view: CandidateView
    label: str
    sentence: str


def corpus_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl"))


def corpus_digest(files: list[Path]) -> str:
    """sha256 over the corpus files' names and bytes, in name order: what a model was trained on."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_corpus(files: list[Path]) -> list[dict]:
    return load_gold(files)


def examples_from(coder, rows: list[dict]) -> list[Example]:
    """Parse each gold sentence once and turn its candidates into labelled examples."""
    examples: list[Example] = []
    docs = coder.nlp.pipe((row["text"] for row in rows), batch_size=64)
    for row, doc in zip(rows, docs):
        published = date.fromisoformat(row["date"]) if row.get("date") else None
        resolver = coder.resolver_for(doc, published)
        candidates = [c for sentence in doc.sents for c in coder.candidates_of(sentence, unlisted=True)]
        if row.get("event"):
            gold = gold_candidate(doc, row["trigger"], candidates, coder.events)
            labelled = [(gold, row["event"])] if gold is not None else []
            labelled += [(c, NO_EVENT) for c in candidates if gold is not None and not_the_event(c, gold)]
        else:
            labelled = [(c, NO_EVENT) for c in candidates]
        for candidate, label in labelled:
            prepared = prepare(candidate, resolver, coder.events)
            if prepared is not None:
                examples.append(Example(prepared.view, act_label(prepared, label), str(row["id"])))
    return examples


def act_label(prepared, label: str) -> str:
    """The act the model should learn: 'will hold talks' is AGREE by PLOVER's convention, which
    coding applies after the model, so the model learns CONSULT, the act itself."""
    entry_type = prepared.candidate.entry.type
    return entry_type if entry_type and entry_type != label and prepared.rule.type == label else label


def not_the_event(candidate, gold) -> bool:
    """An unlisted verb beside the annotated event, not coordinated with it ("followed", "used")."""
    if candidate is gold or candidate.entry.origin != UNLISTED:
        return False
    linked = {gold.trigger.i, gold.trigger.head.i} | {c.i for c in gold.trigger.children if c.dep_ == "conj"}
    return candidate.trigger.i not in linked and candidate.trigger.head.i != gold.trigger.i


def gold_candidate(doc, trigger: str, candidates: list, lexicon):
    """The candidate that coding would turn into the annotated event: the one at the trigger, its
    governing event when it is a complement, the verb whose object it is, or one made there."""
    start = doc.text.find(trigger)
    if start < 0:
        return None
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    if span is None:
        return None
    inside = {t.i for t in span}
    found = next((c for c in candidates if c.trigger.i in inside or (c.host is not None and c.host.i in inside)), None)
    root = span.root
    if found is None and root.pos_ == "NOUN" and root.dep_ in ("dobj", "nsubjpass"):  # "staged a walkout"
        found = next((c for c in candidates if c.trigger.i == root.head.i), None)
    if found is not None and found.clause.startswith("complement of"):  # "threatened to cut": coded at "threatened"
        governor = (found.host or found.trigger).head
        found = next((c for c in candidates if c.trigger.i == governor.i or (c.host is not None and c.host.i == governor.i)), found)
    return found if found is not None else candidate_at(root, lexicon)


def fit(examples: list[Example], embedder: Embedder, regularization: float = REGULARIZATION) -> tuple[dict, np.ndarray, np.ndarray]:
    """Vocabulary, weights (features × labels) and bias from the examples; deterministic."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    counts = Counter(symbol for example in examples for symbol in set(example.view.symbols))
    vocabulary = sorted(s for s, n in counts.items() if n >= MIN_SYMBOL_COUNT)
    index = {s: i for i, s in enumerate(vocabulary)}
    rows, cols = zip(*[(r, index[s]) for r, e in enumerate(examples) for s in set(e.view.symbols) if s in index])
    symbols = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(examples), len(vocabulary)))
    dense = sparse.csr_matrix(dense_features([e.view for e in examples], embedder))
    features = sparse.hstack([symbols, dense]).tocsr()
    labels = np.array([LABELS.index(e.label) for e in examples])
    classifier = LogisticRegression(C=regularization, max_iter=3000, random_state=SEED)
    weights_of = np.where(labels == LABELS.index(NO_EVENT), NO_EVENT_WEIGHT, 1.0)
    classifier.fit(features, labels, sample_weight=weights_of)
    weights = np.zeros((features.shape[1], len(LABELS)), np.float32)
    bias = np.full(len(LABELS), -30.0, np.float32)  # a label never seen in training is never predicted
    weights[:, classifier.classes_] = classifier.coef_.T
    bias[classifier.classes_] = classifier.intercept_
    manifest = {"labels": LABELS, "vocabulary": vocabulary, "regularization": regularization, "seed": SEED,
                "lexicon_vote": LEXICON_VOTE,
                "examples": len(examples), "embedding_dimensions": embedder.dimensions}
    return manifest, weights, bias


def train(coder, files: list[Path], embedder: Embedder, regularization: float = REGULARIZATION) -> TypeModel:
    rows = read_corpus(files)
    manifest, weights, bias = fit(examples_from(coder, rows), embedder, regularization)
    manifest.update(corpus_sha256=corpus_digest(files), corpus_files=[p.name for p in files], sentences=len(rows))
    return TypeModel(manifest, weights, bias, embedder)


def save(model: TypeModel, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "type_model.json").write_text(json.dumps(model.manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    np.savez_compressed(folder / "type_model.npz", weights=model.weights.astype(np.float16), bias=model.bias)


def main() -> None:
    from polybius.pipeline import Coder
    from polybius.settings import Settings

    parser = argparse.ArgumentParser(description="Train polybius's event-type model from the team's corpus.")
    parser.add_argument("--corpus", type=Path, default=Path("training/corpus"))
    parser.add_argument("--out", type=Path, default=model_path())
    args = parser.parse_args()
    files = corpus_files(args.corpus)
    if not files:
        raise SystemExit(f"polybius: error: {args.corpus} has no *.jsonl files; pass --corpus with the training corpus folder")
    coder = Coder(Settings(type_model=False))
    model = train(coder, files, Embedder())
    save(model, args.out)
    print(f"trained on {model.manifest['sentences']} sentences ({model.manifest['examples']} examples), "
          f"corpus sha256 {model.manifest['corpus_sha256'][:12]}…, saved to {args.out}")


if __name__ == "__main__":
    main()
