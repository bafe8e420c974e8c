"""Plain-text articles: the file is one article; its id is the file name without suffix."""
from __future__ import annotations

import codecs
from datetime import date

from polybius.errors import InputError
from polybius.records import Article


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is an error."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            origin,
            f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
            "Convert it first, e.g. `iconv -f LATIN1 -t UTF-8 FILE > FILE.utf8`",
        ) from None


def read_text(data: bytes, origin: str, doc_id: str, default_date: date | None) -> Article:
    """One text article; empty or whitespace-only input is an error, not an empty result."""
    text = decode_bytes(data, origin)
    if not text.strip():
        raise InputError(origin, "is empty", "Give it the article's text")
    return Article(doc_id=doc_id, text=text, date=default_date, origin=origin)
