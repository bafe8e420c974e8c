"""The Coder: loads every resource once and runs the stages over a stream of articles.

Stages, in order (each its own module):
  read (polybius.read) → repair (text.repair) → segment (text.segment) → parse (spaCy
  ``nlp.pipe`` in batches) → actors (polybius.actors) → events (polybius.events) →
  provenance (polybius.provenance) → place/time → records (offsets mapped to the input).
Place and time are later stages: their record fields stay null until they are built.
The CLI, the store, the server and the Ray runner all call this Coder; nothing else runs
a stage on its own.
"""
from __future__ import annotations

import dataclasses
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.tokens import Doc, Span, Token

from polybius.actors.context import remember_mentions, remember_titles
from polybius.actors.lexicon import ActorLexicon
from polybius.actors.mentions import find_mentions
from polybius.actors.resolve import ActorContext, Resolver
from polybius.events.assemble import SentenceRef, select_records
from polybius.events.demands import with_demands
from polybius.events.extract import Candidate, extract_candidates, places_of
from polybius.events.lexicon import EventLexicon
from polybius.events.modality import clause_verb
from polybius.events.model import TypeModel
from polybius.events.unlisted import with_unlisted
from polybius.nlp import load_pipeline
from polybius.place import Gazetteer, Toponym, find_toponyms, toponym_at
from polybius.provenance.quotes import Quote
from polybius.provenance.sources import SourceLexicon
from polybius.provenance.stage import article_outlet, read_provenance
from polybius.records import Actor, Article, ArticleError, Document, Evidence, EventRecord, Location
from polybius.settings import Settings
from polybius.text.repair import RepairedText, repair_text
from polybius.text.segment import Segment, segment_text
from polybius.when import TimeExpression, clause_is_future, date_of_event, find_times

MAX_CHARS = 2_000_000


class Coder:
    """Articles in, Documents (with their EventRecords) out; resources loaded once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.actors = ActorLexicon.load(self.settings.actor_files)
        self.events = EventLexicon.load()
        self.sources = SourceLexicon.load()
        loader = ThreadPoolExecutor(max_workers=2)  # read while spaCy loads; all three spend time outside Python
        self._gazetteer = loader.submit(Gazetteer.load)
        self._type_model = loader.submit(TypeModel.load) if self.settings.type_model else None
        loader.shutdown(wait=False)
        self.nlp = load_pipeline(self.actors, self.settings.model, self.sources.patterns())
        self.nlp.max_length = MAX_CHARS
        self.known_words = self.nlp.vocab.strings

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer.result()

    @property
    def type_model(self) -> TypeModel | None:
        return self._type_model.result() if self._type_model is not None else None

    def use_type_model(self, model: TypeModel) -> None:
        """Type events with this model from now on (cross-validation swaps in each fold's)."""
        future: Future[TypeModel] = Future()
        future.set_result(model)
        self._type_model = future

    def is_known(self, word: str) -> bool:
        """A word the parser's vocabulary or our actor lexicon knows (repair never splits one)."""
        return word in self.known_words or bool(self.actors.lookup(word))

    def code_text(self, text: str, when: date | None = None, doc_id: str = "text") -> Document:
        """Code one text; the convenience entry point of the library."""
        result = next(iter(self.code_articles([Article(doc_id, text, when, origin=doc_id)])))
        if isinstance(result, ArticleError):
            raise ValueError(str(result))
        return result

    def resolve_phrase(self, phrase: str, when: date | None = None) -> Actor | None:
        """The actor a phrase names on a date ("the Kremlin", "four Saudi men")."""
        doc = self.nlp(phrase)
        mentions = find_mentions(doc, self.actors)
        resolver = Resolver(self.actors, mentions, ActorContext(when))
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None:
            return None
        nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN", "PRON") or t.i in mentions]
        heads = [root] if root in nouns or not nouns else nouns[-1:]
        actors = [a for head in heads for a in resolver.resolve(head)]
        return actors[0] if actors else None

    def code_articles(self, items: Iterable[Article | ArticleError]) -> Iterator[Document | ArticleError]:
        """Stream articles through the stages in batches, in input order; errors pass through."""
        iterator = iter(items)
        while True:
            batch = list(islice(iterator, self.settings.batch_size))
            if not batch:
                return
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article | ArticleError]) -> Iterator[Document | ArticleError]:
        articles = [item for item in batch if isinstance(item, Article) and len(item.text) <= MAX_CHARS]
        repaired = [repair_text(article.text, self.is_known) for article in articles]
        docs = self.nlp.pipe((r.text for r in repaired), batch_size=self.settings.batch_size,
                             n_process=self.settings.processes)
        coded = {id(article): (doc, fixed) for article, doc, fixed in zip(articles, docs, repaired)}
        for item in batch:
            if isinstance(item, ArticleError):
                yield item
            elif id(item) not in coded:
                yield ArticleError(item.origin, f"is too long ({len(item.text):,} characters; at most "
                                   f"{MAX_CHARS:,}); split it into articles", item.doc_id)
            else:
                yield self.code_doc(item, *coded[id(item)])

    def code_doc(self, article: Article, doc: Doc, repaired: RepairedText) -> Document:
        """The stages after parsing, for one article."""
        segments = segment_text(repaired.text)
        resolver = self.resolver_for(doc, article.date)
        when = article.date.isoformat() if article.date else None
        coded = []
        for index, sentence in enumerate(doc.sents):
            where = SentenceRef(article.doc_id, index, sentence, when)
            coded += select_records(self.candidates_of(sentence), where, resolver, self.events, self.type_model)
        outlet = article_outlet(repaired.text, article.outlet, self.sources)
        events, quotes = read_provenance(doc, coded, segments, resolver, self.sources, self.events, outlet)
        toponyms = find_toponyms(doc, self.gazetteer, [(a.text, a.code) for _, a, _ in resolver.context.recent if a.code])
        times = find_times(repaired.text, article.date, lambda offset: clause_is_future(doc, offset))
        events = [located(dated(event, trigger, times, when), trigger, toponyms)
                  for event, (_, trigger) in zip(events, coded)]
        return document_in_input_offsets(article, repaired, events, segments, quotes, times, toponyms, when)

    def resolver_for(self, doc: Doc, published: date | None) -> Resolver:
        """The actors stage for one parsed article: mentions, antecedents and titles remembered."""
        mentions = find_mentions(doc, self.actors)
        context = ActorContext(published)
        resolver = Resolver(self.actors, mentions, context)
        remember_mentions(mentions, resolver, context)
        remember_titles(doc, resolver, context)
        return resolver

    def candidates_of(self, sentence: Span, unlisted: bool | None = None) -> list[Candidate]:
        """The events stage's proposals for one sentence: lexicon triggers, demands, and, when a
        model will type them, asserted verbs the lexicon does not list."""
        candidates = extract_candidates(sentence, self.events)
        if self.settings.type_model if unlisted is None else unlisted:
            candidates = with_unlisted(sentence, candidates, self.events)
        return with_demands(sentence, candidates, self.events)


