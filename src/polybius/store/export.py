"""Exports: Parquet and CSV tables, PLOVER/POLECAT-style JSON lines, GDELT-2.0-style events TSV."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb

from polybius.errors import UsageError
from polybius.lexicon import read_tsv, shipped_path

FORMATS = ("parquet", "csv", "plover", "gdelt")
GDELT_COLUMNS = ("GlobalEventID", "Day", "Actor1CountryCode", "Actor1Type1Code", "Actor2CountryCode",
                 "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_CountryCode",
                 "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "PLOVERType")


def cameo_table() -> dict[str, dict[str, str]]:
    path = shipped_path("polybius.store", "data") / "plover_cameo.tsv"
    return {row["type"]: row.fields for row in read_tsv(path, ("type", "cameo_root", "quad_class", "score"))}


def export(db: duckdb.DuckDBPyConnection, fmt: str, destination: Path) -> int:
    """Write the merged events in a format; returns the number of rows written."""
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    count = db.execute("SELECT count(*) FROM events").fetchone()[0]
    if fmt in ("parquet", "csv"):
        option = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER)"
        db.execute(f"COPY (SELECT * FROM events ORDER BY date_first, event_key) TO '{destination}' {option}")
        return count
    rows = db.execute("SELECT * FROM events ORDER BY date_first, event_key").fetchall()
    names = [d[0] for d in db.description]
    with destination.open("w", encoding="utf-8") as out:
        if fmt == "plover":
            for row in rows:
                out.write(json.dumps(plover_record(dict(zip(names, row))), ensure_ascii=False, default=str) + "\n")
        else:
            table = cameo_table()
            out.write("\t".join(GDELT_COLUMNS) + "\n")
            for number, row in enumerate(rows, start=1):
                out.write("\t".join(gdelt_row(number, dict(zip(names, row)), table)) + "\n")
    return count


def plover_record(event: dict) -> dict:
    """A merged event in the PLOVER/POLECAT JSON shape."""
    return {"id": event["event_key"], "event_type": event["type"], "event_date": event["date_first"],
            "actor": {"country": event["source_code"]}, "recipient": {"country": event["target_code"]},
            "location": {"country": event["country"], "admin1": event["admin1"]},
            "num_mentions": event["n_mentions"], "num_articles": event["n_articles"],
            "num_sources": event["n_outlets"], "sources": json.loads(event["outlets"] or "[]"),
            "confirmations": json.loads(event["confirmations"] or "[]")}


def gdelt_row(number: int, event: dict, table: dict[str, dict[str, str]]) -> list[str]:
    cameo = table.get(event["type"], {})
    root = cameo.get("cameo_root", "")
    day = event["date_first"].strftime("%Y%m%d") if event["date_first"] else ""
    return [str(number), day, event["source_code"] or "", "", event["target_code"] or "", "", "1", root, root, root,
            cameo.get("quad_class", ""), cameo.get("score", ""), str(event["n_mentions"]), str(event["n_outlets"]),
            str(event["n_articles"]), event["country"] or "", event["admin1"] or "", "", "", event["type"]]
