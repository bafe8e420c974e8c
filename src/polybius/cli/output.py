"""Writing results: tables for people, JSON lines (input order) for tools."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from polybius.records import Actor, Document, EventRecord


def actor_cell(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    label = " ".join(p for p in (actor.code, actor.sector) if p) or "?"
    return f"{label}\n[dim]{actor.text}[/dim]"


def modality_cell(event: EventRecord) -> str:
    return event.modality + ("" if event.segment == "reporting" else f"\n[dim]{event.segment}[/dim]")


def provenance_cell(event: EventRecord) -> str:
    chain = " ← ".join(f"{a.text or '?'} ({a.kind})" for a in event.attribution)
    return chain + (f"\n[bold]{event.confirmation}[/bold]" if event.confirmation else "")


def events_table(document: Document, events: Iterable[EventRecord], explain: bool) -> Table:
    table = Table(title=f"{document.doc_id}" + (f" ({document.date})" if document.date else ""),
                  show_lines=True, title_justify="left")
    for column in ("id", "type", "mode", "source", "target", "modality", "said by", "trigger", "conf"):
        table.add_column(column, overflow="fold")
    if explain:
        table.add_column("why", overflow="fold")
    for event in events:
        row = [event.event_id.rsplit(":", 2)[-2] + ":" + event.event_id.rsplit(":", 1)[-1], event.type,
               event.mode or "", actor_cell(event.source), actor_cell(event.target), modality_cell(event),
               provenance_cell(event), event.evidence.trigger, f"{event.confidence:.2f}"]
        if explain and event.explanation is not None:
            ex = event.explanation
            model = "  ".join(f"{label} {p:.2f}" for label, p in ex.scores)
            row.append(f"{ex.lexicon_entry}\n[dim]{ex.clause}[/dim]" + (f"\nmodel: {model}" if model else ""))
        table.add_row(*row)
    return table


class EventWriter:
    """Streams documents out in one of the formats, keeping input order."""

    def __init__(self, fmt: str, explain: bool = False, stream: TextIO | None = None,
                 include_commentary: bool = False) -> None:
        self.fmt = fmt
        self.explain = explain
        self.include_commentary = include_commentary
        self.stream = stream or sys.stdout
        self.console = Console(file=self.stream, soft_wrap=False)
        if not self.console.is_terminal:
            self.console.width = max(self.console.width, 140)  # files and pipes get a readable table
        self.first = True

    def write(self, document: Document) -> None:
        events = [e for e in document.events if self.include_commentary or e.segment != "commentary"]
        if self.fmt == "table":
            if events:
                self.console.print(events_table(document, events, self.explain))
            else:
                self.console.print(f"[dim]{document.doc_id}: no events[/dim]")
        elif self.fmt == "jsonl":
            for event in events:
                self.line(event.to_dict(self.explain))
        elif self.fmt == "document":
            self.line(document.to_dict(self.explain))
        else:
            for event in events:
                self.stream.write("[\n" if self.first else ",\n")
                self.stream.write(json.dumps(event.to_dict(self.explain), ensure_ascii=False))
                self.first = False

    def line(self, obj: dict[str, Any]) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("[]\n" if self.first else "\n]\n")
        self.stream.flush()
