"""The actor dictionaries: countries, seats of power, organisations, sector nouns, office holders.

Loaded once by the Coder from the TSV tables in ``actors/data`` plus any user files
(``--actors my.yaml`` or a TSV with one of the shipped headers). Lookups are by surface
form: all-capital acronyms ("US", "UN") match case-sensitively, everything else also
case-insensitively.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from polybius.errors import LexiconError
from polybius.lexicon import Row, iter_files, read_tsv, read_yaml_tables, shipped_path

TABLES: dict[str, tuple[str, ...]] = {
    "countries": ("code", "name", "aliases", "adjectives", "people", "capitals"),
    "seats": ("phrase", "code", "sector", "name"),
    "organizations": ("name", "aliases", "code", "sector"),
    "sectors": ("phrase", "sector", "code"),
    "places": ("phrase", "code", "name", "kind"),
    "office_holders": ("name", "aliases", "code", "sector", "role", "start", "end"),
}
ENTITY_LABELS = {"country": "GPE", "capital": "GPE", "place": "GPE", "seat": "ORG", "organization": "ORG",
                 "adjective": "NORP", "people": "NORP", "person": "PERSON"}
CODE_PATTERN = re.compile(r"^[A-Z]{3}$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalize_surface(text: str) -> str:
    """The lookup form of a name: straight apostrophes, single spaces, no leading 'the'."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


def is_case_sensitive(surface: str) -> bool:
    """Acronyms written in capitals ("US", "U.N.", "IS") must match exactly."""
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry a surface form can resolve to."""

    code: str
    sector: str | None
    name: str
    kind: str  # country, capital, place, seat, organization, adjective, people, person
    role: str | None = None
    start: date | None = None
    end: date | None = None

    def holds_office_on(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class ActorLexicon:
    """Surface forms → entries, sector nouns → sectors, and office holders by role."""

    exact: dict[str, list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    folded: dict[str, list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    sector_nouns: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    holders: dict[tuple[str, str], list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    country_names: dict[str, str] = field(default_factory=dict)
    common_words: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> ActorLexicon:
        """The shipped tables, then the user's files (which add to and override them)."""
        lexicon = cls()
        data = shipped_path("polybius.actors", "data")
        for table in ("countries", "seats", "organizations", "sectors", "places"):
            lexicon.add_rows(table, read_tsv(data / f"{table}.tsv", TABLES[table]))
        lexicon.common_words = {row["word"] for row in read_tsv(data / "common_words.tsv", ("word",))}
        for path in iter_files(data / "office_holders"):
            lexicon.add_rows("office_holders", read_tsv(path, TABLES["office_holders"]))
        for path in extra_files:
            for table, rows in read_user_file(Path(path)).items():
                lexicon.add_rows(table, rows)
        return lexicon

    def add_rows(self, table: str, rows: list[Row]) -> None:
        adder = getattr(self, f"_add_{table}")
        for row in rows:
            adder(row)

    def add_surface(self, surface: str, entry: ActorEntry) -> None:
        key = normalize_surface(surface)
        if not key:
            return
        if entry not in self.exact[key]:
            self.exact[key].append(entry)
        if not is_case_sensitive(key) and entry not in self.folded[key.lower()]:
            self.folded[key.lower()].append(entry)

    def lookup(self, surface: str) -> list[ActorEntry]:
        """Entries for a surface form; exact case first, then case-folded."""
        key = normalize_surface(surface)
        found = self.exact.get(key)
        if found:
            return found
        if key.endswith("'s") or key.endswith("'"):
            return self.lookup(key.rstrip("s").rstrip("'"))
        return self.folded.get(key.lower(), [])

    def surfaces(self) -> Iterable[tuple[str, ActorEntry]]:
        """Every surface form with its first entry (for the entity ruler)."""
        for key, entries in self.exact.items():
            if entries:
                yield key, entries[0]

    def holder_of(self, code: str, role: str, when: date | None) -> ActorEntry | None:
        """Who held ROLE in country CODE on WHEN (the latest holder when no date is known)."""
        candidates = self.holders.get((code, role.lower()), [])
        if when is None:
            current = [e for e in candidates if e.end is None]
            return current[-1] if current else None
        for entry in candidates:
            if entry.holds_office_on(when):
                return entry
        return None

    def _add_countries(self, row: Row) -> None:
        code = _check_code(row, "code")
        name = row["name"]
        self.country_names[code] = name
        for column, kind in (("name", "country"), ("aliases", "country"), ("adjectives", "adjective"),
                             ("people", "people"), ("capitals", "capital")):
            sector = "GOV" if kind == "capital" else None
            for surface in row.items(column):
                self.add_surface(surface, ActorEntry(code, sector, name, kind))

    def _add_seats(self, row: Row) -> None:
        entry = ActorEntry(_check_code(row, "code"), row["sector"] or None, row["name"] or row["phrase"], "seat")
        self.add_surface(row["phrase"], entry)

    def _add_organizations(self, row: Row) -> None:
        entry = ActorEntry(_check_code(row, "code"), row["sector"] or None, row["name"], "organization")
        for surface in [row["name"], *row.items("aliases")]:
            self.add_surface(surface, entry)

    def _add_places(self, row: Row) -> None:
        """Regions and cities: they locate actors and events in a country ("Gaza militants")."""
        self.add_surface(row["phrase"], ActorEntry(_check_code(row, "code"), None, row["name"] or row["phrase"], "place"))

    def _add_sectors(self, row: Row) -> None:
        self.sector_nouns[row["phrase"].lower()] = (row["sector"], row["code"] or None)

    def _add_office_holders(self, row: Row) -> None:
        entry = ActorEntry(_check_code(row, "code"), row["sector"] or "GOV", row["name"], "person",
                           role=row["role"] or None, start=_date(row, "start"), end=_date(row, "end"))
        for surface in [row["name"], *row.items("aliases")]:
            self.add_surface(surface, entry)
        if entry.role:
            self.holders[(entry.code, entry.role.lower())].append(entry)


