"""Resolving an argument's noun phrase to actors: code, sector and canonical name.

A phrase is read the way an analyst reads it: the head noun gives the sector ("soldiers"
→ MIL), a country, seat, organisation or person among the head and its modifiers gives
the code ("North Korean", "Ukraine's", "of the United States"), and office holders are
chosen by the article's date (a former leader is ELI). Pronouns and bare titles ("he",
"the ministry") take the most recent fitting actor of the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from polybius.actors.lexicon import ActorEntry, ActorLexicon
from polybius.actors.mentions import Mention, is_pronoun
from polybius.records import Actor

MODIFIER_DEPS = {"poss", "compound", "amod", "nmod", "npadvmod"}
OF_PREPS = {"of", "from"}
NATION_KINDS = {"country", "adjective", "capital", "place"}
LOCATION_PREPS = {"in", "throughout", "across", "from", "of", "inside"}
INNER_PREPS = ("of", "in", "on", "from", "inside", "near", "at", "with", "against", "to", "for")
ETHNIC_MARKERS = {"ethnic"}
PLACE_HEADS = {"border", "frontier", "boundary"}  # "near the Thai border" says where, not who
COMMUNICATIVE = {"call", "offer", "appeal", "demand", "proposal", "invitation", "plan", "request", "ultimatum",
                 "plea", "bid", "warning", "threat", "initiative", "suggestion"}  # "an offer from X": X speaks
ROLE_RANK = ("supreme leader", "president", "king", "queen", "emir", "chancellor", "prime minister",
             "premier", "crown prince", "vice president")
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}


LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}


@dataclass
class ActorContext:
    """What an article names, in order: the antecedents for pronouns and bare titles."""

    when: date | None
    recent: list[tuple[int, Actor, bool]] = field(default_factory=list)  # (token index, actor, is_person)

    def remember(self, actor: Actor, is_person: bool, position: int) -> None:
        if actor.code:
            self.recent.append((position, actor, is_person))

    def antecedent(self, want_person: bool | None, before: int) -> Actor | None:
        """The latest actor named before a position; persons or non-persons when asked."""
        for position, actor, is_person in reversed(self.recent):
            if position < before and (want_person is None or is_person == want_person):
                return actor
        return None


@dataclass(frozen=True)
class Resolver:
    """Phrase → actors, over one article's mentions; built per Doc by the actors stage."""

    lexicon: ActorLexicon
    mentions: dict[int, Mention]
    context: ActorContext

    def resolve(self, head: Token) -> list[Actor]:
        """The actors a noun phrase names: one per conjunct ("Jordan and Britain" → two)."""
        actors = []
        for token in [head, *conjuncts(head)]:
            actor = self.resolve_one(token)
            if actor is not None:
                actors.append(actor)
        return actors

    def resolve_one(self, head: Token) -> Actor | None:
        if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
            return self.resolve_one(head.head.head)
        if is_pronoun(head):
            return self.resolve_pronoun(head)
        if any(c.lower_ in ETHNIC_MARKERS for c in head.children if c.dep_ == "amod"):
            return None  # "ethnic Albanians" names a people, not a state
        mention = self.mentions.get(head.i)
        sector, sector_code = self.sector_of(head)
        owner = next((c for c in head.children if c.dep_ == "poss" and is_pronoun(c)), None)
        if owner is not None and mention is None and sector is not None:
            antecedent = self.resolve_pronoun(owner)  # "its soldiers": the soldiers of whoever "its" is
            if antecedent is not None:
                return Actor(phrase_text(head, []), antecedent.code, sector, antecedent.name)
        entry, entry_sector, used = self.named_entry(head, mention)
        text = phrase_text(head, used)
        if entry is None:
            if sector is None:
                return self.resolve_through_of(head)
            located = self.located_in(head)  # "security forces in Guinea", "students throughout Indonesia"
            if located is not None and sector_code is None:
                return Actor(text, located.code, sector, self.office_holder_name(head, located.code or ""))
            return self.resolve_bare_title(head, text, sector, sector_code)
        code = entry.code
        if not used:  # the head itself is the named actor: "the Kremlin", "Trump"
            sector = entry_sector or sector
        elif sector is None and entry.kind in ("person", "seat", "organization"):
            sector = entry_sector  # "Putin's envoy" keeps what the named actor is
        name = self.office_holder_name(head, code) or entry.name
        return Actor(text, code, sector, name)

    def sector_of(self, head: Token) -> tuple[str | None, str | None]:
        """The sector (and transnational code) the head noun names, two-word phrases first."""
        lemma = head.lemma_.lower()
        left = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
        if left:
            found = self.lexicon.sector_nouns.get(f"{left[-1].lemma_.lower()} {lemma}")
            if found:
                return found
        found = self.lexicon.sector_nouns.get(lemma) or self.lexicon.sector_nouns.get(head.lower_)
        return found if found else (None, None)

    def named_entry(self, head: Token, mention: Mention | None) -> tuple[ActorEntry | None, str | None, list[Token]]:
        """The dictionary entry the phrase names: its own head, else its best named modifier.

        An explicit nationality among the modifiers beats an ethnic or ambiguous head:
        "Bosnian Serbs" is BIH, "Pakistan President Zia" is PAK whoever else is called Zia.
        """
        modifiers = self.modifier_entries(head)
        nation = next((m for m in modifiers if m[0].kind in NATION_KINDS), None)
        if mention is not None and mention.entries:
            entry, sector = self.choose(mention)
            if nation is not None and entry.kind in ("people", "person") and nation[0].code != entry.code:
                return nation[0], None, [nation[2]]
            return entry, sector, []
        if modifiers:
            entry, sector, token = modifiers[0]
            return entry, sector, [token]
        return None, None, []

    def modifier_entries(self, head: Token) -> list[tuple[ActorEntry, str | None, Token]]:
        """Named modifiers of a head ("Ukraine's", "North Korean", "of France"), best first."""
        candidates = [c for c in head.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "appos"]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in OF_PREPS):
            candidates += [p for p in prep.children if p.dep_ == "pobj"]
        for child in list(candidates):
            if child.dep_ in ("compound", "amod", "appos"):  # "the North Korean army's units", "X, Algeria's activist"
                candidates += [g for g in child.children if g.dep_ in MODIFIER_DEPS]
        found = []
        for child in candidates:
            if stance_prefixed(child):
                continue  # "anti-Syria journalist" is not Syrian
            mention = self.mentions.get(child.i)
            if mention is not None and mention.entries:
                entry, sector = self.choose(mention)
                found.append((entry, sector, child))
        found.sort(key=lambda f: (f[2].dep_ != "poss", f[0].kind == "person", abs(f[2].i - head.i)))
        return found

    def choose(self, mention: Mention) -> tuple[ActorEntry, str | None]:
        """Among a mention's entries, the one valid on the article's date, with its sector then.

        A name that is both a place and a person's surname is the place where the text puts
        something in it ("a rally in Lagos" is not Ricardo Lagos)."""
        entries = list(mention.entries)
        places = [e for e in entries if e.kind != "person"]
        if places and len(places) < len(entries) and mention.span.root.dep_ == "pobj" \
                and mention.span.root.head.lower_ in LOCATIVE_PREPS:
            entries = places
        return choose_entry(entries, self.context.when)

    def office_holder_name(self, head: Token, code: str) -> str | None:
        role = head.lemma_.lower()
        left = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
        roles = [f"{left[-1].lemma_.lower()} {role}", role] if left else [role]
        for candidate in roles:
            holder = self.lexicon.holder_of(code, candidate, self.context.when)
            if holder is not None:
                return holder.name
        return None

    def resolve_pronoun(self, head: Token) -> Actor | None:
        """A pronoun's actor: a possessive is bound by its clause's subject ("Pakistan urged its
        citizens"), any other pronoun takes the latest fitting actor named before it."""
        if head.dep_ == "poss":
            binder = clause_subject(head)
            if binder is not None and not binder.left_edge.i <= head.i <= binder.right_edge.i and not is_pronoun(binder):
                bound = self.resolve_one(binder)
                if bound is not None and bound.code:
                    return Actor(head.text, bound.code, bound.sector, bound.name)
        want = True if head.lower_ in PERSON_PRONOUNS else (False if head.lower_ in GROUP_PRONOUNS else None)
        antecedent = self.context.antecedent(want, head.i)
        if antecedent is None:
            return None
        return Actor(head.text, antecedent.code, antecedent.sector, antecedent.name)

    def resolve_bare_title(self, head: Token, text: str, sector: str, code: str | None) -> Actor | None:
        """'the ministry', 'the army': a transnational code, or the article's latest country."""
        if code is not None:
            return Actor(text, code, sector, None)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            antecedent = self.context.antecedent(None, head.i)
            if antecedent is not None:
                name = self.office_holder_name(head, antecedent.code or "")
                return Actor(text, antecedent.code, sector, name or antecedent.name)
        return None

    def resolve_through_of(self, head: Token, depth: int = 0) -> Actor | None:
        """'targets on Russian territory', 'the junta in Niger': the actor inside the phrase."""
        if depth > 2:
            return None
        preps = INNER_PREPS if head.lemma_.lower() not in COMMUNICATIVE else ("by", "from", *INNER_PREPS)
        for prep in sorted((c for c in head.children if c.dep_ == "prep" and c.lower_ in preps),
                           key=lambda c: preps.index(c.lower_)):
            for pobj in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() not in PLACE_HEADS):
                actor = self.resolve_one(pobj) or self.resolve_through_of(pobj, depth + 1)
                if actor is not None:
                    return actor
        for clause in (c for c in head.children if c.dep_ == "acl"):  # "positions held by the rebels"
            for agent in (g for a in clause.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
                actor = self.resolve_one(agent)
                if actor is not None:
                    return actor
        for child in head.children:
            if child.dep_ in ("amod", "compound") and child.i in self.mentions and self.mentions[child.i].entries:
                entry, _ = self.choose(self.mentions[child.i])
                return Actor(phrase_text(head, []), entry.code, None, entry.name)
        return None

    def located_in(self, head: Token) -> Actor | None:
        """The country a kind of actor is placed in by a preposition ("police in Minsk")."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                actor = self.resolve_one(pobj)
                if actor is not None and actor.code not in ("IGO", "NGO", "MNC", "IMG"):
                    return actor
        return None

    def sector_only(self, head: Token) -> tuple[str, str] | None:
        """A phrase that names a kind of actor but no country ("opposition figure X"): text and sector."""
        sector, _ = self.sector_of(head)
        if sector is None:
            for child in (c for c in head.children if c.dep_ in ("compound", "appos")):
                sector, _ = self.sector_of(child)
                if sector is not None:
                    break
        return (phrase_text(head, []), sector) if sector else None


def stance_prefixed(token: Token) -> bool:
    """'anti-Syria', 'pro-Russian': a name after a stance prefix says whom one is for or against."""
    doc = token.doc
    start = token.i
    mention_start = start
    while mention_start > 0 and doc[mention_start - 1].ent_iob_ == "I" and doc[mention_start].ent_iob_ == "I":
        mention_start -= 1
    return mention_start >= 2 and doc[mention_start - 1].text == "-" and doc[mention_start - 2].lower_ in ("anti", "pro")


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause a word sits in (through conjoined and controlled verbs)."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("amod", "prep"):
            break
        if verb.head is verb:
            return None
        verb = verb.head
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def choose_entry(entries: list[ActorEntry], when: date | None) -> tuple[ActorEntry, str | None]:
    """Persons by date (in office → their sector, out of office since → ELI); others as they are."""
    persons = [e for e in entries if e.kind == "person"]
    if not persons:
        return entries[0], entries[0].sector
    if when is None:
        current = [e for e in persons if e.end is None] or persons
        best = min(current, key=role_rank)
        return best, best.sector
    holding = [e for e in persons if e.holds_office_on(when)]
    if holding:
        best = min(holding, key=role_rank)
        return best, best.sector
    past = [e for e in persons if e.end is not None and e.end <= when]
    if past:
        return max(past, key=lambda e: e.end or date.min), "ELI"
    return min(persons, key=lambda e: e.start or date.max), None


def role_rank(entry: ActorEntry) -> int:
    role = (entry.role or "").lower()
    for rank, name in enumerate(ROLE_RANK):
        if role == name or role.startswith(name):
            return rank
    return len(ROLE_RANK)


def conjuncts(token: Token) -> list[Token]:
    """'Jordan and Britain': the other members of a coordinated phrase."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        child = stack.pop(0)
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ == "conj")
    return out


def phrase_text(head: Token, used: list[Token]) -> str:
    """The words of the phrase: from its left edge to the head, stretched to any used modifier."""
    left = min([head.left_edge.i, *[u.left_edge.i for u in used]])
    right = max([head.i, *[u.right_edge.i for u in used if u.i > head.i]])
    tokens = [t for t in head.doc[left:right + 1] if not (t.dep_ == "case" and t.i == right)]
    while tokens and tokens[0].dep_ in ("det", "predet") and tokens[0].lower_ in ("the", "a", "an", "all"):
        tokens = tokens[1:]
    return head.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else head.text
