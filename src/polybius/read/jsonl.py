"""JSON Lines corpora: one article per line with `id` and `text` (date, title, url, outlet optional)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from polybius.errors import InputError
from polybius.records import Article, ArticleError


def parse_date(value: object, origin: str) -> date:
    """An ISO date (YYYY-MM-DD; a longer timestamp is cut to its date)."""
    if not isinstance(value, str):
        raise InputError(origin, f"'date' must be a string YYYY-MM-DD, not {value!r}",
                         "Fix the date or leave it out")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(origin, f"'date' {value!r} is not a date YYYY-MM-DD",
                         "Fix the date or leave it out") from None


def article_from_object(obj: object, origin: str, default_date: date | None) -> Article:
    """Validate one decoded line and build its Article; other fields are ignored."""
    if not isinstance(obj, dict):
        raise InputError(origin, "is not a JSON object", 'Write one object a line: {"id": ..., "text": ...}')
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "has no 'text' (a non-empty string is required)", "Add the article's text")
    raw_id = obj.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        raise InputError(origin, "has no 'id'", "Give every line a unique 'id'")
    when = parse_date(obj["date"], origin) if obj.get("date") else default_date
    optional = {k: obj.get(k) if isinstance(obj.get(k), str) else None for k in ("title", "url", "outlet")}
    return Article(doc_id=str(raw_id), text=text, date=when, origin=origin, **optional)


def read_jsonl(lines: Iterable[bytes], path: str, default_date: date | None,
               first_line: int = 1) -> Iterator[Article | ArticleError]:
    """Stream a jsonl source line by line; a bad line becomes an ArticleError naming it."""
    seen_any = first_line > 1
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        seen_any = True
        origin = f"{path}:{number}"
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            yield ArticleError(origin, f"is not valid UTF-8 (at byte {error.start}); re-encode the file as UTF-8")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield ArticleError(origin, f"is not valid JSON ({error.msg} at column {error.colno}); fix or remove the line")
            continue
        try:
            yield article_from_object(obj, origin, default_date)
        except InputError as error:
            doc_id = str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") is not None else None
            yield ArticleError(error.origin, f"{error.problem}. {error.fix}", doc_id)
    if not seen_any:
        yield ArticleError(path, "is empty (no articles); give it one JSON object per line")
