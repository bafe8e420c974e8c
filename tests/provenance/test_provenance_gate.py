"""The provenance gate: attribution and commentary accuracy on our annotated articles."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from polybius.evaluate import score_provenance
from polybius.read import read_path
from tests.conftest import SHARED

DATA = Path(__file__).parents[1] / "data"


def test_provenance_gate_on_our_corpus(coder) -> None:
    floors = json.loads((DATA / "provenance_floors.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (DATA / "provenance_corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40
    figures = score_provenance(rows, coder)
    for name, floor in floors.items():
        if not name.startswith("_"):
            assert figures[name] >= floor, f"{name} {figures[name]} fell below its floor {floor}"


@pytest.mark.skipif(not (SHARED / "seed" / "article.txt").exists(), reason="needs ../shared/seed")
def test_seed_article_provenance(coder) -> None:
    """The motivating article, read from ../shared at test time (never copied here)."""
    path = SHARED / "seed" / "article.txt"
    text = path.read_text(encoding="utf-8")
    (article,) = read_path(str(path), date(2024, 11, 18))
    document = next(iter(coder.code_articles([article])))
    authorization = [e for e in document.events if e.type in ("SUPPORT", "AID") and e.source
                     and e.source.code == "USA" and e.target and e.target.code == "UKR"]
    assert authorization
    first = authorization[0]
    kinds = {(a.kind, a.text.replace("The ", "").replace("the ", "")) for a in first.attribution}
    assert {("media", "New York Times"), ("media", "Washington Post")} & kinds
    assert any(e.confirmation == "unconfirmed" for e in authorization)
    assert any(a.kind == "anonymous" for e in document.events for a in e.attribution)
    quote = next(q for q in document.quotes if "speak for themselves" in q["text"])
    assert (quote["speaker"]["code"], quote["speaker"]["sector"]) == ("UKR", "GOV")
    commentary = [s for s in document.segments if s["kind"] == "commentary"]
    assert commentary and text[commentary[0]["start"]:].startswith("What are the potential consequences")
    assert commentary[0]["end"] == len(text)
    assert all(e.segment == "commentary" for e in document.events if e.evidence.start >= commentary[0]["start"])
    repairs = {(r["original"], r["repaired"]) for r in document.repairs}
    assert {("Bidenwould", "Biden would"), ("escalationand", "escalation and")} <= repairs


def test_cli_hides_commentary_unless_asked(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from polybius.cli import app

    path = tmp_path / "a.txt"
    path.write_text("Chile recalled its ambassador from Peru.\nWhat next for the region?\n"
                    "Host: Will Peru retaliate?\nGuest: Peru could expel Chilean diplomats.\n", encoding="utf-8")
    hidden = CliRunner().invoke(app, ["code", str(path), "--format", "jsonl"])
    shown = CliRunner().invoke(app, ["code", str(path), "--format", "jsonl", "--include-commentary"])
    segments = lambda out: [json.loads(line)["segment"] for line in out.splitlines()]  # noqa: E731
    assert "commentary" not in segments(hidden.stdout)
    assert "commentary" in segments(shown.stdout)
