"""Clauses → candidate events: a trigger, its lexicon entry, and the argument heads.

Triggers are verbs from the lexicon ("shelled", "called on"), event nouns ("an attack
on", "talks with") and light verbs carrying an event noun ("held talks", "imposed
sanctions"). Arguments come from the dependency parse: subject and agent are the source,
object, dative or the entry's preposition the target, passive voice included; a clause
without a subject inherits it from the clause that controls it ("urged Iran to stop" →
Iran stops; "agreed and signed" → both share the subject).

A candidate is *asserted* when its clause is the sentence's main clause, a conjunct of
it, the reported content of a speech verb, or the complement of a planning or permission
verb; subordinate mentions (relative clauses, purposes, the object of another event) are
kept only where a sentence asserts nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from polybius.events.lexicon import EventLexicon, LexiconEntry
from polybius.events.modality import PERMISSION_VERBS

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
TARGET_PREPS = ("against", "on", "upon", "with", "to", "into", "toward", "towards", "at", "from", "of",
                "over", "in", "for")
NOUN_TARGET_PREPS = ("on", "against", "with", "between", "to", "of", "into", "toward", "towards", "at", "for", "in",
                     "over")
PLACE_PREPS = ("in", "near", "outside", "at", "across", "throughout", "inside", "around")
WITHHELD_WORDS = {"comment", "confirm", "say", "elaborate", "disclose", "reveal", "specify", "verify", "deny"}
ASSERTING_LINKS = {"ROOT", "conj", "ccomp", "parataxis"}
NOUN_HOST_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "ROOT", "appos", "conj"}


@dataclass
class Candidate:
    """A possible event before actors are resolved: trigger, entry and argument heads."""

    trigger: Token
    entry: LexiconEntry
    kind: str  # verb, noun, light
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    asserted: bool = True
    clause: str = ""
    host: Token | None = None  # the light verb, for nominal events carried by one
    objects: list[Token] = field(default_factory=list)  # what the verb acts on ("troops" in "sent troops")
    places: list[Token] = field(default_factory=list)  # where it happened ("in Kirkuk", "near Samarra")


def lemma_key(token: Token) -> str:
    return token.lemma_.lower()


def particle(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "prt"), None)


def preps_of(token: Token) -> dict[str, Token]:
    """Preposition (or particle) → its object, for the prepositions a word governs."""
    found: dict[str, Token] = {}
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ not in found:
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            found[child.lower_] = pobj if pobj is not None else child
    return found


def object_lemmas(token: Token) -> list[Token]:
    """The direct objects of a verb (the passive subject counts as its object), with what a
    quantity is of ("25,000 tons of food aid" offers "aid" too)."""
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    objects += [g for o in objects for g in o.children if g.dep_ == "conj"]
    contents = [p for o in objects for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
    return objects + contents


def noun_keys(token: Token) -> list[str]:
    """A noun's lookup keys, two-word compound first ("air strike", then "strike")."""
    lemma = lemma_key(token)
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    keys = [f"{lemma_key(left[0])} {lemma}"] if left else []
    return keys + [lemma]


def verb_keys(token: Token) -> list[str]:
    prt = particle(token)
    return [f"{lemma_key(token)} {prt}", lemma_key(token)] if prt else [lemma_key(token)]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def match_verb(token: Token, lexicon: EventLexicon) -> LexiconEntry | None:
    preps = set(preps_of(token))
    objects = [k for obj in object_lemmas(token) for k in noun_keys(obj)]
    for key in verb_keys(token):
        entry = lexicon.best_entry(lexicon.verbs.get(key, []), preps, objects)
        if entry is not None:
            return entry
    return None


