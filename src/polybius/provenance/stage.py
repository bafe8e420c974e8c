"""The provenance stage: segment, attribution, confirmation and quotes for one article's events.

Runs after the events stage, over the parsed (repaired) text: each event gets the segment
its trigger lies in, the chain of who says so, and any confirmation or denial that
refers to it; each quotation gets its speaker.
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from spacy.tokens import Doc, Token

from polybius.actors.resolve import Resolver
from polybius.events.lexicon import EventLexicon
from polybius.provenance.attribution import AttributionReader, paragraph_index
from polybius.provenance.confirmation import DENIAL_OBJECTS, LOOKBACK_SENTENCES, find_statements, in_clause
from polybius.provenance.quotes import Quote, speaker_token, text_between
from polybius.provenance.sources import SourceClassifier, SourceLexicon
from polybius.records import Actor, Attribution, EventRecord
from polybius.text.segment import Segment, segment_at

Coded = tuple[EventRecord, Token]
DATELINE = re.compile(r"^[^\n]{0,80}?[(\[]([A-Z][\w .&'-]{1,40})[)\]]\s*[-–—]", re.MULTILINE)


def find_quotes(doc: Doc, segments: list[Segment], resolver: Resolver, lexicon: EventLexicon) -> list[Quote]:
    quotes = []
    for segment in (s for s in segments if s.kind == "quote"):
        token = speaker_token(doc, segment.start, segment.end, lexicon)
        actor = resolver.resolve_one(token) if token is not None else None
        if actor is None and token is not None and resolver.sector_only(token) is not None:
            actor = speaking_for(token, resolver)  # "a military spokesman": of the country in the news
        quotes.append(Quote(segment.start, segment.end, text_between(doc, segment.start, segment.end), token, actor))
    return quotes


def speaking_for(token: Token, resolver: Resolver) -> Actor | None:
    """An official named only by role speaks for the article's latest state or organisation."""
    found = resolver.sector_only(token)
    antecedent = resolver.context.antecedent(False, token.i)
    if found is None or antecedent is None:
        return None
    return Actor(found[0], antecedent.code, found[1], None)


def quote_attribution(quote: Quote, classifier: SourceClassifier) -> tuple[Attribution, ...]:
    if quote.speaker_token is None:
        return (Attribution("", "unknown", None),)
    found = classifier.classify(quote.speaker_token, [])
    if quote.speaker is not None:
        kind = found[0].kind if found and found[0].kind != "unknown" else "person"
        return (Attribution(quote.speaker_token.text if quote.speaker.name is None else quote.speaker.name, kind,
                            quote.speaker.code),)
    return tuple(found)


def article_outlet(text: str, declared: str | None, sources: SourceLexicon) -> Attribution | None:
    """The outlet publishing the article: its metadata, else a dateline ("KYIV (Reuters) -")."""
    if declared:
        found = sources.outlet_in(declared)
        return Attribution(declared, "media", found[1] if found else None)
    match = DATELINE.search(text[:300])
    if match:
        found = sources.outlet_in(match.group(1))
        if found:
            return Attribution(found[2], "media", found[1])
    return None


def reporting_outlet(sentence, reader: AttributionReader) -> Attribution | None:
    """The outlet an article's opening sentence says reports the story, if any."""
    chain = reader.chain_for(sentence.root)
    return next((a for a in chain if a.kind == "media"), None)


def with_outlet(chain: tuple[Attribution, ...], outlet: Attribution | None) -> tuple[Attribution, ...]:
    """Reported events are the outlet's report of its sources: the outlet comes first."""
    if outlet is None or not chain or any(a.kind == "media" and a.code == outlet.code for a in chain):
        return chain
    return (outlet, *chain)


