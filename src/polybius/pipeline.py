"""The Coder: loads every resource once and runs the stages over a stream of articles.

Stages, in order (each its own module):
  read (polybius.read) → repair → segment → parse (spaCy ``nlp.pipe`` in batches)
  → actors (polybius.actors) → events (polybius.events) → provenance → place/time → records.
Repair, segmentation, provenance, place and time are later stages: their record fields
stay empty or null until they are built. The CLI, the store, the server and the Ray
runner all call this Coder; nothing else runs a stage on its own.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from polybius.actors.lexicon import ActorLexicon
from polybius.actors.mentions import Mention, find_mentions
from polybius.actors.resolve import ActorContext, Resolver, choose_entry
from polybius.events.assemble import SentenceRef, build_records
from polybius.events.demands import with_demands
from polybius.events.extract import Candidate, extract_candidates, relative_place
from polybius.events.lexicon import EventLexicon
from polybius.nlp import load_pipeline
from polybius.records import Actor, Article, ArticleError, Document, EventRecord
from polybius.settings import Settings

MAX_CHARS = 2_000_000


class Coder:
    """Articles in, Documents (with their EventRecords) out; resources loaded once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.actors = ActorLexicon.load(self.settings.actor_files)
        self.events = EventLexicon.load()
        self.nlp = load_pipeline(self.actors, self.settings.model)
        self.nlp.max_length = MAX_CHARS

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
        docs = self.nlp.pipe((a.text for a in articles), batch_size=self.settings.batch_size,
                             n_process=self.settings.processes)
        coded = {id(article): doc for article, doc in zip(articles, docs)}
        for item in batch:
            if isinstance(item, ArticleError):
                yield item
            elif id(item) not in coded:
                yield ArticleError(item.origin, f"is too long ({len(item.text):,} characters; at most "
                                   f"{MAX_CHARS:,}); split it into articles", item.doc_id)
            else:
                yield self.code_doc(item, coded[id(item)])

    def code_doc(self, article: Article, doc: Doc) -> Document:
        """The stages after parsing, for one article."""
        mentions = find_mentions(doc, self.actors)
        context = ActorContext(article.date)
        resolver = Resolver(self.actors, mentions, context)
        remember_mentions(mentions, resolver, context)
        when = article.date.isoformat() if article.date else None
        events: list[EventRecord] = []
        for index, sentence in enumerate(doc.sents):
            where = SentenceRef(article.doc_id, index, sentence, when)
            candidates = with_demands(sentence, extract_candidates(sentence, self.events), self.events)
            events += select_records(candidates, where, resolver, self.events)
        return Document(doc_id=article.doc_id, date=when, events=tuple(events))


def remember_mentions(mentions: dict[int, Mention], resolver: Resolver, context: ActorContext) -> None:
    """Every named actor of the article, in order: the antecedents of its pronouns and titles.

    Names the lexicon lacks ("King Hassan of Morocco") are resolved through their phrase.
    """
    seen: set[int] = set()
    for mention in mentions.values():
        if mention.span.start in seen:
            continue
        seen.add(mention.span.start)
        actor = resolver.resolve_one(mention.span.root)  # the phrase decides: "Bosnian Serbs" is BIH
        if actor is None and mention.entries:
            entry, sector = choose_entry(list(mention.entries), context.when)
            actor = Actor(mention.span.text, entry.code, sector, entry.name)
        if actor is not None:
            context.remember(actor, mention.is_person, position=mention.span.start)
    context.recent.sort(key=lambda item: item[0])


def select_records(candidates: list[Candidate], where: SentenceRef, resolver: Resolver,
                   lexicon: EventLexicon) -> list[EventRecord]:
    """A sentence's asserted events; its best subordinate one only when it asserts none.

    Complements of another event ("threatened to attack") are never coded twice.
    """
    free = [c for c in candidates if not c.clause.startswith("complement of")]
    asserted = [c for c in free if c.asserted]
    if asserted:
        records = build_records(asserted, where, resolver, lexicon)
        located = [c for c in free if not c.asserted and c.kind == "verb" and relative_place(c.trigger) is not None]
        extra = build_records(located, where, resolver, lexicon, start_ordinal=len(records))
        return records + [r for r in extra if r.source and r.target]  # "the region, where troops were deployed"
    subordinate = [r for r in build_records(free, where, resolver, lexicon) if r.source or r.target]
    return sorted(subordinate, key=lambda r: -r.confidence)[:1]


def default_actor_files(paths: Iterable[str | Path]) -> tuple[Path, ...]:
    return tuple(Path(p) for p in paths)
