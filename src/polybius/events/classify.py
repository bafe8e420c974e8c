"""Final type, mode and context of an event from its lexicon entry and modality.

PLOVER's own rules: cooperative CONSULT, SUPPORT, COOPERATE and AID reported as future
are AGREE (manual 3.1), and an announced future RETREAT is a CONCEDE (manual 3.4).
"""
from __future__ import annotations

from dataclasses import dataclass

from polybius.events.lexicon import LexiconEntry

FUTURE_COOPERATION = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}


@dataclass(frozen=True)
class EventType:
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """What the clause says about the event beyond its trigger."""

    modality: str
    future: bool = False  # will / shall / reported would
    willing: bool = False  # ready / willing / prepared / vowed to
    announced: bool = False  # the content of the actor's own statement
    condition: str | None = None  # "unless" / "if" clause the action depends on


def classify(entry: LexiconEntry, reading: Reading) -> EventType:
    """The coded type of a candidate, given its trigger entry and how the clause presents it.

    Offers and threats are typed by what they offer or threaten: willingness to cooperate
    is AGREE, willingness or an announced intention to use force or pressure is THREATEN,
    and an announced refusal to cooperate ("will not accept") is REJECT.
    """
    kind = entry.type
    if reading.future and (reading.condition == "unless" or (reading.condition == "if" and kind in MATERIAL_CONFLICT)) \
            and kind != "AGREE":
        return EventType("THREATEN", None, entry.context)  # "will withdraw its force unless ..."
    if reading.willing and kind in COOPERATIVE:
        return EventType("AGREE", None, entry.context)
    if kind in MATERIAL_CONFLICT and (reading.willing or (reading.announced and reading.future)) \
            and reading.modality != "negated":
        return EventType("THREATEN", None, entry.context)
    if kind in COOPERATIVE and reading.modality == "negated" and reading.future and reading.announced:
        return EventType("REJECT", None, entry.context)
    if reading.modality == "planned" and kind in FUTURE_COOPERATION:
        return EventType("AGREE", None, entry.context)
    if reading.modality == "planned" and kind == "RETREAT":
        return EventType("CONCEDE", None, entry.context)
    return EventType(kind, entry.mode, entry.context)