def match_noun(token: Token, lexicon: EventLexicon) -> LexiconEntry | None:
    preps = set(preps_of(token))
    for key in noun_keys(token):
        entry = lexicon.best_entry(lexicon.nouns.get(key, []), preps, [])
        if entry is not None:
            return entry
    return None


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The acting subject of a verb, inherited from a controlling or coordinated clause."""
    if is_passive(verb):
        agent = preps_of(verb).get("by")
        if agent is not None and agent.dep_ == "pobj":
            return [agent]
        if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            return []  # "soldiers were deployed": the agent is not said
    else:
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if own:
            return own
    if depth > 4 or verb.head is verb:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":  # object control: "urged Iran to stop" → Iran
        controller = [c for c in head.children if c.dep_ in OBJECT_DEPS or c.dep_ == "dative"]
        return controller or subjects(head, depth + 1)
    if verb.dep_ in ("conj", "acomp") or (head.dep_ == "acomp" and verb.dep_ == "xcomp"):
        return subjects(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        return [head]
    if verb.dep_ == "advcl":
        return subjects(head, depth + 1)
    return []


def clause_role(token: Token, lexicon: EventLexicon) -> tuple[bool, str]:
    """Whether a verb's clause is asserted, and a short description of why (for --explain)."""
    chain = []
    current = token
    for _ in range(8):
        dep = current.dep_
        chain.append(dep)
        if dep == "ROOT":
            return True, "main clause" if len(chain) == 1 else " < ".join(chain)
        head = current.head
        if dep in ("conj", "parataxis"):
            current = head
            continue
        if dep == "ccomp" and (lemma_key(head) in lexicon.speech or head.dep_ == "ROOT"):
            current = head
            continue
        if dep == "xcomp" and (lemma_key(head) in PERMISSION_VERBS or lexicon.modality_word("verb", lemma_key(head))
                               or head.pos_ in ("ADJ", "AUX") or lemma_key(head) == "be"):
            current = head
            continue
        if dep == "acomp":
            current = head
            continue
        return False, " < ".join(chain)
    return False, " < ".join(chain)


def event_governs(token: Token, triggers: set[int]) -> bool:
    """True when a clause is the complement of another event: what is threatened, demanded or
    agreed ("threatened to attack", "warned that it would respond")."""
    return token.dep_ in ("xcomp", "ccomp") and token.head.i in triggers and lemma_key(token.head) not in PERMISSION_VERBS


def verb_candidate(token: Token, entry: LexiconEntry, lexicon: EventLexicon) -> Candidate:
    asserted, clause = clause_role(token, lexicon)
    candidate = Candidate(token, entry, "verb", subjects(token), [], asserted, clause)
    candidate.targets = verb_targets(token, entry)
    if lemma_key(token) in PERMISSION_VERBS:  # who is permitted, not what the permitted act is aimed at
        candidate.targets = [t for t in candidate.targets if t.dep_ in ("dobj", "dative") and match_noun(t, lexicon) is None]
    candidate.objects = object_lemmas(token)
    candidate.places = places_of(token)
    for complement in purposes(token):  # "threatened to strike India", "marched to protest the decision"
        candidate.targets += [t for t in verb_targets(complement, entry) if t not in candidate.targets]
    return candidate


def verb_targets(token: Token, entry: LexiconEntry) -> list[Token]:
    """Target heads in order of preference: the entry's preposition, object, dative, other preps."""
    preps = preps_of(token)
    found: list[Token] = []
    if entry.prep and entry.prep in preps and preps[entry.prep].dep_ == "pobj":
        found.append(preps[entry.prep])
    dative = [c for c in token.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if is_passive(token):
        objects = [c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    found += dative + objects
    found += [owner for o in objects for owner in owners_of(o)]  # "rejected Kabul's offer", "an offer from Kabul"
    found += [preps[p] for p in TARGET_PREPS if p in preps and preps[p].dep_ == "pobj" and preps[p] not in found]
    found += clause_subjects(token)  # "demanded that the US cancel the sale" → the US
    place = relative_place(token)
    if place is not None:
        found.append(place)
    return found


def owners_of(noun: Token) -> list[Token]:
    """Whose thing a verb acts on: the possessor, or the 'from'/'by' agent of an object noun."""
    found = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    found += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "between")
              for p in prep.children if p.dep_ == "pobj"]
    return found


def purposes(verb: Token) -> list[Token]:
    """Infinitive complements and purpose clauses of a verb ("to protest against", "to strike")."""
    return [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]


