"""`polybius code`: articles in, event records out."""
from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from polybius.cli.options import ACTORS_HELP, DATE_HELP, EventFormat, load_coder, make_settings, parse_date_option
from polybius.cli.output import EventWriter
from polybius.read import read_inputs
from polybius.records import ArticleError


def code_command(
    files: list[str] = typer.Argument(..., help="Articles: .txt, .html/.htm, .jsonl (one article a line), or - for standard input."),
    date: str | None = typer.Option(None, "--date", help=DATE_HELP),
    fmt: EventFormat = typer.Option(EventFormat.table, "--format", "-f", help="table (for people), jsonl (one event a line, input order), json (one array), document (one object per article)."),
    actors: list[Path] | None = typer.Option(None, "--actors", help=ACTORS_HELP),
    explain: bool = typer.Option(False, "--explain", help="Show why each event was coded: trigger, lexicon entry, clause, and the model's top types with scores."),
    include_commentary: bool = typer.Option(False, "--include-commentary", help="Also print events read in appended commentary (interviews, Q&A, opinion); --format document always lists them."),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles parsed together; larger is faster until memory bounds it."),
    processes: int = typer.Option(1, "--processes", help="Parser processes (2+ pays off on long corpora)."),
    lexicon_only: bool = typer.Option(False, "--lexicon-only", help="Type events by the lexicon's rules alone, without the trained model."),
) -> None:
    """Code articles into PLOVER event records (who did what to whom, and who says so).

    Examples:
      polybius code article.txt --date 2024-11-18
      polybius code corpus.jsonl --format jsonl > events.jsonl
      cat article.txt | polybius code - --format document
    """
    when = parse_date_option(date)
    settings = make_settings(actors, batch_size, processes, type_model=not lexicon_only)
    coder = load_coder(settings)
    writer = EventWriter(fmt.value, explain, include_commentary=include_commentary)
    errors = 0
    with progress_bar() as progress:
        task = progress.add_task("coding", total=None)
        for result in coder.code_articles(read_inputs(files, when)):
            if isinstance(result, ArticleError):
                errors += 1
                typer.echo(f"polybius: error: {result}", err=True)
            else:
                writer.write(result)
            progress.advance(task)
    writer.close()
    if errors:
        typer.echo(f"polybius: {errors} input(s) could not be coded; the others were.", err=True)
        raise typer.Exit(1)


def progress_bar() -> Progress:
    """A progress bar on stderr for people; silent when stderr is not a terminal."""
    console = Console(file=sys.stderr)
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("articles"), TimeElapsedColumn(),
                    console=console, transient=True, disable=not console.is_terminal)
