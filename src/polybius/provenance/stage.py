"""The provenance stage: segment, attribution, confirmation and quotes for one article's events.

Runs after the events stage, over the parsed (repaired) text: each event gets the segment
its trigger lies in, the chain of who says so, and any confirmation or denial that
refers to it; each quotation gets its speaker.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict

from spacy.tokens import Doc, Token

from polybius.actors.resolve import Resolver
from polybius.events.lexicon import EventLexicon
from polybius.provenance.attribution import AttributionReader, paragraph_index
from polybius.provenance.confirmation import LOOKBACK_SENTENCES, find_statements, in_clause
from polybius.provenance.quotes import Quote, speaker_token, text_between
from polybius.provenance.sources import SourceClassifier, SourceLexicon
from polybius.records import Attribution, EventRecord
from polybius.text.segment import Segment, segment_at

Coded = tuple[EventRecord, Token]


def find_quotes(doc: Doc, segments: list[Segment], resolver: Resolver, lexicon: EventLexicon) -> list[Quote]:
    quotes = []
    for segment in (s for s in segments if s.kind == "quote"):
        token = speaker_token(doc, segment.start, segment.end, lexicon)
        actor = resolver.resolve_one(token) if token is not None else None
        quotes.append(Quote(segment.start, segment.end, text_between(doc, segment.start, segment.end), token, actor))
    return quotes


def quote_attribution(quote: Quote, classifier: SourceClassifier) -> tuple[Attribution, ...]:
    if quote.speaker_token is None:
        return (Attribution("", "unknown", None),)
    found = classifier.classify(quote.speaker_token, [])
    if quote.speaker is not None:
        kind = found[0].kind if found and found[0].kind != "unknown" else "person"
        return (Attribution(quote.speaker_token.text if quote.speaker.name is None else quote.speaker.name, kind,
                            quote.speaker.code),)
    return tuple(found)


def read_provenance(doc: Doc, coded: list[Coded], segments: list[Segment], resolver: Resolver,
                    sources: SourceLexicon, lexicon: EventLexicon) -> tuple[list[EventRecord], list[Quote]]:
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
            records[index] = dataclasses.replace(record, segment=kind, attribution=chain)
        reader.close_sentence(sentence, chains, paragraphs[number])
        apply_statements(doc, number, sentence, coded, records, by_sentence, classifier, reader, lexicon)
    return records, quotes


def apply_statements(doc: Doc, number: int, sentence, coded: list[Coded], records: list[EventRecord],
                     by_sentence: dict[int, list[int]], classifier: SourceClassifier, reader: AttributionReader,
                     lexicon: EventLexicon) -> None:
    """Confirmations and denials in a sentence, applied to the events they refer to."""
    for statement in find_statements(sentence, lexicon):
        if statement.clause is not None:
            targets = [i for i in by_sentence.get(number, []) if in_clause(coded[i][1], statement.clause)]
        else:
            targets = [i for back in range(max(0, number - LOOKBACK_SENTENCES), number)
                       for i in by_sentence.get(back, []) if records[i].attribution and records[i].segment == "reporting"]
        party = classifier.classify(statement.speaker, reader.recent_outlets) if statement.speaker is not None else []
        for index in targets:
            record = records[index]
            chain = record.attribution + tuple(p for p in party if p not in record.attribution)
            records[index] = dataclasses.replace(record, confirmation=statement.value, attribution=chain)
