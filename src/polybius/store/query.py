"""Reading the store: filtered queries over merged events or mentions, and raw SQL."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from polybius.errors import UsageError


@dataclass(frozen=True)
class EventFilter:
    """What a user asks for; every field optional."""

    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    country: str | None = None
    min_outlets: int | None = None
    mentions: bool = False  # one row per mention instead of per merged event
    include_commentary: bool = False

    def sql(self) -> tuple[str, list]:
        """The SELECT for this filter, with its parameters."""
        table = "mentions" if self.mentions or self.include_commentary else "events"
        first, last = ("date", "date") if table == "mentions" else ("date_first", "date_last")
        where, params = [], []
        if self.dyad:
            where.append("source_code = ? AND target_code = ?")
            params += list(self.dyad)
        if self.types:
            where.append(f"type IN ({', '.join('?' for _ in self.types)})")
            params += list(self.types)
        if self.since:
            where.append(f"{last} >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{first} <= ?")
            params.append(self.until)
        if self.country:
            where.append("(country = ? OR source_code = ? OR target_code = ?)")
            params += [self.country] * 3
        if self.min_outlets is not None:
            if table != "events":
                raise UsageError("--min-outlets counts outlets of merged events; it cannot be used with --mentions "
                                 "or --include-commentary")
            where.append("n_outlets >= ?")
            params.append(self.min_outlets)
        if table == "mentions" and not self.include_commentary:
            where.append("segment != 'commentary'")
        columns = "* EXCLUDE (record)" if table == "mentions" else "*"
        order = "date, event_id" if table == "mentions" else "date_first, event_key"
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return f"SELECT {columns} FROM {table}{clause} ORDER BY {order}", params


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.upper().split(":")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise UsageError(f"--dyad {value!r} is not SOURCE:TARGET; write two codes, e.g. --dyad USA:UKR")
    return parts[0], parts[1]


def run_query(db: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> duckdb.DuckDBPyRelation:
    """A relation the caller turns into rows, pandas (.df()), polars (.pl()) or Arrow (.to_arrow_table())."""
    try:
        return db.sql(sql, params=params) if params else db.sql(sql)
    except duckdb.Error as error:
        raise UsageError(f"the query failed: {error}. Check the SQL against the tables articles, mentions, "
                         "events and errors (schema.sql)") from None
