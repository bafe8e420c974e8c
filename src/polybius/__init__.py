"""polybius: political event data from news — who did what to whom, where and when, and who says so.

The public API: ``Coder`` (load once, code many), ``code_text`` (one-off), and the records.
"""
from __future__ import annotations

from datetime import date

from polybius.records import Actor, Article, ArticleError, Document, EventRecord
from polybius.settings import Settings

__all__ = ["Actor", "Article", "ArticleError", "Coder", "Document", "EventRecord", "Settings", "code_text"]
__version__ = "0.1.0"


def __getattr__(name: str):  # the Coder pulls in spaCy: import it only when asked for
    if name == "Coder":
        from polybius.pipeline import Coder

        return Coder
    raise AttributeError(name)


def code_text(text: str, when: date | None = None, doc_id: str = "text") -> Document:
    """Code one text with a fresh Coder (load a Coder yourself to code many)."""
    from polybius.pipeline import Coder

    return Coder().code_text(text, when, doc_id)
