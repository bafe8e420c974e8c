"""The polybius command line: one module per command, each thin over the library."""
from __future__ import annotations

import typer

from polybius.cli import actors, code, places, store

app = typer.Typer(
    name="polybius",
    help="Political event data from news: who did what to whom, where and when — and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("code")(code.code_command)
app.command("actors")(actors.actors_command)
app.command("places")(places.places_command)
app.command("ingest")(store.ingest_command)
app.command("query")(store.query_command)
app.command("export")(store.export_command)


def main() -> None:
    app()
