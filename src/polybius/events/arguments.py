"""Source and target actors of a candidate: the argument heads that resolve, and the
conventions an analyst applies when the text names only a kind of actor or a place.

A target named only by kind ("students") is domestic; an attack in a city is an attack on
its country; protesters with no nationality are local to where they protest.
"""
from __future__ import annotations

from spacy.tokens import Token

from polybius.actors.resolve import Resolver
from polybius.events.extract import Candidate
from polybius.events.lexicon import EventLexicon
from polybius.records import Actor

MAX_ACTORS = 4
FORCE_CLASSES = {"@troops", "@police", "@militia", "@warship"}
PLACE_NOUNS = {"border", "frontier", "boundary", "side"}
TRANSNATIONAL = {"IGO", "NGO", "IMG", "MNC", "ISM"}
SOURCE_PLACE_PREPS = {"in", "from", "throughout", "across", "inside", "outside", "near", "at"}
COUNTERPART_TYPES = {"AGREE", "CONSULT", "COOPERATE"}  # no counterpart named: no target, even at home


def resolve_arguments(candidate: Candidate, resolver: Resolver,
                      place_words: frozenset[str] = frozenset()) -> tuple[list[Actor], list[Actor]]:
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
        sources = placed_sources(candidate, resolver, targets, place_words)
    if not targets:
        targets = placed_targets(candidate, resolver, sources)  # an attack in Tel Aviv is an attack on Israel
    if targets:
        return sources, targets
    if len(sources) > 1:
        return sources, sources  # "Jordan and Britain agreed": each the other's counterpart
    if sources and sources[0].code not in TRANSNATIONAL:
        return sources, domestic_target(candidate, resolver, sources[0])
    return sources, targets


def quantity_of(head: Token) -> list[Token]:
    """What a quantity or group noun counts: "students" in "thousands of students", "a group of refugees"."""
    return [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children if p.dep_ == "pobj"]


def place_within(head: Token, resolver: Resolver) -> str | None:
    """The country of a place named inside a noun phrase ("officers in Kabul", "fleeing ... in Sudan")."""
    for word in head.subtree:
        if word.dep_ == "pobj" and word.head.lower_ in SOURCE_PLACE_PREPS and word is not head:
            actor = resolver.resolve_one(word)
            if actor is not None and actor.code and actor.code not in TRANSNATIONAL:
                return actor.code
    return None


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
            where = place_within(head, resolver)  # "refugees fleeing the war in Sudan" are Sudan's
            return [Actor(found[0], where or source.code, found[1], None)]
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


def placed_sources(candidate: Candidate, resolver: Resolver, targets: list[Actor],
                   place_words: frozenset[str] = frozenset()) -> list[Actor]:
    """An actor named only by kind ("students", "gunmen") or not at all is local to where it acted.

    Protesters, police or attackers with no nationality take the country of the event's
    place ("in Kirkuk"); failing that, a kind of actor takes its target's country (a
    domestic event). Unattributed attacks and coercion take the place's country too.
    """
    own_places = [p for head in candidate.sources for prep in head.children  # "students throughout Indonesia"
                  if prep.dep_ == "prep" and prep.lower_ in SOURCE_PLACE_PREPS for p in prep.children if p.dep_ == "pobj"]
    own_places += [p for o in candidate.objects if o.lemma_.lower() in place_words
                   for p in (o, *quantity_of(o))]  # "thronged the streets of Nairobi"
    place = next((a for a in (resolver.resolve_one(p) or resolver.resolve_through_of(p) for p in own_places + candidate.places)
                  if a is not None and a.code and a.code not in TRANSNATIONAL), None)
    heads = [w for h in candidate.sources for w in (h, *quantity_of(h))]  # "thousands of students"
    kinds = [found for found in (resolver.sector_only(h) for h in heads) if found is not None]
    if kinds:
        text, sector = kinds[0]
        home = place or next((t for t in targets if t.code not in TRANSNATIONAL), None)
        return [Actor(text, home.code, sector, None)] if home is not None else []
    if place is not None and candidate.entry.type in ("ASSAULT", "COERCE") and not candidate.sources:
        return [Actor("", place.code, "UAF", None)]
    return []
