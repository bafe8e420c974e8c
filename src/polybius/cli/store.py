"""`polybius ingest`, `query` and `export`: the corpus store on the command line."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from polybius.cli.options import ACTORS_HELP, DATE_HELP, fail, load_coder, make_settings, parse_date_option
from polybius.errors import PolybiusError

DB_HELP = "The DuckDB store file (created if missing)."


def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files or directories: .txt, .html, .jsonl, .jsonl.gz, .warc, .warc.gz."),
    db: Path = typer.Option(Path("events.duckdb"), "--db", help=DB_HELP),
    date: str | None = typer.Option(None, "--date", help=DATE_HELP),
    actors: list[Path] | None = typer.Option(None, "--actors", help=ACTORS_HELP),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles per transaction."),
) -> None:
    """Code a corpus into the store; re-runs skip what is stored, bad inputs become rows of `errors`.

    Examples:
      polybius ingest news/ --db events.duckdb
      polybius ingest 2024-*.jsonl.gz --db events.duckdb --date 2024-01-01
    """
    from polybius.read import read_inputs
    from polybius.store import Store

    coder = load_coder(make_settings(actors, batch_size))
    store = Store(db)
    console = Console(file=sys.stderr)
    total = expected_articles(paths)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("ingesting", total=total)

        def show(report) -> None:
            elapsed = progress.tasks[0].elapsed or 1.0
            done = report.articles + report.skipped + report.errors
            progress.update(task, completed=done,
                            description=f"{report.articles} articles ({report.articles / elapsed:.1f}/s), "
                                        f"{report.mentions} events, {report.errors} errors, "
                                        f"{report.skipped} already stored")

        report = store.ingest(read_inputs(paths, parse_date_option(date)), coder, batch_size, show)
    store.close()
    typer.echo(f"stored {report.articles} articles ({report.duplicates} near-duplicates), {report.mentions} event "
               f"mentions, {len(report.event_keys)} events touched; skipped {report.skipped} already stored; "
               f"{report.errors} errors (see the errors table)", err=True)


def expected_articles(paths: list[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know (text files and plain jsonl), for the ETA."""
    from polybius.read import READABLE

    total = 0
    for path in paths:
        root = Path(path)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for file in (f for f in files if f.name.lower().endswith(READABLE)):
            name = file.name.lower()
            if name.endswith((".gz", ".warc")):
                return None  # compressed and archived inputs are not counted ahead
            if name.endswith(".jsonl"):
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total or None


def query_command(
    db: Path = typer.Option(Path("events.duckdb"), "--db", help=DB_HELP),
    dyad: str | None = typer.Option(None, "--dyad", help="SOURCE:TARGET codes, e.g. USA:UKR."),
    types: list[str] | None = typer.Option(None, "--type", help="PLOVER type; repeat for several."),
    since: str | None = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    country: str | None = typer.Option(None, "--country", help="Events in, by or against this country code."),
    min_outlets: int | None = typer.Option(None, "--min-outlets", help="Merged events reported by at least N outlets."),
    mentions: bool = typer.Option(False, "--mentions", help="One row per mention instead of per merged event."),
    include_commentary: bool = typer.Option(False, "--include-commentary", help="Mentions read in commentary too."),
    sql: str | None = typer.Option(None, "--sql", help="Any SQL over articles, mentions, events, errors."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl (one object per row) or csv."),
) -> None:
    """Query the store: merged events by default, with filters, or any SQL.

    Examples:
      polybius query --dyad USA:UKR --type SUPPORT --since 2024-11-01
      polybius query --sql "SELECT type, count(*) FROM events GROUP BY type" --format jsonl
    """
    from polybius.store import Store
    from polybius.store.query import EventFilter, parse_dyad, run_query

    if not db.exists():
        raise fail(f"{db}: no such store; create it with `polybius ingest FILES --db {db}`")
    if sql and any([dyad, types, since, until, country, min_outlets, mentions, include_commentary]):
        raise fail("--sql cannot be used with the filter options; put the conditions in the SQL", 2)
    try:
        store = Store(db, read_only=True)
        if sql:
            relation = run_query(store.db, sql)
        else:
            chosen = EventFilter(parse_dyad(dyad), tuple(t.upper() for t in types or ()), parse_date_option(since),
                                 parse_date_option(until), country.upper() if country else None, min_outlets,
                                 mentions, include_commentary)
            relation = run_query(store.db, *chosen.sql())
        write_rows(relation.columns, relation.fetchall(), fmt)
    except PolybiusError as error:
        raise fail(str(error), 2) from None


def write_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "table":
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(width=200).print(table)
    else:
        raise fail(f"--format {fmt!r} is not one of table, jsonl, csv", 2)


def export_command(
    destination: Path = typer.Argument(..., help="The file to write."),
    db: Path = typer.Option(Path("events.duckdb"), "--db", help=DB_HELP),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet, csv, plover (JSON lines) or gdelt (TSV)."),
) -> None:
    """Export the merged events: Parquet, CSV, PLOVER/POLECAT JSON lines, or a GDELT-2.0-style TSV.

    Examples:
      polybius export events.parquet --db events.duckdb
      polybius export events.tsv --format gdelt --db events.duckdb
    """
    from polybius.store import Store
    from polybius.store.export import export

    if not db.exists():
        raise fail(f"{db}: no such store; create it with `polybius ingest FILES --db {db}`")
    store = Store(db, read_only=True)
    try:
        count = export(store.db, fmt, destination)
    except PolybiusError as error:
        raise fail(str(error), 2) from None
    typer.echo(f"wrote {count} events to {destination}", err=True)
