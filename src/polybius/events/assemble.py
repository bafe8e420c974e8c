"""Candidates + resolved actors → EventRecords: one record per source × target pair.

Compound actors give one event per actor ("Jordan and Britain agreed" → JOR and GBR,
each with the other as counterpart). Confidence rises when the trigger's clause is
asserted, its entry is specific, and source and target are both resolved.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Span, Token

from polybius.actors.resolve import Resolver
from polybius.events.classify import EventType, Reading, classify
from polybius.events.extract import Candidate, relative_place
from polybius.events.features import CandidateView, view_of
from polybius.events.lexicon import EventLexicon
from polybius.events.model import NO_EVENT, TypeModel, TypeScores
from polybius.events.unlisted import UNLISTED
from polybius.events.modality import clause_verb, condition_of, is_future, is_willing, modality_of, reported_clause
from polybius.records import Actor, Evidence, EventRecord, Explanation

MAX_ACTORS = 4
FORCE_CLASSES = {"@troops", "@police", "@militia", "@warship"}
PLACE_NOUNS = {"border", "frontier", "boundary", "side"}
TRANSNATIONAL = {"IGO", "NGO", "IMG", "MNC", "ISM"}
SOURCE_PLACE_PREPS = {"in", "from", "throughout", "across", "inside", "outside", "near", "at"}
RULE = "rule:"  # origin of entries made by a structural rule, not read from a lexicon file
COUNTERPART_TYPES = {"AGREE", "CONSULT", "COOPERATE"}  # no counterpart named: no target, even at home


@dataclass(frozen=True)
class SentenceRef:
    """Where a sentence sits: its article, index, and offsets into the input as given."""

    doc_id: str
    index: int
    span: Span
    date: str | None


def resolve_arguments(candidate: Candidate, resolver: Resolver) -> tuple[list[Actor], list[Actor]]:
    """Source and target actors: the first argument head that resolves, for each side.

    A target that names only a kind of actor ("opposition figure X", "students") is taken
    to be domestic: it gets the source's country, as an analyst would code it.
    """
    sources = first_resolved(candidate.sources, resolver)
    if not sources and candidate.entry.object in FORCE_CLASSES:  # "North Korean troops were deployed"
        sources = first_resolved(candidate.objects, resolver)
    own_codes = {a.code for a in sources}
    own = [t for t in candidate.targets if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
           and any(a.code in own_codes for a in resolver.resolve(t))]  # "its troops" are the source's own
    targets = first_resolved([t for t in candidate.targets if t not in own], resolver, exclude=sources)
    if not sources:
        sources = placed_sources(candidate, resolver, targets)
    if not targets:
        targets = placed_targets(candidate, resolver, sources)  # an attack in Tel Aviv is an attack on Israel
    if targets:
        return sources, targets
    if len(sources) > 1:
        return sources, sources  # "Jordan and Britain agreed": each the other's counterpart
    if sources and sources[0].code not in TRANSNATIONAL:
        return sources, domestic_target(candidate, resolver, sources[0])
    return sources, targets


def at_home(candidate: Candidate, resolver: Resolver, source: Actor) -> bool:
    """Whether the event's clause places it in the source's own country ("lifted curfews in Darfur")."""
    return any((actor := resolver.resolve_one(p) or resolver.resolve_through_of(p)) is not None
               and actor.code == source.code for p in candidate.places)


def placed_targets(candidate: Candidate, resolver: Resolver, sources: list[Actor]) -> list[Actor]:
    """The country an attack took place in, when no target is named and it is not the attacker's own."""
    own = {a.code for a in sources}
    for head in candidate.places:
        actor = resolver.resolve_one(head) or resolver.resolve_through_of(head)
        if actor is not None and actor.code and actor.code not in TRANSNATIONAL and actor.code not in own:
            return [Actor(actor.text, actor.code, None, actor.name)]
    return []


def domestic_target(candidate: Candidate, resolver: Resolver, source: Actor) -> list[Actor]:
    """A target named only by kind is in the source's country; a protest is against its government."""
    instruments = candidate.objects if candidate.entry.object in FORCE_CLASSES else []
    for head in (t for t in candidate.targets if t not in instruments):  # troops sent are not the target
        found = resolver.sector_only(head)
        if found is not None and found[1] != source.sector:
            return [Actor(found[0], source.code, found[1], None)]
    if candidate.entry.type == "PROTEST":
        return [Actor("", source.code, "GOV", resolver.lexicon.country_names.get(source.code or ""))]
    if candidate.entry.type not in COUNTERPART_TYPES and at_home(candidate, resolver, source):
        return [Actor("", source.code, None, resolver.lexicon.country_names.get(source.code or ""))]
    return []


