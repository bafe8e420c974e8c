"""Readers: inputs (txt, html, jsonl, stdin) → Article records, or ArticleError per bad input.

Readers stream: a jsonl file is read a line at a time, so corpora of any size run in
bounded memory. A bad file or line yields an ArticleError and the run goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from polybius.errors import InputError
from polybius.read.html import read_html
from polybius.read.jsonl import read_jsonl
from polybius.read.warc import read_warc
from polybius.read.text import decode_bytes, read_text
from polybius.records import Article, ArticleError

__all__ = ["read_inputs", "read_path", "decode_bytes"]

HTML_SUFFIXES = {".html", ".htm"}


def read_path(path: str, default_date: date | None) -> Iterator[Article | ArticleError]:
    """Read one path (or '-' for standard input) into articles, by its suffix."""
    if path == "-":
        yield from _read_stdin(default_date)
        return
    file = Path(path)
    if not file.exists():
        yield ArticleError(path, "no such file; check the path (use '-' to read standard input)")
        return
    if file.is_dir():
        yield from read_directory(file, default_date)
        return
    suffix = file.suffix.lower()
    name = file.name.lower()
    try:
        if suffix == ".jsonl":
            with file.open("rb") as handle:
                yield from read_jsonl(handle, path, default_date)
        elif name.endswith(".jsonl.gz"):
            yield from read_gzip_jsonl(file, default_date)
        elif name.endswith((".warc", ".warc.gz")):
            with file.open("rb") as handle:
                yield from read_warc(handle, path, default_date)
        elif suffix in HTML_SUFFIXES:
            yield read_html(file.read_bytes(), path, file.stem, default_date)
        else:
            yield read_text(file.read_bytes(), path, file.stem, default_date)
    except InputError as error:
        yield ArticleError(error.origin, f"{error.problem}. {error.fix}")
    except OSError as error:
        yield ArticleError(path, f"cannot be read ({error.strerror}); check its permissions")


READABLE = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz")


def read_directory(directory: Path, default_date: date | None) -> Iterator[Article | ArticleError]:
    """Every readable file under a directory, in a stable (sorted) order."""
    for file in sorted(p for p in directory.rglob("*") if p.is_file() and p.name.lower().endswith(READABLE)):
        yield from read_path(str(file), default_date)


def read_gzip_jsonl(file: Path, default_date: date | None) -> Iterator[Article | ArticleError]:
    """A gzip-compressed jsonl corpus; a truncated archive ends with an error naming where."""
    import gzip
    import zlib

    path = str(file)
    with gzip.open(file, "rb") as handle:
        lines = iter(handle)
        number = 0
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                return
            except (EOFError, OSError, zlib.error) as error:
                yield ArticleError(f"{path}:{number + 1}", f"is a truncated or corrupt gzip stream ({error}); "
                                   "the lines before it were read — re-compress or re-fetch the file")
                return
            number += 1
            yield from read_jsonl([raw], path, default_date, first_line=number)


def _read_stdin(default_date: date | None) -> Iterator[Article | ArticleError]:
    """Standard input: jsonl when the first non-blank character is '{', else one text."""
    stream = sys.stdin.buffer
    head = stream.peek(1) if hasattr(stream, "peek") else b""
    data_iter: Iterable[bytes]
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(stream, "<stdin>", default_date)
        return
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        data_iter = data.splitlines(keepends=True)
        yield from read_jsonl(data_iter, "<stdin>", default_date)
        return
    try:
        yield read_text(data, "<stdin>", "stdin", default_date)
    except InputError as error:
        yield ArticleError(error.origin, f"{error.problem}. {error.fix}")


def read_inputs(paths: Iterable[str], default_date: date | None) -> Iterator[Article | ArticleError]:
    """Read every path in order, yielding articles and per-input errors."""
    for path in paths:
        yield from read_path(path, default_date)
