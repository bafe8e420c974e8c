"""Web pages: the article body is extracted with trafilatura before coding."""
from __future__ import annotations

from datetime import date

from polybius.errors import InputError
from polybius.read.text import decode_bytes
from polybius.records import Article


def extract_article_text(html: str) -> str | None:
    """The main text of a page (no navigation, ads or comments), or None if there is none."""
    import trafilatura  # imported here: loading it costs ~0.3 s, only HTML needs it

    return trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True)


def read_html(data: bytes, origin: str, doc_id: str, default_date: date | None) -> Article:
    """One web page → an Article whose text is the extracted body."""
    html = decode_bytes(data, origin)
    if not html.strip():
        raise InputError(origin, "is empty", "Give it a saved web page")
    text = extract_article_text(html)
    if not text or not text.strip():
        raise InputError(origin, "has no article text that could be extracted",
                         "Check that it is a news page, or save the text as .txt")
    return Article(doc_id=doc_id, text=text, date=default_date, origin=origin)
