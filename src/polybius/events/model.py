"""The trained event-type model: a linear classifier over a candidate's view.

The lexicon proposes a trigger and its arguments; this model decides the PLOVER type,
or that the candidate is no event at all ("NONE"), and its probability is the event's
confidence. Inputs are the symbolic features of ``features.view_of`` (one-hot, from the
vocabulary fixed at training) and static embeddings of the trigger, its phrase and its
clause (model2vec, numpy only: no torch at run time). ``make train`` writes the weights
and a manifest naming the corpus they were trained on (its sha256).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from polybius.errors import LexiconError
from polybius.events.features import CandidateView
from polybius.lexicon import shipped_path

NO_EVENT = "NONE"
NO_EVENT_FLOOR = 0.5  # a candidate the lexicon lists is no event only when NONE is the majority, not a plurality
LEXICON_VOTE = 0.5  # probability mass added to the lexicon entry's type before ranking (tuned by bench/model.py)
TEXTS = ("trigger", "phrase", "clause", "arguments")  # what dense_features embeds, in order
MODEL_FILES = ("type_model.json", "type_model.npz")


def embeddings_path() -> Path:
    return shipped_path("polybius.events", "data") / "embeddings"


def model_path() -> Path:
    return shipped_path("polybius.events", "data") / "model"


class Embedder:
    """Static text embeddings (model2vec), unit length, loaded once."""

    def __init__(self, path: Path | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the embeddings ship in the package: never ask a hub
        from model2vec import StaticModel  # imported here: the import costs ~0.3 s and only the model needs it

        self.model = StaticModel.from_pretrained(str(path or embeddings_path()))

    @property
    def dimensions(self) -> int:
        return int(self.model.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(texts, show_progress_bar=False).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


def dense_features(views: list[CandidateView], embedder: Embedder) -> np.ndarray:
    """Embeddings of the view's texts side by side (trigger, phrase, clause, arguments): one row per view."""
    texts = [text for v in views for text in v.texts()]
    width = len(TEXTS) * embedder.dimensions
    return embedder.encode(texts).reshape(len(views), width) if texts else np.zeros((0, width), np.float32)


@dataclass(frozen=True)
class TypeScores:
    """The model's probabilities for one candidate, best first."""

    ranked: tuple[tuple[str, float], ...]

    @property
    def best(self) -> str:
        return self.ranked[0][0]

    @property
    def probability(self) -> float:
        return self.ranked[0][1]

    def best_event(self) -> tuple[str, float]:
        """The most probable label other than NONE."""
        return next((name, p) for name, p in self.ranked if name != NO_EVENT)

    def top(self, n: int = 3) -> tuple[tuple[str, float], ...]:
        return tuple((name, round(p, 3)) for name, p in self.ranked[:n])


class TypeModel:
    """Weights over [one-hot symbols | dense embeddings] → labels (16 types and NONE)."""

    def __init__(self, manifest: dict, weights: np.ndarray, bias: np.ndarray, embedder: Embedder) -> None:
        self.manifest = manifest
        self.labels: list[str] = manifest["labels"]
        self.vocabulary: dict[str, int] = {name: i for i, name in enumerate(manifest["vocabulary"])}
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.embedder = embedder
        self.lexicon_vote = float(manifest.get("lexicon_vote", LEXICON_VOTE))
        self.no_event_floor = float(manifest.get("no_event_floor", NO_EVENT_FLOOR))

    @classmethod
    def load(cls, path: Path | None = None, embedder: Embedder | None = None) -> TypeModel:
        folder = path or model_path()
        manifest_file, weights_file = (folder / name for name in MODEL_FILES)
        if not manifest_file.exists() or not weights_file.exists():
            raise LexiconError(str(folder), 0, "the trained event-type model is missing",
                               "Run `make train` to build it from training/corpus")
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        arrays = np.load(weights_file)
        return cls(manifest, arrays["weights"], arrays["bias"], embedder or Embedder())

    def symbol_rows(self, views: list[CandidateView]) -> np.ndarray:
        """The symbolic features' contribution to each view's scores."""
        rows = np.zeros((len(views), len(self.labels)), np.float32)
        for row, view in enumerate(views):
            index = [self.vocabulary[s] for s in view.symbols if s in self.vocabulary]
            if index:
                rows[row] = self.weights[index].sum(axis=0)
        return rows

    def scores(self, views: list[CandidateView]) -> list[TypeScores]:
        """Probabilities over labels for each view (softmax of the linear scores)."""
        if not views:
            return []
        dense = dense_features(views, self.embedder)
        logits = self.symbol_rows(views) + dense @ self.weights[len(self.vocabulary):] + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        if self.lexicon_vote:
            probabilities = self.with_lexicon_vote(views, probabilities)
        return [TypeScores(tuple(sorted(zip(self.labels, map(float, row)), key=lambda pair: -pair[1])))
                for row in probabilities]

    def with_lexicon_vote(self, views: list[CandidateView], probabilities: np.ndarray) -> np.ndarray:
        """Mix in the lexicon entry's type as one more vote, so a hesitant model does not overrule
        the lexicon on *which* event it is; whether there is an event at all stays the model's
        call (a vote against NONE would code "Liverpool attacked"). Rows still sum to one."""
        index = {f"entry={label}": i for i, label in enumerate(self.labels)}
        no_event = self.labels.index(NO_EVENT)
        votes = np.zeros_like(probabilities)
        for row, view in enumerate(views):
            label = next((index[s] for s in view.symbols if s in index), None)
            if label is not None and probabilities[row].argmax() != no_event:
                votes[row, label] = self.lexicon_vote
        return (probabilities + votes) / (1.0 + votes.sum(axis=1, keepdims=True))