def read_provenance(doc: Doc, coded: list[Coded], segments: list[Segment], resolver: Resolver,
                    sources: SourceLexicon, lexicon: EventLexicon,
                    outlet: Attribution | None = None) -> tuple[list[EventRecord], list[Quote]]:
    """Events with segment, attribution and confirmation filled; the article's quotes."""
    classifier = SourceClassifier(sources, resolver)
    reader = AttributionReader(classifier, lexicon)
    quotes = find_quotes(doc, segments, resolver, lexicon)
    paragraphs = paragraph_index(doc)
    by_sentence: dict[int, list[int]] = defaultdict(list)
    sentence_starts = [s.start for s in doc.sents]
    for index, (_, trigger) in enumerate(coded):
        by_sentence[sentence_starts.index(trigger.sent.start)].append(index)
    records = [record for record, _ in coded]
    for number, sentence in enumerate(doc.sents):
        reader.outlets_named(sentence)
        if outlet is None and number < 2:
            outlet = reporting_outlet(sentence, reader)  # "The Washington Post reported ... " opens the story
        chains = []
        for index in by_sentence.get(number, []):
            record, trigger = coded[index]
            segment = segment_at(segments, trigger.idx)
            kind = segment.kind if segment is not None else "reporting"
            if kind == "quote":
                quote = next(q for q in quotes if q.start <= trigger.idx < q.end)
                chain = quote_attribution(quote, classifier)
            elif kind == "commentary":
                chain = ()
            else:
                chain = reader.attribute(trigger, paragraphs[number])
                chains.append(chain)
                chain = with_outlet(chain, outlet)
            records[index] = dataclasses.replace(record, segment=kind, attribution=chain)
        reader.close_sentence(sentence, chains, paragraphs[number])
        apply_statements(doc, number, sentence, coded, records, by_sentence, classifier, reader, lexicon)
    return records, quotes


def apply_statements(doc: Doc, number: int, sentence, coded: list[Coded], records: list[EventRecord],
                     by_sentence: dict[int, list[int]], classifier: SourceClassifier, reader: AttributionReader,
                     lexicon: EventLexicon) -> None:
    """Confirmations and denials in a sentence, applied to the events they refer to."""
    for statement in find_statements(sentence, lexicon):
        scope = statement_scope(statement, lexicon)
        if scope == "clause":
            targets = [i for i in by_sentence.get(number, []) if in_clause(coded[i][1], statement.clause)]
            if not targets or all(records[i].attribution == () for i in targets):
                kinds = {records[i].type for i in targets} or clause_types(statement.clause, lexicon)
                earlier = [i for back in range(max(0, number - LOOKBACK_SENTENCES), number)
                           for i in by_sentence.get(back, []) if records[i].type in kinds]
                targets = earlier or targets  # "denied that its fighters had fired": the shelling reported before
        elif scope is None:
            continue
        else:
            targets = [i for back in range(max(0, number - LOOKBACK_SENTENCES), number)
                       for i in by_sentence.get(back, []) if records[i].segment == "reporting"
                       and (records[i].attribution or scope != "reported") and (scope in ("reported",) or
                                                                                  records[i].type == scope)]
        party = classifier.classify(statement.speaker, reader.recent_outlets) if statement.speaker is not None else []
        for index in targets:
            record = records[index]
            if statement.value == "unconfirmed" and record.confirmation in ("confirmed", "denied"):
                continue  # one party declining to comment does not undo another's denial
            chain = record.attribution + tuple(p for p in party if p not in record.attribution)
            records[index] = dataclasses.replace(record, confirmation=statement.value, attribution=chain)


def clause_types(clause: Token, lexicon: EventLexicon) -> set[str]:
    """The event types a that-clause speaks of, from the verbs and event nouns in it."""
    types = set()
    for token in clause.subtree:
        entries = lexicon.verbs.get(token.lemma_.lower()) or lexicon.nouns.get(token.lemma_.lower()) or []
        types |= {e.type for e in entries[:1]}
    return types


def statement_scope(statement, lexicon: EventLexicon) -> str | None:
    """What a statement is about: its own clause, the claims just reported, events of one type, or nothing.

    "denied that X" → its clause; "did not confirm this information", "declined to comment"
    → the claims just reported; "confirmed the launch" → the events of that kind; "denied
    targeting civilians" speaks of no reported event.
    """
    if statement.clause is not None:
        return "clause"
    verb = statement.verb
    objects = [c for c in verb.children if c.dep_ in ("dobj", "pobj") or (c.dep_ == "prep" and c.lower_ == "on")]
    objects = [g for o in objects for g in ([o] if o.dep_ != "prep" else [p for p in o.children if p.dep_ == "pobj"])]
    if any(c.dep_ in ("xcomp", "pcomp") or c.tag_ == "VBG" for c in verb.children):
        return None
    if not objects:
        return "reported"
    head = objects[0]
    if head.lemma_.lower() in DENIAL_OBJECTS or head.pos_ == "PRON" or any(
            c.lower_ in ("this", "these", "that", "those") for c in head.children):
        return "reported"
    entries = lexicon.nouns.get(head.lemma_.lower())
    return entries[0].type if entries else None
