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
LOOKBACK_SENTENCES = 6
FALSEHOODS = {"fake", "lie", "false", "baseless", "fabrication", "fabricated", "nonsense", "propaganda", "untrue",
              "groundless", "unfounded", "disinformation", "misinformation", "hoax"}
REFUSING = {"decline", "refuse"}
NON_COMMENT = {"comment", "say", "elaborate", "discuss", "confirm", "respond", "mention", "speak"}


@dataclass(frozen=True)
class Statement:
    """A confirming or denying statement: its verb, value, speaker and scope."""

    verb: Token
    value: str
    speaker: Token | None
    clause: Token | None  # the that-clause it is about, if any


def statement_value(verb: Token, lexicon: EventLexicon) -> str | None:
    """'confirmed' / 'denied' / 'unconfirmed' for a verb, reading negation and "declined to"."""
    lemma = verb.lemma_.lower()
    kind = lexicon.speech.get(lemma)
    if lemma in ("call", "describe", "label", "brand", "dismiss") and any(
            g.lemma_.lower() in FALSEHOODS for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr", "prep")
            for g in c.subtree):
        return "denied"  # "called the report another fake", "dismissed it as propaganda"
    negated = any(c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither") for c in verb.children)
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSING
    if lemma in NON_COMMENT and (negated or refused):
        return "unconfirmed"  # "did not comment", "declined to say"
    if lemma in REFUSING:
        return None  # read through its complement ("declined to comment")
    if lemma == "reject" and any(c.dep_ == "dobj" and c.lemma_.lower() in DENIAL_OBJECTS for c in verb.children):
        kind = "deny"
    if kind == "confirm":
        return "unconfirmed" if negated or refused else "confirmed"
    if kind == "deny":
        return None if negated else ("unconfirmed" if refused else "denied")
    return None


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
