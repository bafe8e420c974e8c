"""Time expressions resolved against the publication date: the table of cases we wrote."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from polybius.when import find_times

TABLE = Path(__file__).parent / "data" / "time_expressions.tsv"


def cases() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_time_table_has_enough_cases() -> None:
    assert len(cases()) >= 60


@pytest.mark.parametrize("case", cases(), ids=lambda c: f"{c['expression']}@{c['publication_date']}")
def test_time_expression_resolves(case: dict[str, str]) -> None:
    found = find_times(case["sentence"], date.fromisoformat(case["publication_date"]))
    match = [t for t in found if case["expression"].lower() in t.text.lower() or t.text.lower() in case["expression"].lower()]
    assert match, f"{case['expression']!r} not found in {[t.text for t in found]}"
    assert (match[0].date, match[0].precision) == (case["expected"], case["precision"])


def test_time_without_base_date_finds_nothing() -> None:
    assert find_times("Troops withdrew on Monday.", None) == []


def test_time_ignores_month_names_that_are_words() -> None:
    assert find_times("The minister may resign.", date(2024, 5, 2)) == []
