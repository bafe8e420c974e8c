"""`polybius places`: every toponym of the articles with its span and resolution, to check geoparsing."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from polybius.cli.options import ACTORS_HELP, DATE_HELP, ListFormat, load_coder, make_settings, parse_date_option
from polybius.read import read_inputs
from polybius.records import ArticleError


def places_command(
    files: list[str] = typer.Argument(..., help="Articles: .txt, .html/.htm, .jsonl, or - for standard input."),
    date: str | None = typer.Option(None, "--date", help=DATE_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or jsonl (one toponym a line, input order)."),
    actors: list[Path] | None = typer.Option(None, "--actors", help=ACTORS_HELP),
) -> None:
    """List every place name with its character span, gazetteer entry, country and coordinates.

    Examples:
      polybius places article.txt
      polybius places corpus.jsonl --format jsonl > toponyms.jsonl
    """
    when = parse_date_option(date)
    coder = load_coder(make_settings(actors))
    errors = 0
    console = Console()
    for result in coder.code_articles(read_inputs(files, when)):
        if isinstance(result, ArticleError):
            errors += 1
            typer.echo(f"polybius: error: {result}", err=True)
            continue
        if fmt is ListFormat.jsonl:
            for place in result.places:
                typer.echo(json.dumps({"doc_id": result.doc_id, **place}, ensure_ascii=False))
            continue
        table = Table("span", "text", "resolved to", "kind", "country", "admin1", "lat", "lon", title=result.doc_id,
                      title_justify="left")
        for place in result.places:
            table.add_row(f"{place['start']}-{place['end']}", place["text"], place["name"] or "—", place["kind"] or "—",
                          place["country"] or "—", place["admin1"] or "—", str(place["lat"] or "—"), str(place["lon"] or "—"))
        console.print(table)
    if errors:
        raise typer.Exit(1)
