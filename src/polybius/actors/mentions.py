"""Actor mentions in a parsed Doc: the entity ruler's spans joined to their lexicon entries."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from polybius.actors.lexicon import ActorEntry, ActorLexicon

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "gen.", "rep.", "sir", "lord", "dame"}
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
    named_in_full: set[ActorEntry] = set()
    for ent in doc.ents:
        entries = tuple(lexicon.lookup(ent.ent_id_ or ent.text))
        if not entries and ent.label_ != "PERSON":
            continue
        if len(ent) == 1 and entries and all(e.kind == "person" for e in entries) and part_of_longer_name(ent, lexicon):
            continue  # "Hunter Biden", "Mao Ning": another person who shares a surname
        if len(ent) > 1:
            named_in_full.update(entries)
        elif ent.text in lexicon.common_words and not titled(ent, lexicon) and not named_in_full.intersection(entries):
            continue  # "in May" is a month unless Theresa May was named first, or "Mrs May"
        mention = Mention(ent, entries)
        for token in ent:
            by_token[token.i] = mention
    return by_token


def part_of_longer_name(span: Span, lexicon: ActorLexicon) -> bool:
    """A one-word name glued to other capitalized names that are not titles."""
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in HONORIFICS
               and t.lemma_.lower() not in lexicon.sector_nouns and not lexicon.lookup(t.text)
               and not t.is_sent_start for t in neighbours)


def titled(span: Span, lexicon: ActorLexicon) -> bool:
    """A name right after a title or honorific: "President Lee", "Mr Hunt"."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in HONORIFICS or before.lemma_.lower() in lexicon.sector_nouns


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in PRONOUNS
