"""The shipped actor tables parse, have no duplicate keys, and user files are validated."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from polybius.actors.lexicon import TABLES, ActorLexicon, normalize_surface, read_user_file
from polybius.errors import LexiconError
from polybius.lexicon import iter_files, read_tsv, shipped_path

DATA = shipped_path("polybius.actors", "data")


def shipped_tables():
    for table in ("countries", "seats", "organizations", "sectors", "places"):
        yield table, DATA / f"{table}.tsv"
    for path in iter_files(DATA / "office_holders"):
        yield "office_holders", path


@pytest.mark.parametrize("table, path", list(shipped_tables()), ids=lambda v: getattr(v, "name", v))
def test_lexicon_shipped_table_parses_without_duplicates(table: str, path: Path) -> None:
    rows = read_tsv(path, TABLES[table])
    assert rows, path
    key_columns = {"countries": ("code",), "seats": ("phrase",), "organizations": ("name",),
                   "sectors": ("phrase",), "places": ("phrase",), "office_holders": ("name", "role", "start")}[table]
    keys = Counter(tuple(r[c] for c in key_columns) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []


def test_lexicon_loads_every_table() -> None:
    lexicon = ActorLexicon.load()
    assert len(lexicon.country_names) >= 190
    assert lexicon.lookup("Kyiv")[0].code == "UKR"
    assert lexicon.lookup("US")[0].code == "USA"
    assert lexicon.lookup("us") == []  # all-capital acronyms match case-sensitively


def test_lexicon_normalizes_curly_apostrophes() -> None:
    assert normalize_surface("the Côte d’Ivoire") == "Côte d'Ivoire"


def test_lexicon_user_tsv_with_bad_code_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("name\taliases\tcode\tsector\nGuild of Pilots\t\tnorway\tLAB\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="mine.tsv:2"):
        ActorLexicon.load([path])


def test_lexicon_user_file_with_unknown_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.tsv"
    path.write_text("who\twhat\nA\tB\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="matches no actor table"):
        read_user_file(path)
