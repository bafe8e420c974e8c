"""WARC / WARC.gz web archives: every HTML response record becomes an article."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from polybius.errors import InputError
from polybius.read.html import read_html
from polybius.records import Article, ArticleError


def read_warc(stream: BinaryIO, path: str, default_date: date | None) -> Iterator[Article | ArticleError]:
    """Stream the HTML responses of an archive; a broken record ends the file with an error naming it."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if content_type and "html" not in content_type.lower():
                continue
            number += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{number}"
            origin = f"{path}#{number}"
            try:
                article = read_html(record.content_stream().read(), origin, uri, default_date)
                yield Article(article.doc_id, article.text, article.date, url=uri, origin=origin)
            except InputError as error:
                yield ArticleError(error.origin, f"{error.problem}. {error.fix}", uri)
    except Exception as error:  # warcio raises bare exceptions on truncated or corrupt archives
        yield ArticleError(f"{path}#{number + 1}", f"is a broken WARC record ({type(error).__name__}: {error}); "
                           "the records before it were read — repair or re-fetch the archive")
