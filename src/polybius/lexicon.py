"""Reading the knowledge files: shipped TSV tables and the user's own TSV or YAML additions.

Mechanism only: what the tables mean is decided by the stages that load them. Every
row comes back as a dict keyed by the header's column names, with the line it came from.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from polybius.errors import LexiconError


@dataclass(frozen=True)
class Row:
    """One lexicon row: its fields by column, and where it came from (for errors)."""

    fields: dict[str, str]
    origin: str

    def __getitem__(self, key: str) -> str:
        return self.fields.get(key, "")

    def items(self, key: str) -> list[str]:
        """A '|'-separated list field as a list, blanks dropped."""
        return [part.strip() for part in self[key].split("|") if part.strip()]


def shipped_path(package: str, name: str) -> Path:
    """The path of a data file shipped inside a polybius package."""
    return Path(str(resources.files(package).joinpath(name)))


def read_tsv(path: Path, required: tuple[str, ...]) -> list[Row]:
    """Read a TSV table with a header line; '#' lines are comments. Checks every row's width."""
    rows: list[Row] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise LexiconError(str(path), number, f"header lacks column(s) {', '.join(missing)}",
                                       f"The header must name: {', '.join(required)} (tab-separated)")
                continue
            if len(cells) > len(header):
                raise LexiconError(str(path), number, f"has {len(cells)} fields, the header has {len(header)}",
                                   "Separate fields with one tab; do not use tabs inside a field")
            cells += [""] * (len(header) - len(cells))
            rows.append(Row(dict(zip(header, (c.strip() for c in cells))), f"{path}:{number}"))
    if header is None:
        raise LexiconError(str(path), 1, "has no header line", f"Start it with: {chr(9).join(required)}")
    return rows


def read_yaml_tables(path: Path) -> dict[str, list[Row]]:
    """A user's YAML file: a mapping of table name → list of rows (mappings of column → value)."""
    import yaml

    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise LexiconError(str(path), getattr(getattr(error, "problem_mark", None), "line", 0) + 1,
                           f"is not valid YAML ({error})", "Fix the YAML syntax") from None
    if not isinstance(data, dict):
        raise LexiconError(str(path), 1, "is not a mapping of table names to lists of rows",
                           "Write e.g. 'organizations:' followed by a list of entries")
    tables: dict[str, list[Row]] = {}
    for table, entries in data.items():
        if not isinstance(entries, list):
            raise LexiconError(str(path), 1, f"'{table}' is not a list", "Give each table a list of entries")
        tables[str(table)] = [_yaml_row(entry, f"{path}:{table}[{i}]") for i, entry in enumerate(entries)]
    return tables


def _yaml_row(entry: Any, origin: str) -> Row:
    if not isinstance(entry, dict):
        raise LexiconError(origin, 0, "is not a mapping", "Write each entry as key: value pairs")
    fields = {str(k): "|".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
              for k, v in entry.items()}
    return Row(fields, origin)


def iter_files(directory: Path, suffix: str = ".tsv") -> Iterator[Path]:
    """The data files of a directory, in a stable order."""
    yield from sorted(p for p in directory.iterdir() if p.suffix == suffix)
