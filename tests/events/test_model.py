"""The trained type model: it matches its corpus, trains deterministically, and types what
the lexicon does not list. Sentences are ours."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from polybius.errors import LexiconError
from polybius.events.model import NO_EVENT, TEXTS, TypeModel, embeddings_path, model_path
from polybius.events.training import LABELS, corpus_digest, corpus_files, examples_from, fit, read_corpus
from polybius.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "training" / "corpus"
WHEN = date(2021, 3, 9)
MAX_SHIPPED_BYTES = 30 * 1024 * 1024


def test_shipped_model_was_trained_on_the_corpus_in_the_repository() -> None:
    manifest = json.loads((model_path() / "type_model.json").read_text(encoding="utf-8"))
    assert manifest["corpus_sha256"] == corpus_digest(corpus_files(CORPUS)), \
        "training/corpus changed since the model was trained: run `make train` and commit the model"
    assert manifest["labels"] == [*EVENT_TYPES, NO_EVENT]


def test_training_corpus_is_large_balanced_and_has_hard_negatives() -> None:
    rows = read_corpus(corpus_files(CORPUS))
    counts = {t: sum(r["event"] == t for r in rows) for t in EVENT_TYPES}
    negatives = sum(r["event"] is None for r in rows)
    assert len(rows) >= 4000
    assert min(counts.values()) >= 0.6 * max(counts.values()), counts
    assert negatives >= 0.2 * len(rows)
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["event"] is None or row["trigger"] in row["text"], row["id"]


def test_shipped_model_and_embeddings_stay_small() -> None:
    files = [*model_path().iterdir(), *embeddings_path().iterdir()]
    assert sum(f.stat().st_size for f in files) < MAX_SHIPPED_BYTES


def test_training_is_deterministic(coder) -> None:
    rows = read_corpus(corpus_files(CORPUS))
    sample = [r for t in [*EVENT_TYPES, None] for r in [x for x in rows if x["event"] == t][:6]]
    examples = examples_from(coder, sample)
    embedder = coder.type_model.embedder
    first, second = fit(examples, embedder), fit(examples, embedder)
    assert first[0] == second[0]
    assert np.array_equal(first[1], second[1]) and np.array_equal(first[2], second[2])
    assert first[1].shape == (len(first[0]["vocabulary"]) + len(TEXTS) * embedder.dimensions, len(LABELS))


def test_scores_are_ranked_probabilities(coder) -> None:
    event = coder.code_text("Kenyan police rounded up dozens of opposition supporters in Nairobi.", WHEN).events[0]
    scores = event.explanation.scores
    assert scores and scores[0][0] == event.type
    assert all(a[1] >= b[1] for a, b in zip(scores, scores[1:]))
    assert 0.0 < event.confidence <= 1.0


def test_missing_model_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(LexiconError, match="make train"):
        TypeModel.load(tmp_path)
