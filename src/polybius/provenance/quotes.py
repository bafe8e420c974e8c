"""Direct quotations and their speakers: “...,” he said / X said: “...”.

The speaker is the subject of the reporting verb right after the closing mark or right
before the opening one, resolved to an actor (a pronoun to the person the article named
before it). Events inside a quotation are the speaker's claims: segment "quote".
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from polybius.events.lexicon import EventLexicon
from polybius.records import Actor

WINDOW_AFTER = 6
WINDOW_BEFORE = 12
EXTRA_REPORTING = {"underline", "stress", "add", "tell", "say", "insist", "warn", "write", "declare", "note"}


@dataclass(frozen=True)
class Quote:
    """A quotation span (offsets in the parsed text), its words and its speaker."""

    start: int
    end: int
    text: str
    speaker_token: Token | None
    speaker: Actor | None

    def to_dict(self, start: int, end: int) -> dict[str, object]:
        return {"start": start, "end": end, "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None}


def reporting_verb(token: Token, lexicon: EventLexicon) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (lemma in lexicon.speech or lemma in EXTRA_REPORTING)


def speaker_token(doc: Doc, start: int, end: int, lexicon: EventLexicon) -> Token | None:
    """The subject of the reporting verb next to a quotation spanning characters [start, end)."""
    after = [t for t in doc if t.idx >= end][:WINDOW_AFTER]
    before = [t for t in doc if t.idx + len(t) <= start][-WINDOW_BEFORE:]
    for token in after + list(reversed(before)):
        if reporting_verb(token, lexicon):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                            and not start <= c.idx < end), None)  # the speaker stands outside the quote
            if subject is None:  # “...” underlined the minister: the subject may follow the verb
                subject = next((t for t in token.rights if t.pos_ in ("PRON", "PROPN", "NOUN")), None)
            if subject is not None:
                return subject
    return None


def text_between(doc: Doc, start: int, end: int) -> str:
    return doc.text[start + 1:end - 1].strip()