def dated(event: EventRecord, trigger: Token, times: list[TimeExpression], published: str | None) -> EventRecord:
    """The time stage for one event: its date, the words it came from, and their precision."""
    own = own_clause_offsets(trigger)
    in_clause = [t for t in times if any(start <= t.start < end for start, end in own)]
    sentence = trigger.sent
    found, text, precision = date_of_event(sentence.start_char, sentence.end_char, trigger.idx, in_clause, published)
    return dataclasses.replace(event, date=found, date_text=text, date_precision=precision)


def own_clause_offsets(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges of the trigger's own clause, without the other clauses nested in it."""
    verb = clause_verb(trigger)
    nested = [c for c in verb.subtree if c is not verb and c.dep_ in ("relcl", "advcl", "ccomp", "conj", "acl", "parataxis")
              and c.pos_ in ("VERB", "AUX") and not c.left_edge.i <= trigger.i <= c.right_edge.i]
    skipped = {t.i for c in nested for t in c.subtree}
    return [(t.idx, t.idx + len(t.text)) for t in verb.subtree if t.i not in skipped]


def located(event: EventRecord, trigger: Token, toponyms: list[Toponym]) -> EventRecord:
    """The place stage for one event: the first resolved place its clause puts it in."""
    host = trigger.head if trigger.head.pos_ in ("VERB", "AUX") else None
    regional = [p for w in (trigger, host) if w is not None for prep in w.children if prep.dep_ == "prep"
                for p in prep.children if p.dep_ == "pobj"]  # "focus on the Kursk region": regions and cities
    for word in places_of(trigger, host) + regional:
        toponym = toponym_at(toponyms, word)
        if toponym is not None and toponym.entry is not None and (word not in regional or toponym.entry.kind != "country"):
            entry = toponym.entry
            where = Location(toponym.text, entry.name, entry.country, entry.admin1, entry.lat, entry.lon)
            return dataclasses.replace(event, location=where)
    return event


def document_in_input_offsets(article: Article, repaired: RepairedText, events: list[EventRecord],
                              segments: list[Segment], quotes: list[Quote], times: list[TimeExpression],
                              toponyms: list[Toponym], when: str | None) -> Document:
    """The records stage: every offset mapped back to the text as given."""
    to_input = repaired.offsets.span_to_input
    mapped_events = []
    for event in events:
        start, end = to_input(event.evidence.start, event.evidence.end)
        evidence = Evidence(article.text[start:end], start, end, event.evidence.trigger)
        mapped_events.append(dataclasses.replace(event, evidence=evidence))
    mapped_segments = [dict(s.to_dict(), **dict(zip(("start", "end"), to_input(s.start, s.end)))) for s in segments]
    mapped_quotes = [q.to_dict(*to_input(q.start, q.end)) for q in quotes]
    mapped_places = [t.to_dict(*to_input(t.start, t.end)) for t in toponyms]
    mapped_times = [dict(t.to_dict(), **dict(zip(("start", "end"), to_input(t.start, t.end)))) for t in times]
    return Document(doc_id=article.doc_id, date=when, events=tuple(mapped_events),
                    repairs=tuple(r.to_dict() for r in repaired.repairs), segments=tuple(mapped_segments),
                    quotes=tuple(mapped_quotes), times=tuple(mapped_times), places=tuple(mapped_places),
                    article=article)
