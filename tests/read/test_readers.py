"""Readers: every input shape becomes Articles or a clear ArticleError; nothing stops the run."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from polybius.read import read_inputs, read_path
from polybius.read.jsonl import read_jsonl
from polybius.records import Article, ArticleError


def test_read_text_file_uses_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "report-1.txt"
    path.write_text("Kenya and Uganda signed a border accord.", encoding="utf-8")
    (article,) = read_path(str(path), date(2020, 5, 1))
    assert isinstance(article, Article)
    assert article.doc_id == "report-1" and article.date == date(2020, 5, 1)


def test_read_missing_file_names_it(tmp_path: Path) -> None:
    (error,) = read_path(str(tmp_path / "nope.txt"), None)
    assert isinstance(error, ArticleError) and "nope.txt" in str(error) and "no such file" in str(error)


def test_read_latin1_file_says_how_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Le ministre a déclaré".encode("latin-1"))
    (error,) = read_path(str(path), None)
    assert isinstance(error, ArticleError) and "UTF-8" in error.message and "iconv" in error.message


def test_read_empty_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n", encoding="utf-8")
    (error,) = read_path(str(path), None)
    assert isinstance(error, ArticleError) and "empty" in error.message


def test_read_jsonl_bad_line_names_line_and_keeps_others(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a", "text": "Chile recalled its envoy."}), "{not json",
             json.dumps({"id": "c", "text": "Peru protested.", "date": "2021-03-04"}),
             json.dumps({"text": "no id here"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(str(path), None))
    assert [type(r).__name__ for r in results] == ["Article", "ArticleError", "Article", "ArticleError"]
    assert results[1].origin.endswith("corpus.jsonl:2") and "not valid JSON" in results[1].message
    assert results[2].date == date(2021, 3, 4)
    assert results[3].origin.endswith(":4") and "'id'" in results[3].message


def test_read_jsonl_bad_date_is_reported() -> None:
    data = [json.dumps({"id": "x", "text": "Talks resumed.", "date": "yesterday"}).encode()]
    (error,) = read_jsonl(data, "in.jsonl", None)
    assert isinstance(error, ArticleError) and "date" in error.message


def test_read_jsonl_ignores_unknown_fields() -> None:
    data = [json.dumps({"id": 7, "text": "Talks resumed.", "lang": "en", "outlet": "Daily Wire"}).encode()]
    (article,) = read_jsonl(data, "in.jsonl", None)
    assert article.doc_id == "7" and article.outlet == "Daily Wire"


def test_read_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    (error,) = read_path(str(path), None)
    assert isinstance(error, ArticleError) and "empty" in error.message


def test_read_html_extracts_body(tmp_path: Path) -> None:
    body = " ".join(["The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss fishing rights."] * 4)
    page = f"<html><head><title>t</title></head><body><nav>Home | World</nav><article><p>{body}</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = read_path(str(path), None)
    assert isinstance(article, Article) and "fishing rights" in article.text and "Home | World" not in article.text


def test_read_inputs_keeps_order_across_files(tmp_path: Path) -> None:
    for name in ("b", "a"):
        (tmp_path / f"{name}.txt").write_text(f"Text {name}.", encoding="utf-8")
    ids = [r.doc_id for r in read_inputs([str(tmp_path / "b.txt"), str(tmp_path / "a.txt")], None)]
    assert ids == ["b", "a"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=80), max_size=8))
def test_read_jsonl_never_raises_on_any_bytes(lines: list[bytes]) -> None:
    results = list(read_jsonl(lines, "fuzz.jsonl", None))
    assert all(isinstance(r, (Article, ArticleError)) for r in results)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_read_text_round_trips_any_unicode(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "doc.txt"
    path.write_bytes(text.encode("utf-8"))
    (result,) = read_path(str(path), None)
    if text.strip() and not text.startswith("\ufeff"):
        assert isinstance(result, Article) and result.text == text
    else:
        assert isinstance(result, (Article, ArticleError))


def test_read_stdin_jsonl(monkeypatch) -> None:
    payload = (json.dumps({"id": "s1", "text": "Ghana hosted talks."}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(payload))))
    (article,) = read_path("-", None)
    assert article.doc_id == "s1"
