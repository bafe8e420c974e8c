"""The one writer of the store: codes articles with the Coder and commits them batch by batch.

Each batch (articles, their mentions, the events they update, and the errors met) is one
transaction: an interrupted run (Ctrl-C, kill -9) loses at most the batch in flight and
never leaves half of one. Articles are keyed by their id and a hash of their text, so a
re-run skips what is stored and duplicates nothing.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path

import duckdb

from polybius.records import Article, ArticleError, Document, EventRecord
from polybius.store.corroborate import Corroborator
from polybius.store.dedup import DuplicateFinder, signature
from polybius.store.migrate import migrate

REFRESH_EVENTS = """
INSERT OR REPLACE INTO events
SELECT m.event_key, any_value(m.type), any_value(m.source_code), any_value(m.target_code),
       any_value(m.country), max(m.admin1), min(m.date), max(m.date),
       count(*), count(DISTINCT m.article_key), count(DISTINCT coalesce(m.outlet, m.article_key)),
       min(a.ingested_at), max(a.ingested_at),
       to_json(list(DISTINCT m.outlet) FILTER (WHERE m.outlet IS NOT NULL)),
       to_json(list(DISTINCT json_extract(m.record, '$.attribution')) FILTER (WHERE json_array_length(json_extract(m.record, '$.attribution')) > 0)),
       to_json(list(DISTINCT m.confirmation) FILTER (WHERE m.confirmation IS NOT NULL))
FROM mentions m JOIN articles a USING (article_key)
WHERE m.event_key IN (SELECT unnest(?))
GROUP BY m.event_key
"""


def article_key(article: Article) -> str:
    return f"{article.doc_id}|{hashlib.sha1(article.text.encode('utf-8')).hexdigest()[:16]}"


@dataclass
class IngestReport:
    """What one ingest run did."""

    articles: int = 0
    skipped: int = 0
    duplicates: int = 0
    mentions: int = 0
    errors: int = 0
    event_keys: set[str] = field(default_factory=set)


class Store:
    """A DuckDB file holding articles, mentions, merged events and errors."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.db = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            migrate(self.db)

    def close(self) -> None:
        self.db.close()

    def query(self, sql: str | None = None, **filters) -> duckdb.DuckDBPyRelation:
        """Merged events (or any SQL) as a DuckDB relation: `.df()` for pandas, `.pl()` for polars,
        `.to_arrow_table()` for Arrow (install the `frames` extra for those libraries).

            Store("events.duckdb", read_only=True).query(dyad=("USA", "UKR"), min_outlets=2).df()
        """
        from polybius.store.query import EventFilter, run_query

        if sql is not None:
            return run_query(self.db, sql)
        return run_query(self.db, *EventFilter(**filters).sql())

    def stored_keys(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT article_key FROM articles").fetchall()}

    def ingest(self, items: Iterable[Article | ArticleError], coder, batch_size: int = 64,
               on_batch: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Code and store a stream of articles; errors become rows of `errors`; stored articles are skipped."""
        report = IngestReport()
        stored = self.stored_keys()
        duplicates = self.load_duplicate_index()
        corroborator = Corroborator.load(self.db)
        iterator = iter(items)
        while True:
            batch = list(islice(iterator, batch_size))
            if not batch:
                break
            fresh: list[Article | ArticleError] = []
            for item in batch:
                if isinstance(item, Article):
                    key = article_key(item)
                    if key in stored:
                        report.skipped += 1
                        continue
                    stored.add(key)
                fresh.append(item)
            self.write_batch(coder.code_articles(fresh), duplicates, corroborator, report)
            if on_batch is not None:
                on_batch(report)
        return report

    def load_duplicate_index(self) -> DuplicateFinder:
        finder = DuplicateFinder()
        for key, data in self.db.execute("SELECT article_key, minhash FROM articles WHERE minhash IS NOT NULL").fetchall():
            finder.add(key, DuplicateFinder.from_bytes(data))
        return finder

    def write_batch(self, results: Iterator[Document | ArticleError], duplicates: DuplicateFinder,
                    corroborator: Corroborator, report: IngestReport) -> None:
        """One transaction: the batch's articles, mentions, errors, and the events they touch."""
        now = datetime.now()
        touched: set[str] = set()
        self.db.execute("BEGIN TRANSACTION")
        try:
            for result in results:
                if isinstance(result, ArticleError):
                    self.db.execute("INSERT INTO errors VALUES (?, ?, ?, ?)",
                                    [result.origin, result.doc_id, result.message, now])
                    report.errors += 1
                    continue
                touched |= self.write_document(result, now, duplicates, corroborator, report)
            if touched:
                self.db.execute(REFRESH_EVENTS, [sorted(touched)])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        report.event_keys |= touched

    def write_document(self, document: Document, now: datetime, duplicates: DuplicateFinder,
                       corroborator: Corroborator, report: IngestReport) -> set[str]:
        article = document.article
        key = article_key(article)
        minhash = signature(article.text)
        original = duplicates.original_of(minhash)
        duplicates.add(key, minhash)
        outlet = article.outlet or next((a.text for e in document.events for a in e.attribution[:1]
                                         if a.kind == "media"), None)
        self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [key, article.doc_id, article.origin, article.date, outlet, article.title, article.url,
                         key.split("|")[1], DuplicateFinder.to_bytes(minhash), original, len(document.events), now])
        report.articles += 1
        report.duplicates += original is not None
        touched = set()
        for event in document.events:
            counted = original is None and event.segment != "commentary" and bool(code(event.source) or code(event.target))
            event_key = corroborator.assign(event.event_id, event.type, code(event.source), code(event.target),
                                            as_date(event.date), event.location.admin1 if event.location else None) \
                if counted else None
            self.db.execute("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            "?, ?, ?, ?, ?)", mention_row(event, key, event_key, outlet))
            report.mentions += 1
            if event_key:
                touched.add(event_key)
        return touched


def code(actor) -> str | None:
    return actor.code if actor is not None else None


def as_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


def mention_row(event: EventRecord, key: str, event_key: str | None, outlet: str | None) -> list:
    where = event.location
    source, target = event.source, event.target
    return [f"{key}:{event.event_id}", key, event_key, event.type, event.mode,
            code(source), source.sector if source else None, source.name if source else None,
            code(target), target.sector if target else None, target.name if target else None,
            where.country if where else None, where.admin1 if where else None, where.name if where else None,
            where.lat if where else None, where.lon if where else None,
            as_date(event.date), event.date_precision, event.modality, event.confirmation, event.segment,
            outlet, event.confidence, json.dumps(event.to_dict(), ensure_ascii=False)]