def clause_subjects(word: Token) -> list[Token]:
    """Subjects of the clauses a verb or noun governs: who is asked, warned or accused to act."""
    found = []
    for clause in (c for c in word.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")):
        found += [c for c in clause.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    return found


def places_of(*words: Token | None) -> list[Token]:
    """Where an event happened: location prepositions of its trigger, host verb and objects."""
    found: list[Token] = []
    for word in (w for w in words if w is not None):
        for owner in [word, *[c for c in word.children if c.dep_ in OBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]]:
            for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
                found += [p for p in prep.children if p.dep_ == "pobj"]
        place = relative_place(word) if word.pos_ in ("VERB", "AUX") else None
        if place is not None:
            found.append(place)
    return found


def relative_place(verb: Token) -> Token | None:
    """'the Kursk region, where troops were deployed': the place a relative clause is about."""
    if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


def noun_candidate(token: Token, entry: LexiconEntry, host: Token | None, lexicon: EventLexicon) -> Candidate:
    """A nominal event: its own modifiers first ("Israeli strikes", "talks with Iran"), then its host verb."""
    own_sources = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    preps = preps_of(token)
    if "by" in preps and preps["by"].dep_ == "pobj":
        own_sources.insert(0, preps["by"])
    targets = []
    if entry.prep and entry.prep in preps:
        targets.append(preps[entry.prep])
    targets += [preps[p] for p in NOUN_TARGET_PREPS if p in preps and preps[p].dep_ == "pobj" and preps[p] not in targets]
    targets += clause_subjects(token)
    if host is not None:
        asserted, clause = clause_role(host, lexicon)
        host_targets = [t for t in verb_targets(host, entry) if t.i != token.i]
        host_targets += [t for c in purposes(host) for t in verb_targets(c, entry)]
        return Candidate(token, entry, "light", subjects(host) + own_sources, targets + host_targets,
                         asserted, f"object of '{host.text}' ({clause})", host, places=places_of(token, host))
    if token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
        own_sources += subjects(token.head.head)  # "farmers camped ... in protest at the reforms"
    verb = token.head if token.dep_ in NOUN_HOST_DEPS else None
    asserted = False
    clause = f"noun ({token.dep_})"
    if verb is not None and verb.pos_ in ("VERB", "AUX") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        asserted, clause = clause_role(verb, lexicon)
        clause = f"noun ({token.dep_} of '{verb.text}', {clause})"
    return Candidate(token, entry, "noun", own_sources, targets, asserted, clause,
                     places=places_of(token, verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None))


def light_host(token: Token, lexicon: EventLexicon) -> Token | None:
    """The light verb carrying a nominal event ("held talks", "took part in protests"), if any."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":  # "launched a mediation effort"
        token = token.head
    head = token.head
    if token.dep_ in OBJECT_DEPS or token.dep_ in PASSIVE_SUBJECT_DEPS:
        verb = head
        prep = ""
    elif token.dep_ == "pobj" and head.dep_ in ("prep", "prt"):
        verb, prep = head.head, head.lower_
    else:
        return None
    for key in verb_keys(verb):
        if prep in lexicon.light_verbs.get(key, set()):
            return verb
    return None


def extract_candidates(sentence: Span, lexicon: EventLexicon) -> list[Candidate]:
    """Every candidate event of one sentence, verbs first, then the event nouns not yet used."""
    candidates: list[Candidate] = []
    triggers: set[int] = set()
    used_nouns: set[int] = set()
    nouns = {t.i: match_noun(t, lexicon) for t in sentence if t.pos_ in ("NOUN", "PROPN")}  # looked up once
    for token in sentence:
        entry = nouns.get(token.i)
        host = light_host(token, lexicon) if entry is not None else None
        if entry is not None and host is not None:
            candidates.append(noun_candidate(token, entry, host, lexicon))
            triggers.add(host.i)
            used_nouns.add(token.i)
    for token in sentence:
        if token.pos_ != "VERB" or token.i in triggers:
            continue
        entry = match_verb(token, lexicon)
        if entry is not None and not imperative(token) and not withholds_comment(token):
            candidates.append(verb_candidate(token, entry, lexicon))
            triggers.add(token.i)
    for candidate in candidates:
        clause = candidate.host if candidate.host is not None else candidate.trigger
        if candidate.kind != "noun" and event_governs(clause, triggers - {clause.i}):
            candidate.asserted = False
            candidate.clause = f"complement of '{clause.head.text}'"
    for token in sentence:
        if token.i in nouns and token.i not in used_nouns and not capitalized_midsentence(token):
            entry = nouns[token.i]
            if entry is not None and not inside_event_argument(token, triggers):
                candidates.append(noun_candidate(token, entry, None, lexicon))
    return candidates


def imperative(verb: Token) -> bool:
    """'Thank you for ...', 'Welcome to ...': a bare verb with no subject addresses the reader."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children)


def withholds_comment(verb: Token) -> bool:
    """'declined to comment', 'refused to confirm': a source withholding words, which provenance
    reads as unconfirmed; no refusal of anything an actor asked for."""
    return any(c.dep_ == "xcomp" and lemma_key(c) in WITHHELD_WORDS for c in verb.children)


def capitalized_midsentence(token: Token) -> bool:
    """'March', 'Strike Force': a capitalized word inside a sentence is a name, not an event noun."""
    return token.text[:1].isupper() and not token.is_sent_start


def inside_event_argument(token: Token, triggers: set[int]) -> bool:
    """A noun that is the object or subject of a verb already coded is that event's argument."""
    head = token.head
    if token.dep_ == "pobj":
        head = head.head
    if head.i in triggers and lemma_key(head) in PERMISSION_VERBS and token.dep_ == "dobj":
        return False  # "authorized limited attacks": the permitted event is coded too, as planned
    return head.i in triggers and token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr")
