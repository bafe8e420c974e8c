"""The store: idempotent ingest, corroboration across outlets, near-duplicates, errors, queries, exports."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from polybius.cli import app
from polybius.read import read_inputs
from polybius.store import Store

STORY = ("Kenyan troops attacked an al-Shabaab camp near Kismayo on Monday, the Kenyan army said. "
         "Officials said the raid followed a week of clashes along the border.")


def corpus(tmp_path: Path, rows: list[dict], name: str = "news.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def counts(db_path: Path) -> dict[str, object]:
    with duckdb.connect(str(db_path), read_only=True) as db:
        return {
            "articles": sorted(r[0] for r in db.execute("SELECT article_key FROM articles").fetchall()),
            "mentions": sorted(r[0] for r in db.execute("SELECT event_id FROM mentions").fetchall()),
            "events": sorted(db.execute("SELECT event_key, n_mentions, n_articles, n_outlets FROM events").fetchall()),
            "errors": db.execute("SELECT count(*) FROM errors").fetchone()[0],
        }


def test_store_ingest_twice_duplicates_nothing(coder, tmp_path: Path) -> None:
    path = corpus(tmp_path, [{"id": "a1", "text": STORY, "date": "2023-05-02", "outlet": "Daily Nation"}])
    store = Store(tmp_path / "s.duckdb")
    first = store.ingest(read_inputs([str(path)], None), coder)
    second = store.ingest(read_inputs([str(path)], None), coder)
    store.close()
    assert first.articles == 1 and second.articles == 0 and second.skipped == 1
    assert counts(tmp_path / "s.duckdb")["articles"] == [next(iter(counts(tmp_path / "s.duckdb")["articles"]))]


def test_store_merges_mentions_across_outlets(coder, tmp_path: Path) -> None:
    other = ("Kenya's military said its soldiers attacked al-Shabaab fighters near the Somali port of Kismayo "
             "on Monday, killing several.")
    rows = [{"id": "n1", "text": STORY, "date": "2023-05-02", "outlet": "Daily Nation"},
            {"id": "s1", "text": other, "date": "2023-05-03", "outlet": "The Standard"}]
    store = Store(tmp_path / "s.duckdb")
    store.ingest(read_inputs([str(corpus(tmp_path, rows))], None), coder)
    merged = store.db.execute("SELECT n_articles, n_outlets FROM events WHERE type = 'ASSAULT' "
                              "AND source_code = 'KEN' ORDER BY n_articles DESC").fetchall()
    store.close()
    assert merged and merged[0] == (2, 2)


def test_store_links_syndicated_copies(coder, tmp_path: Path) -> None:
    story = STORY + " " + " ".join(f"Paragraph {i} gave further details of the fighting and of the wounded." for i in range(8))
    copy = story.replace("on Monday", "on Monday morning")
    rows = [{"id": "wire", "text": story, "date": "2023-05-02", "outlet": "Reuters"},
            {"id": "reprint", "text": copy, "date": "2023-05-02", "outlet": "Gulf Daily"}]
    store = Store(tmp_path / "s.duckdb")
    report = store.ingest(read_inputs([str(corpus(tmp_path, rows))], None), coder)
    linked = store.db.execute("SELECT doc_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
    top = store.db.execute("SELECT max(n_articles) FROM events").fetchone()[0]
    store.close()
    assert report.duplicates == 1 and linked[0][0] == "reprint" and top == 1


def test_store_records_malformed_inputs_and_keeps_the_rest(coder, tmp_path: Path) -> None:
    corpus(tmp_path, [{"id": "ok", "text": STORY, "date": "2023-05-02"}], "good.jsonl")
    truncated = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"id": f"z{i}", "text": f"Item {i}. {STORY}"}) + "\n" for i in range(50))
    truncated.write_bytes(gzip.compress(lines.encode())[:-40])
    (tmp_path / "broken.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    (tmp_path / "latin.txt").write_bytes("Le ministre a parl\xe9.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "huge.jsonl").write_text(json.dumps({"id": "big", "text": "word " * 10_500_000}) + "\n", encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    report = store.ingest(read_inputs([str(tmp_path)], None), coder)
    errors = [r[0] for r in store.db.execute("SELECT origin || ' ' || message FROM errors").fetchall()]
    store.close()
    assert report.articles >= 1 + 30  # the good file and the readable part of the truncated one
    for needle in ("cut.jsonl.gz", "broken.warc", "latin.txt", "empty.txt", "huge.jsonl"):
        assert any(needle in e for e in errors), f"no error row for {needle}: {errors}"


def test_store_query_and_export_commands(coder, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    store = Store(db)
    store.ingest(read_inputs([str(corpus(tmp_path, [{"id": "a", "text": STORY, "date": "2023-05-02"}]))], None), coder)
    store.close()
    runner = CliRunner()
    rows = runner.invoke(app, ["query", "--db", str(db), "--dyad", "KEN:SOM", "--format", "jsonl"])
    assert rows.exit_code == 0 and all(json.loads(x)["source_code"] == "KEN" for x in rows.stdout.splitlines())
    sql = runner.invoke(app, ["query", "--db", str(db), "--sql", "SELECT count(*) AS n FROM articles", "--format", "jsonl"])
    assert json.loads(sql.stdout.splitlines()[0]) == {"n": 1}
    bad = runner.invoke(app, ["query", "--db", str(db), "--sql", "SELECT nothing FROM nowhere"])
    assert bad.exit_code == 2 and "query failed" in bad.stderr
    for fmt, name in (("parquet", "e.parquet"), ("csv", "e.csv"), ("plover", "e.jsonl"), ("gdelt", "e.tsv")):
        result = runner.invoke(app, ["export", str(tmp_path / name), "--db", str(db), "--format", fmt])
        assert result.exit_code == 0 and (tmp_path / name).stat().st_size > 0
    assert "EventRootCode" in (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()[0]


def test_store_survives_sigkill_and_resumes(tmp_path: Path) -> None:
    """Kill an ingest mid-run, resume it, and compare with an uninterrupted run."""
    rows = [{"id": f"a{i}", "date": "2023-05-02", "outlet": f"Paper {i % 4}",
             "text": f"Report {i}. " + STORY.replace("Monday", ["Monday", "Tuesday", "Friday"][i % 3])}
            for i in range(120)]
    path = corpus(tmp_path, rows)
    command = [sys.executable, "-m", "polybius", "ingest", str(path), "--batch-size", "4", "--db"]
    subprocess.run(command + [str(tmp_path / "whole.duckdb")], check=True, capture_output=True)
    process = subprocess.Popen(command + [str(tmp_path / "cut.duckdb")], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(4.5)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    subprocess.run(command + [str(tmp_path / "cut.duckdb")], check=True, capture_output=True)
    assert counts(tmp_path / "cut.duckdb") == counts(tmp_path / "whole.duckdb")


@pytest.mark.parametrize("args, message", [
    (["query", "--db", "missing.duckdb"], "no such store"),
    (["query", "--db", "X", "--dyad", "USA-UKR"], ""),
])
def test_store_cli_errors_are_clear(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [a if a != "X" else str(tmp_path / "x.duckdb") for a in args])
    assert result.exit_code != 0
    assert message in result.stderr


def test_store_minhash_round_trips_through_bytes() -> None:
    from polybius.store.dedup import DuplicateFinder, signature

    original = signature("Kenyan troops attacked an al-Shabaab camp near Kismayo on Monday, the army said.")
    finder = DuplicateFinder()
    finder.add("a", DuplicateFinder.from_bytes(DuplicateFinder.to_bytes(original)))
    assert finder.original_of(original) == "a"


def test_store_python_api_returns_relations(coder, tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.ingest(read_inputs([str(corpus(tmp_path, [{"id": "a", "text": STORY, "date": "2023-05-02"}]))], None), coder)
    rows = store.query(dyad=("KEN", "SOM")).fetchall()
    assert rows and store.query("SELECT count(*) FROM articles").fetchall()[0][0] == 1
    store.close()


def test_store_progress_counts_inputs_ahead(tmp_path: Path) -> None:
    from polybius.cli.store import expected_articles

    corpus(tmp_path, [{"id": str(i), "text": STORY} for i in range(7)])
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    assert expected_articles([str(tmp_path)]) == 8
