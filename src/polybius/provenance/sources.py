"""What kind of source a reporting phrase names: media, official, anonymous, expert, person, organization.

Names decide first (an outlet from the outlets table, an actor from the actor lexicon);
then the head noun ("sources" are anonymous, "analysts" experts, "witnesses" people).
Generic references to outlets ("these media", "the newspapers") point back to the
outlets the article named last.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from polybius.actors.resolve import Resolver
from polybius.lexicon import Row, read_tsv, shipped_path
from polybius.records import Attribution

OFFICIAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
ORGANIZATION_CODES = {"IGO", "NGO", "MNC", "IMG", "ISM"}
UNNAMED_HEADS = {"official", "officer", "diplomat", "source", "aide", "insider", "people", "person"}
ANONYMITY_MARKERS = ("anonymity", "unnamed", "anonymous", "not authorized", "not authorised", "familiar with")


@dataclass
class SourceLexicon:
    """Outlets by surface form, and the head nouns that say what a source is."""

    outlets: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # surface → (name, country)
    nouns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> SourceLexicon:
        lexicon = cls()
        data = shipped_path("polybius.provenance", "data")
        for row in read_tsv(data / "outlets.tsv", ("name", "aliases", "country", "kind")):
            lexicon.add_outlet(row)
        for row in read_tsv(data / "source_nouns.tsv", ("lemma", "kind")):
            lexicon.nouns[row["lemma"].lower()] = row["kind"]
        return lexicon

    def add_outlet(self, row: Row) -> None:
        """Each form keyed without "The", except one-word names that need it ("The Hill", "The Atlantic")."""
        for surface in [row["name"], *row.items("aliases")]:
            key = strip_the(surface)
            if key != surface.strip() and " " not in key:
                key = "The " + key
                self.outlets["the " + key[4:]] = (row["name"], row["country"] or None)
            self.outlets[key] = (row["name"], row["country"] or None)

    def outlet_in(self, text: str) -> tuple[str, str | None, str] | None:
        """The outlet a phrase names ("The Washington Post", "a Washington Post source"):
        its canonical name, its country, and the words that named it."""
        words = text.replace("’", "'").split()
        for size in range(min(6, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                window = without_possessive(" ".join(words[start:start + size]))
                found = self.outlets.get(window) or self.outlets.get(strip_the(window))
                if found is not None:
                    return found[0], found[1], window
        return None

    def patterns(self) -> list[tuple[str, str]]:
        """Surface forms for the entity ruler, labelled as organisations."""
        return [(surface, "ORG") for surface in self.outlets]


def without_possessive(text: str) -> str:
    text = text.rstrip(",.;:")
    return text[:-2] if text.endswith("'s") else text


def strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text[:4].lower() == "the " else text


def phrase_of(head: Token) -> Span:
    """The noun phrase a source head stands for, relative clauses included ("officials who spoke ..."),
    coordinated phrases not ("the Times or the Post" is two sources)."""
    end = head.i
    for child in head.rights:
        if child.dep_ in ("cc", "conj"):
            break
        end = child.right_edge.i
    return head.doc[head.left_edge.i:end + 1]


@dataclass(frozen=True)
class SourceClassifier:
    """Turns the head of a source phrase into Attribution records (a phrase may name two)."""

    lexicon: SourceLexicon
    resolver: Resolver

    def classify(self, head: Token, recent_outlets: list[Attribution]) -> list[Attribution]:
        phrase = phrase_of(head)
        text = phrase.text.strip(" ,")
        outlet = self.lexicon.outlet_in(text)
        lemma = head.lemma_.lower()
        kind = self.lexicon.nouns.get(lemma) or self.lexicon.nouns.get(head.lower_)
        named = head.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in head.children if t.dep_ in ("appos", "compound"))
        anonymous = kind == "anonymous" or any(m in text.lower() for m in ANONYMITY_MARKERS) or (
            lemma in UNNAMED_HEADS and not named)
        actor = self.resolver.resolve_one(head)
        code = actor.code if actor is not None else None
        if outlet is not None:
            media = Attribution(outlet[2], "media", outlet[1])
            return [media, Attribution(text, "anonymous", None)] if anonymous and kind else [media]
        if kind == "media":
            return list(recent_outlets) if recent_outlets and head.lower_ in ("media", "newspapers", "papers", "outlets") \
                and any(c.lower_ in ("these", "those", "the", "both") for c in head.children) \
                else [Attribution(text, "media", code)]
        if anonymous:
            return [Attribution(text, "anonymous", code)]
        if kind in ("expert", "person", "organization"):
            return [Attribution(text, kind, code)]
        if code in ORGANIZATION_CODES:
            return [Attribution(text, "organization", code)]
        title = self.resolver.sector_only(head)
        if (actor is not None and actor.sector in OFFICIAL_SECTORS) or (title and title[1] in OFFICIAL_SECTORS):
            return [Attribution(text, "official", code)]
        if actor is not None and actor.name and actor.sector is None:
            return [Attribution(text, "official", code)]  # a state named as speaker: "Moscow said"
        if actor is not None:
            return [Attribution(text, "organization" if actor.sector in ("BUS", "SOC", "PTY", "REL") else "person", code)]
        if head.ent_type_ == "ORG" or (title and title[1] in ("PTY", "SOC", "BUS", "REL", "LAB", "OPP")):
            return [Attribution(text, "organization", None)]
        if named:
            return [Attribution(text, "person", None)]
        return [Attribution(text, "unknown", None)]