def _check_code(row: Row, column: str) -> str:
    code = row[column]
    if not CODE_PATTERN.match(code):
        raise LexiconError(row.origin, 0, f"code {code!r} is not three capital letters",
                           "Use an ISO 3166 alpha-3 code or IGO/NGO/IMG/MNC")
    return code


def _date(row: Row, column: str) -> date | None:
    value = row[column]
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise LexiconError(row.origin, 0, f"{column} {value!r} is not a date YYYY-MM-DD",
                           "Write dates as YYYY-MM-DD or leave the field empty") from None


def read_user_file(path: Path) -> dict[str, list[Row]]:
    """A user's actor file: YAML with table names as keys, or a TSV with a shipped header."""
    if not path.exists():
        raise LexiconError(str(path), 0, "does not exist", "Check the path given to --actors")
    if path.suffix.lower() in (".yaml", ".yml"):
        tables = read_yaml_tables(path)
        unknown = [t for t in tables if t not in TABLES]
        if unknown:
            raise LexiconError(str(path), 1, f"has unknown table(s) {', '.join(unknown)}",
                               f"Use: {', '.join(TABLES)}")
        for table, rows in tables.items():
            for row in rows:
                missing = [c for c in TABLES[table] if c in ("code", "name", "phrase") and c in TABLES[table]
                           and not row[c]]
                if missing:
                    raise LexiconError(row.origin, 0, f"lacks {', '.join(missing)}",
                                       f"Give each {table} entry: {', '.join(TABLES[table])}")
        return tables
    with path.open(encoding="utf-8") as handle:
        first = next((ln for ln in handle if ln.strip() and not ln.startswith("#")), "")
    header = tuple(c.strip() for c in first.rstrip("\n").split("\t"))
    for table, columns in TABLES.items():
        if header == columns:
            return {table: read_tsv(path, columns)}
    raise LexiconError(str(path), 1, "has a header that matches no actor table",
                       "Use the header of one of: " + "; ".join("\\t".join(c) for c in TABLES.values()))
