"""Candidates → EventRecords: read, resolve arguments, type (model or rules), one record per
source × target pair.

Compound actors give one event per actor ("Jordan and Britain agreed" → JOR and GBR,
each with the other as counterpart). Confidence mixes the model's probability with how
complete the record is: an asserted clause, a specific entry, resolved source and target.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from polybius.actors.resolve import Resolver
from polybius.events.arguments import not_an_actor, resolve_arguments
from polybius.events.classify import EventType, Reading, classify
from polybius.events.extract import Candidate, is_passive, relative_place
from polybius.events.features import CandidateView, view_of
from polybius.events.lexicon import EventLexicon
from polybius.events.model import NO_EVENT, TypeModel, TypeScores
from polybius.events.unlisted import UNLISTED
from polybius.events.modality import clause_verb, condition_of, is_future, is_willing, modality_of, reported_clause
from polybius.records import Actor, Evidence, EventRecord, Explanation

RULE = "rule:"  # origin of entries made by a structural rule, not read from a lexicon file


@dataclass(frozen=True)
class SentenceRef:
    """Where a sentence sits: its article, index, and offsets into the input as given."""

    doc_id: str
    index: int
    span: Span
    date: str | None


def confidence(candidate: Candidate, source: Actor | None, target: Actor | None) -> float:
    """How complete the record is: an asserted clause, a specific entry, resolved arguments."""
    score = 0.3
    score += 0.2 if candidate.asserted else 0.0
    score += 0.05 * candidate.entry.specificity
    score += 0.2 if source is not None and source.code else 0.0
    score += 0.15 if target is not None and target.code else 0.0
    score += 0.05 if candidate.kind == "verb" else 0.0
    return round(min(score, 0.99), 2)


@dataclass(frozen=True)
class Prepared:
    """A candidate read and its arguments resolved: everything but the final type."""

    candidate: Candidate
    reading: Reading
    rule: EventType
    sources: list[Actor]
    targets: list[Actor]

    @cached_property
    def view(self) -> CandidateView:
        """What the model sees; built only when a model types the candidate."""
        return view_of(self.candidate, self.reading, self.rule.type, self.sources, self.targets)


@dataclass(frozen=True)
class Decision:
    """What a candidate is coded as: type, mode, modality, and the model's probability and top types."""

    type: str
    mode: str | None
    modality: str
    probability: float
    scores: tuple[tuple[str, float], ...]


def prepare(candidate: Candidate, resolver: Resolver, lexicon: EventLexicon) -> Prepared | None:
    """Read the clause, type it by the lexicon's rules, resolve its actors; None if no one acted."""
    trigger = candidate.trigger
    reading = Reading(modality_of(trigger, lexicon), is_future(trigger, lexicon), is_willing(trigger, lexicon),
                      reported_clause(clause_verb(trigger), lexicon), condition_of(trigger))
    if not_an_actor(candidate, resolver, lexicon):
        return None  # "monsoon rains flooded", "crude futures retreated": no one acted
    rule = classify(candidate.entry, reading)
    sources, targets = resolve_arguments(candidate, resolver, lexicon.place_words)
    if candidate.entry.origin == UNLISTED and not sources and not (targets and is_passive(trigger)):
        return None  # a verb no lexicon lists needs its actor named ("the decision followed ...": no one acted)
    return Prepared(candidate, reading, rule, sources, targets)


def decide(prepared: Prepared, scores: TypeScores | None, no_event_floor: float = 0.0) -> Decision | None:
    """The type: the model's best label when there is a model, else the lexicon's rule.

    Offers, threats and refusals are what happened (modality actual), even when the act
    offered or threatened lies ahead.
    """
    entry, reading, rule = prepared.candidate.entry, prepared.reading, prepared.rule
    if scores is None:
        chosen, probability, ranked = rule.type, 1.0, ()
    else:
        chosen, probability, ranked = scores.best, scores.probability, scores.top()
        if chosen == NO_EVENT and entry.type and probability < no_event_floor:  # the lexicon listed it: doubt is not enough
            chosen, probability = scores.best_event()
    if not chosen or chosen == NO_EVENT:
        return None
    base = entry if chosen == entry.type else dataclasses.replace(entry, type=chosen, mode=None)
    conventions = classify(base, reading)  # the model names the act; PLOVER's rules say what an offer of it is
    mode = conventions.mode if conventions.type == chosen else None
    if conventions.type != chosen:
        chosen, mode = conventions.type, conventions.mode
    modality = reading.modality
    if chosen != base.type and (reading.willing or reading.announced or reading.condition):
        modality = "actual"
    return Decision(chosen, mode, modality, probability, ranked)


