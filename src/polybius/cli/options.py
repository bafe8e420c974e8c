"""Options shared by several commands, and their validation."""
from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path

import typer

from polybius.errors import PolybiusError
from polybius.settings import Settings


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    document = "document"


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


DATE_HELP = "Publication date YYYY-MM-DD for inputs that carry none; relative dates and office holders resolve against it."
ACTORS_HELP = "Your own actor file (YAML, or TSV with a shipped table's header); repeat for several."


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-11-18") from None


def make_settings(actor_files: list[Path] | None, batch_size: int = 64, processes: int = 1,
                  type_model: bool = True) -> Settings:
    try:
        return Settings(batch_size=batch_size, processes=processes, actor_files=tuple(actor_files or ()),
                        type_model=type_model)
    except PolybiusError as error:
        raise typer.BadParameter(str(error)) from None


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error for the user on stderr and give the exit to raise."""
    typer.echo(f"polybius: error: {message}", err=True)
    return typer.Exit(code)


def load_coder(settings: Settings):
    """The Coder for a command, or a clear error (bad actor file, missing model) and exit 1."""
    try:
        from polybius.pipeline import Coder

        return Coder(settings)
    except PolybiusError as error:
        raise fail(str(error)) from None
