"""`polybius actors`: resolve actor phrases, to check and extend the dictionaries."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from polybius.cli.options import ACTORS_HELP, DATE_HELP, ListFormat, load_coder, make_settings, parse_date_option


def actors_command(
    phrases: list[str] = typer.Argument(..., help='Actor phrases, e.g. "four Saudi men" "the Kremlin".'),
    date: str | None = typer.Option(None, "--date", help=DATE_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or jsonl (one object a line, input order)."),
    actors: list[Path] | None = typer.Option(None, "--actors", help=ACTORS_HELP),
) -> None:
    """Resolve actor phrases to code, sector and canonical name.

    Examples:
      polybius actors "North Korean soldiers" "the Kremlin" "Ukraine's defence minister"
      polybius actors Trump Biden --date 2024-11-18
    """
    when = parse_date_option(date)
    coder = load_coder(make_settings(actors))
    rows = [coder.resolve_phrase(phrase, when) for phrase in phrases]
    if fmt is ListFormat.jsonl:
        for phrase, actor in zip(phrases, rows):
            record = actor.to_dict() if actor else {"text": phrase, "code": None, "sector": None, "name": None}
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    table = Table("phrase", "code", "sector", "name")
    for phrase, actor in zip(phrases, rows):
        table.add_row(phrase, *(("—", "—", "—") if actor is None else (actor.code or "—", actor.sector or "—", actor.name or "—")))
    Console().print(table)
