"""Corroboration: event mentions across articles merge into events.

Two mentions are one event when they share type, source code and target code, their
dates lie within a day of each other, and their regions agree where both are known. The
index of existing events is loaded once and kept current as batches are written.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

WINDOW = timedelta(days=1)


@dataclass
class EventSpan:
    key: str
    first: date | None
    last: date | None
    admin1: str | None

    def admits(self, when: date | None, admin1: str | None) -> bool:
        if admin1 and self.admin1 and admin1 != self.admin1:
            return False
        if when is None or self.first is None:
            return when is None and self.first is None
        return self.first - WINDOW <= when <= (self.last or self.first) + WINDOW


class Corroborator:
    """Assigns each mention to an existing event or a new one."""

    def __init__(self) -> None:
        self.index: dict[tuple, list[EventSpan]] = defaultdict(list)

    @classmethod
    def load(cls, db: duckdb.DuckDBPyConnection) -> Corroborator:
        found = cls()
        for key, kind, source, target, first, last, admin1 in db.execute(
                "SELECT event_key, type, source_code, target_code, date_first, date_last, admin1 FROM events").fetchall():
            found.index[(kind, source, target)].append(EventSpan(key, first, last, admin1))
        return found

    def assign(self, event_id: str, kind: str, source: str | None, target: str | None, when: date | None,
               admin1: str | None) -> str:
        spans = self.index[(kind, source, target)]
        for span in spans:
            if span.admits(when, admin1):
                if when is not None:
                    span.first = min(span.first, when) if span.first else when
                    span.last = max(span.last, when) if span.last else when
                span.admin1 = span.admin1 or admin1
                return span.key
        key = "ev-" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]
        spans.append(EventSpan(key, when, when, admin1))
        return key
