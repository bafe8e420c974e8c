"""The command line: help texts, formats, exit codes and error messages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polybius.cli import app

runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def warm(coder):
    """Load the model once before the CLI tests (each CLI call builds its own Coder)."""
    return coder


@pytest.mark.parametrize("args", [["--help"], ["code", "--help"], ["actors", "--help"]])
def test_cli_help_explains_itself(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 200


def test_cli_code_jsonl_one_event_per_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Nigerian troops attacked an insurgent camp near Maiduguri. Chad closed its border with Niger.",
                    encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl", "--date", "2022-02-02"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["doc_id"] == "a" and r["date"] == "2022-02-02" for r in records)
    assert {"event_id", "type", "source", "target", "modality", "evidence", "confidence"} <= set(records[0])


def test_cli_code_json_is_one_array(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Peru expelled the Bolivian ambassador.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


def test_cli_code_document_has_every_list(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Peru expelled the Bolivian ambassador.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "document", "--date", "2019-01-01"])
    document = json.loads(result.stdout)
    for key in ("repairs", "segments", "quotes", "places", "times", "events", "errors"):
        assert isinstance(document[key], list)


def test_cli_code_missing_file_exits_1_and_names_it(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Peru expelled the Bolivian ambassador.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(tmp_path / "absent.txt"), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "absent.txt" in result.stderr and "no such file" in result.stderr
    assert '"doc_id": "good"' in result.stdout


def test_cli_code_bad_jsonl_line_named_others_coded(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "one", "text": "Peru expelled the Bolivian ambassador."}) + "\n"
                    + "{broken\n" + json.dumps({"id": "three", "text": "Chile recalled its envoy from Peru."}) + "\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "corpus.jsonl:2" in result.stderr
    coded = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert coded == {"one", "three"}


def test_cli_code_unreadable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a parlé.".encode("latin-1"))
    result = runner.invoke(app, ["code", str(path)])
    assert result.exit_code == 1 and "latin.txt" in result.stderr and "UTF-8" in result.stderr


def test_cli_code_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path)])
    assert result.exit_code == 1 and "empty" in result.stderr


def test_cli_code_bad_date_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", "x.txt", "--date", "18/11/2024"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_cli_code_stdin() -> None:
    result = runner.invoke(app, ["code", "-", "--format", "jsonl"], input="Peru expelled the Bolivian ambassador.\n")
    assert result.exit_code == 0 and '"doc_id": "stdin"' in result.stdout


def test_cli_actors_resolves_phrases() -> None:
    result = runner.invoke(app, ["actors", "the Kremlin", "North Korean soldiers", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["code"], r["sector"]) for r in rows] == [("RUS", "GOV"), ("PRK", "MIL")]


def test_cli_actors_table_for_people() -> None:
    result = runner.invoke(app, ["actors", "Trump", "--date", "2024-11-18"])
    assert result.exit_code == 0 and "ELI" in result.stdout


def test_cli_bad_actor_file_is_clear(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("foo\tbar\n1\t2\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "x", "--actors", str(path)])
    assert result.exit_code == 1 and "bad.tsv" in result.stderr
