"""Final type, mode and context of an event from its lexicon entry and modality.

PLOVER's own rules: cooperative CONSULT, SUPPORT, COOPERATE and AID reported as future
are AGREE (manual 3.1), and an announced future RETREAT is a CONCEDE (manual 3.4).
"""
from __future__ import annotations

from dataclasses import dataclass

from polybius.events.lexicon import LexiconEntry

FUTURE_COOPERATION = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}


@dataclass(frozen=True)
class EventType:
    type: str
    mode: str | None
    context: tuple[str, ...]


def classify(entry: LexiconEntry, modality: str) -> EventType:
    """The coded type of a candidate, given what its trigger entry says and its modality."""
    if modality == "planned" and entry.type in FUTURE_COOPERATION:
        return EventType("AGREE", None, entry.context)
    if modality == "planned" and entry.type == "RETREAT":
        return EventType("CONCEDE", None, entry.context)
    return EventType(entry.type, entry.mode, entry.context)