def first_resolved(heads: list, resolver: Resolver, exclude: list[Actor] | None = None) -> list[Actor]:
    excluded = {(a.code, a.sector) for a in exclude or []}
    for head in heads:
        if head.lemma_.lower() in PLACE_NOUNS:
            continue  # "on the Thai border" says where, not against whom
        actors = [a for a in resolver.resolve(head) if (a.code, a.sector) not in excluded and a.code]
        if actors:
            return actors[:MAX_ACTORS]
    return []


def not_an_actor(candidate: Candidate, resolver: Resolver, lexicon: EventLexicon) -> bool:
    """A verb whose own subject is a thing that cannot act: not a name, kind of actor, pronoun or event."""
    if candidate.kind != "verb" or not candidate.sources:
        return False
    subject = candidate.sources[0]
    if subject.dep_ not in ("nsubj",) or subject.head is not candidate.trigger:
        return False
    if subject.pos_ in ("PRON", "PROPN", "NUM") or subject.i in resolver.mentions:
        return False
    if resolver.sector_of(subject)[0] is not None or any(k in lexicon.nouns for k in (subject.lemma_.lower(),)):
        return False
    return not resolver.resolve(subject)


def placed_sources(candidate: Candidate, resolver: Resolver, targets: list[Actor]) -> list[Actor]:
    """An actor named only by kind ("students", "gunmen") or not at all is local to where it acted.

    Protesters, police or attackers with no nationality take the country of the event's
    place ("in Kirkuk"); failing that, a kind of actor takes its target's country (a
    domestic event). Unattributed attacks and coercion take the place's country too.
    """
    own_places = [p for head in candidate.sources for prep in head.children  # "students throughout Indonesia"
                  if prep.dep_ == "prep" and prep.lower_ in SOURCE_PLACE_PREPS for p in prep.children if p.dep_ == "pobj"]
    place = next((a for a in (resolver.resolve_one(p) or resolver.resolve_through_of(p) for p in own_places + candidate.places)
                  if a is not None and a.code and a.code not in TRANSNATIONAL), None)
    kinds = [found for found in (resolver.sector_only(h) for h in candidate.sources) if found is not None]
    if kinds:
        text, sector = kinds[0]
        home = place or next((t for t in targets if t.code not in TRANSNATIONAL), None)
        return [Actor(text, home.code, sector, None)] if home is not None else []
    if place is not None and candidate.entry.type in ("ASSAULT", "COERCE") and not candidate.sources:
        return [Actor("", place.code, "UAF", None)]
    return []


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
    view: CandidateView


@dataclass(frozen=True)
class Decision:
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
    sources, targets = resolve_arguments(candidate, resolver)
    return Prepared(candidate, reading, rule, sources, targets, view_of(candidate, reading, rule.type, sources, targets))


def decide(prepared: Prepared, scores: TypeScores | None) -> Decision | None:
    """The type: the model's best label when there is a model, else the lexicon's rule.

    Offers, threats and refusals are what happened (modality actual), even when the act
    offered or threatened lies ahead.
    """
    entry, reading, rule = prepared.candidate.entry, prepared.reading, prepared.rule
    if scores is None:
        chosen, probability, ranked = rule.type, 1.0, ()
    else:
        chosen, probability, ranked = scores.best, scores.probability, scores.top()
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
        decision = decide(item, score)
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
    asserted = [c for c in free if c.asserted]
    if asserted:
        records = build_records(asserted, where, resolver, lexicon, model)
        located = [c for c in free if not c.asserted and c.kind == "verb" and relative_place(c.trigger) is not None]
        extra = build_records(located, where, resolver, lexicon, model, start_ordinal=len(records))
        return records + [(r, t) for r, t in extra if r.source and r.target]  # "the region, where troops were deployed"
    subordinate = [(r, t) for r, t in build_records(free, where, resolver, lexicon, model) if r.source or r.target]
    return sorted(subordinate, key=lambda pair: -pair[0].confidence)[:1]
