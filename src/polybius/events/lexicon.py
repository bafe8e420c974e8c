"""The event lexicon: verbs, event nouns, light verbs, object classes, speech and modality words.

Loaded once by the Coder from ``events/data``. Matching a verb picks the most specific
entry: one whose object and preposition both match beats one with only a preposition,
which beats the bare verb.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from polybius.errors import LexiconError
from polybius.lexicon import Row, read_tsv, shipped_path
from polybius.records import EVENT_TYPES

TABLES: dict[str, tuple[str, ...]] = {
    "verbs": ("verb", "prep", "object", "type", "mode", "context"),
    "nouns": ("noun", "prep", "type", "mode", "context"),
    "light_verbs": ("verb", "prep"),
    "object_classes": ("class", "lemma"),
    "speech_verbs": ("verb", "kind"),
    "modality": ("word", "kind", "modality"),
}
MODALITY_VALUES = {"actual", "planned", "hypothetical", "negated"}


@dataclass(frozen=True)
class LexiconEntry:
    """One trigger entry: the words it needs and the PLOVER type, mode and context it gives."""

    trigger: str
    prep: str | None
    object: str | None
    type: str
    mode: str | None
    context: tuple[str, ...]
    origin: str

    @property
    def specificity(self) -> int:
        return (2 if self.object else 0) + (1 if self.prep else 0)

    def describe(self) -> str:
        parts = [self.trigger, f"+{self.prep}" if self.prep else "", f"[{self.object}]" if self.object else ""]
        return " ".join(p for p in parts if p) + f" → {self.type}" + (f"/{self.mode}" if self.mode else "")


@dataclass
class EventLexicon:
    """All event knowledge, keyed for lookup by lemma."""

    verbs: dict[str, list[LexiconEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[LexiconEntry]] = field(default_factory=lambda: defaultdict(list))
    light_verbs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    classes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    speech: dict[str, str] = field(default_factory=dict)
    modality: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> EventLexicon:
        lexicon = cls()
        data = shipped_path("polybius.events", "data")
        tables = {name: read_tsv(data / f"{name}.tsv", columns) for name, columns in TABLES.items()}
        for row in tables["object_classes"]:
            lexicon.classes[row["class"].lstrip("@")].add(row["lemma"].lower())
        for row in tables["verbs"]:
            lexicon.verbs[row["verb"].lower()].append(_entry(row, "verb", lexicon))
        for row in tables["nouns"]:
            lexicon.nouns[row["noun"].lower()].append(_entry(row, "noun", lexicon))
        for row in tables["light_verbs"]:
            lexicon.light_verbs[row["verb"].lower()].add(row["prep"].lower())
        for row in tables["speech_verbs"]:
            lexicon.speech[row["verb"].lower()] = row["kind"]
        for row in tables["modality"]:
            if row["modality"] not in MODALITY_VALUES:
                raise LexiconError(row.origin, 0, f"modality {row['modality']!r} is unknown",
                                   f"Use one of {', '.join(sorted(MODALITY_VALUES))}")
            lexicon.modality[(row["kind"], row["word"].lower())] = row["modality"]
        return lexicon

    @property
    def place_words(self) -> frozenset[str]:
        """Nouns that name places (the territory and road classes): "the streets of Nairobi"."""
        return frozenset(self.classes.get("territory", set()) | self.classes.get("road", set()))

    def object_matches(self, wanted: str, lemmas: list[str]) -> bool:
        """An entry's object (a lemma, or @class) against the lemmas the clause offers."""
        if wanted.startswith("@"):
            members = self.classes.get(wanted[1:], set())
            return any(lemma in members for lemma in lemmas)
        return wanted in lemmas

    def best_entry(self, entries: list[LexiconEntry], preps: set[str], objects: list[str]) -> LexiconEntry | None:
        """The most specific entry whose preposition and object requirements the clause meets."""
        fitting = [e for e in entries
                   if (not e.prep or e.prep in preps) and (not e.object or self.object_matches(e.object, objects))]
        return max(fitting, key=lambda e: e.specificity) if fitting else None

    def modality_word(self, kind: str, word: str) -> str | None:
        return self.modality.get((kind, word.lower()))


def _entry(row: Row, column: str, lexicon: EventLexicon) -> LexiconEntry:
    event_type = row["type"].upper()
    if event_type not in EVENT_TYPES:
        raise LexiconError(row.origin, 0, f"type {row['type']!r} is not a PLOVER event type",
                           f"Use one of {', '.join(EVENT_TYPES)}")
    obj = row.fields.get("object", "").lower() or None
    if obj and obj.startswith("@") and obj[1:] not in lexicon.classes:
        raise LexiconError(row.origin, 0, f"object class {obj!r} is not defined",
                           "Add its members to object_classes.tsv")
    return LexiconEntry(row[column].lower(), row["prep"].lower() or None, obj, event_type,
                        row["mode"].lower() or None, tuple(row.items("context")), row.origin)
