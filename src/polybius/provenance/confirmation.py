"""Confirmation: a party confirming, denying or declining to confirm what was reported.

"did not confirm this information", "declined to comment", "denied the report",
"confirmed" → confirmed / denied / unconfirmed on the events the statement refers to: the
events of its own that-clause when it has one ("denied that troops crossed"), else the
claims just reported ("this information", "the reports"): the attributed events of the
preceding sentences of the paragraph. The confirming or denying party joins the
attribution.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from polybius.events.lexicon import EventLexicon

VALUES = {"confirm": "confirmed", "deny": "denied", "decline": "unconfirmed"}
DENIAL_OBJECTS = {"report", "claim", "allegation", "information", "news", "account", "story", "accusation", "rumor",
                  "rumour", "suggestion"}
LOOKBACK_SENTENCES = 3


@dataclass(frozen=True)
class Statement:
    """A confirming or denying statement: its verb, value, speaker and scope."""

    verb: Token
    value: str
    speaker: Token | None
    clause: Token | None  # the that-clause it is about, if any


def statement_value(verb: Token, lexicon: EventLexicon) -> str | None:
    """'confirmed' / 'denied' / 'unconfirmed' for a verb, with negation and 'decline to' read."""
    lemma = verb.lemma_.lower()
    kind = lexicon.speech.get(lemma)
    negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma == "reject" and any(c.dep_ == "dobj" and c.lemma_.lower() in DENIAL_OBJECTS for c in verb.children):
        kind = "deny"
    if kind == "decline" and not any(c.dep_ == "xcomp" for c in verb.children) and lemma == "decline":
        kind = "decline" if any(c.dep_ in ("dobj", "xcomp") for c in verb.children) else None
    if kind == "confirm" and negated:
        return "unconfirmed"
    if kind == "deny" and negated:
        return None
    return VALUES.get(kind or "")


def find_statements(sentence: Span, lexicon: EventLexicon) -> list[Statement]:
    found = []
    for verb in (t for t in sentence if t.pos_ in ("VERB", "AUX")):
        value = statement_value(verb, lexicon)
        if value is None:
            continue
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is None and verb.dep_ == "xcomp":  # "declined to confirm"
            speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        found.append(Statement(verb, value, speaker, clause))
    return found


def in_clause(token: Token, clause: Token) -> bool:
    return clause.left_edge.i <= token.i <= clause.right_edge.i
