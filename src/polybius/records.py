"""The typed records that stages exchange, and their JSON shape (the contract).

Every stage takes and returns these frozen dataclasses; a JSON dict appears only at the
edges, through ``to_dict``/``from_dict``, in the shape of ``design/event-record.md``.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("actual", "planned", "hypothetical", "negated")
SEGMENT_KINDS: tuple[str, ...] = ("reporting", "quote", "commentary")


def content_id(text: str) -> str:
    """A stable article id for input that has none: a short hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One input article as read: text exactly as given, plus its metadata."""

    doc_id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str = ""  # where it was read from, for error messages: "file.jsonl:12"


@dataclass(frozen=True)
class Actor:
    """A resolved actor: the words that named it and what they resolve to."""

    text: str
    code: str | None
    sector: str | None
    name: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "sector": self.sector, "name": self.name}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if data is None:
            return None
        return cls(data.get("text", ""), data.get("code"), data.get("sector"), data.get("name"))


@dataclass(frozen=True)
class Location:
    """Where an event happened, resolved to a gazetteer entry where possible."""

    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        return None if data is None else cls(**data)


@dataclass(frozen=True)
class Attribution:
    """One party in the chain of who says so."""

    text: str
    kind: str  # media, official, anonymous, expert, person, organization, unknown
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Evidence:
    """The sentence an event was read from, with offsets into the input as given."""

    sentence: str
    start: int
    end: int
    trigger: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Explanation:
    """Why the coder chose an event: the trigger, the lexicon entry, the clause role."""

    trigger: str
    lexicon_entry: str
    clause: str
    scores: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"trigger": self.trigger, "lexicon_entry": self.lexicon_entry,
                "clause": self.clause, "scores": [list(s) for s in self.scores]}


@dataclass(frozen=True)
class EventRecord:
    """One coded event: the contract of event-record.md, field for field."""

    doc_id: str
    event_id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    source: Actor | None
    target: Actor | None
    location: Location | None
    date: str | None
    date_text: str | None
    date_precision: str
    modality: str
    attribution: tuple[Attribution, ...]
    confirmation: str | None
    segment: str
    evidence: Evidence
    confidence: float
    explanation: Explanation | None = field(default=None, compare=False)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "modality": self.modality,
            "attribution": [a.to_dict() for a in self.attribution],
            "confirmation": self.confirmation,
            "segment": self.segment,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
        }
        if explain and self.explanation is not None:
            out["explain"] = self.explanation.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        return cls(
            doc_id=data["doc_id"], event_id=data["event_id"], type=data["type"],
            mode=data.get("mode"), context=tuple(data.get("context") or ()),
            source=Actor.from_dict(data.get("source")), target=Actor.from_dict(data.get("target")),
            location=Location.from_dict(data.get("location")), date=data.get("date"),
            date_text=data.get("date_text"), date_precision=data.get("date_precision", "none"),
            modality=data["modality"],
            attribution=tuple(Attribution(**a) for a in data.get("attribution") or ()),
            confirmation=data.get("confirmation"), segment=data.get("segment", "reporting"),
            evidence=Evidence(**data["evidence"]), confidence=float(data["confidence"]),
        )


@dataclass(frozen=True)
class ArticleError:
    """A problem with one input (a file, a line): the run goes on without it."""

    origin: str
    message: str
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "doc_id": self.doc_id, "message": self.message}

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Document:
    """Everything polybius read in one article (the `--format document` object)."""

    doc_id: str
    date: str | None
    events: tuple[EventRecord, ...]
    repairs: tuple[dict[str, Any], ...] = ()
    segments: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    places: tuple[dict[str, Any], ...] = ()
    times: tuple[dict[str, Any], ...] = ()
    errors: tuple[ArticleError, ...] = ()
    article: Article | None = field(default=None, compare=False)  # what was coded (for the store)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "date": self.date,
            "repairs": list(self.repairs),
            "segments": list(self.segments),
            "quotes": list(self.quotes),
            "places": list(self.places),
            "times": list(self.times),
            "events": [e.to_dict(explain) for e in self.events],
            "errors": [e.to_dict() for e in self.errors],
        }
