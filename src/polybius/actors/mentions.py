"""Actor mentions in a parsed Doc: the entity ruler's spans joined to their lexicon entries."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from polybius.actors.lexicon import ActorEntry, ActorLexicon

PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their", "we", "our", "us"}


@dataclass(frozen=True)
class Mention:
    """A span of the Doc that names an actor, with the entries its words can resolve to."""

    span: Span
    entries: tuple[ActorEntry, ...]

    @property
    def is_person(self) -> bool:
        return any(e.kind == "person" for e in self.entries) or self.span.label_ == "PERSON"


def find_mentions(doc: Doc, lexicon: ActorLexicon) -> dict[int, Mention]:
    """Token index → the mention covering it, for every entity our lexicon knows or NER names a person."""
    by_token: dict[int, Mention] = {}
    for ent in doc.ents:
        entries = lexicon.lookup(ent.ent_id_ or ent.text) if ent.ent_id_ else lexicon.lookup(ent.text)
        if not entries and ent.label_ != "PERSON":
            continue
        mention = Mention(ent, tuple(entries))
        for token in ent:
            by_token[token.i] = mention
    return by_token


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in PRONOUNS