def build_records(candidates: list[Candidate], where: SentenceRef, resolver: Resolver,
                  lexicon: EventLexicon, model: TypeModel | None, start_ordinal: int = 0) -> list[tuple[EventRecord, Token]]:
    """All records of one sentence's kept candidates, numbered in order."""
    prepared = [p for p in (prepare(c, resolver, lexicon) for c in candidates) if p is not None]
    typed = [p for p in prepared if model is not None and not p.candidate.entry.origin.startswith(RULE)]
    by_model = dict(zip(map(id, typed), model.scores([p.view for p in typed]))) if model is not None else {}
    scores = [by_model.get(id(p)) for p in prepared]  # structural rules ("X said Y must ...") are not re-typed
    records: list[tuple[EventRecord, Token]] = []
    for item, score in zip(prepared, scores):
        decision = decide(item, score, model.no_event_floor if model is not None else 0.0)
        if decision is None:
            continue
        records += [(record_of(item, decision, where, start_ordinal + len(records) + n, source, target), item.candidate.trigger)
                    for n, (source, target) in enumerate(actor_pairs(item))]
    return records


def actor_pairs(item: Prepared) -> list[tuple[Actor | None, Actor | None]]:
    """One record per source × target, never an actor acting on itself."""
    pairs = [(s, t) for s in item.sources or [None] for t in item.targets or [None] if s is None or t is None or s != t]
    return pairs or [(None, None)]


def record_of(item: Prepared, decision: Decision, where: SentenceRef, ordinal: int,
              source: Actor | None, target: Actor | None) -> EventRecord:
    candidate = item.candidate
    trigger_text = candidate.trigger.text if candidate.host is None else f"{candidate.host.text} {candidate.trigger.text}"
    origin = candidate.entry.origin.rsplit("/", 1)[-1]
    entry = "not in the lexicon" if origin == UNLISTED else f"{candidate.entry.describe()} ({origin})"
    structural = confidence(candidate, source, target)
    score = structural if not decision.scores else round(0.5 * decision.probability + 0.5 * structural, 2)
    return EventRecord(
        doc_id=where.doc_id, event_id=f"{where.doc_id}:{where.index}:{ordinal}",
        type=decision.type, mode=decision.mode, context=item.rule.context,
        source=source, target=target, location=None,
        date=where.date, date_text=None, date_precision="none",
        modality=decision.modality, attribution=(), confirmation=None, segment="reporting",
        evidence=Evidence(where.span.text, where.span.start_char, where.span.end_char, trigger_text),
        confidence=score, explanation=Explanation(trigger_text, entry, candidate.clause, decision.scores),
    )


def select_records(candidates: list[Candidate], where: SentenceRef, resolver: Resolver,
                   lexicon: EventLexicon, model: TypeModel | None = None) -> list[tuple[EventRecord, Token]]:
    """A sentence's asserted events; its best subordinate one only when it asserts none.

    Complements of another event ("threatened to attack") are never coded twice.
    """
    free = [c for c in candidates if not c.clause.startswith("complement of")]
    records = build_records([c for c in free if c.asserted], where, resolver, lexicon, model)
    if records:  # asserted candidates the model calls no event ("negotiators return ...") do not count
        located = [c for c in free if not c.asserted and c.kind == "verb" and relative_place(c.trigger) is not None]
        extra = build_records(located, where, resolver, lexicon, model, start_ordinal=len(records))
        return records + [(r, t) for r, t in extra if r.source and r.target]  # "the region, where troops were deployed"
    rest = [c for c in free if not c.asserted]
    subordinate = [(r, t) for r, t in build_records(rest, where, resolver, lexicon, model) if r.source or r.target]
    return sorted(subordinate, key=lambda pair: -pair[0].confidence)[:1]
