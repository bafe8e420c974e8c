"""Modality: whether an event happened, is planned, is hypothetical, or is said not to have happened.

Read from the trigger's clause and the clauses that govern it: negation, modal
auxiliaries, conditionals ("if", "unless"), and governing verbs such as "plan to",
"authorize X to" or "consider". Negation wins over the others; a governing verb's modality
passes down to its complement.
"""
from __future__ import annotations

from spacy.tokens import Token

from polybius.events.lexicon import EventLexicon

PRECEDENCE = ("negated", "hypothetical", "planned", "actual")
CLAUSE_LINKS = {"xcomp", "ccomp", "conj", "advcl", "acomp", "relcl", "acl"}
PERMISSION_VERBS = {"authorize", "authorise", "allow", "permit", "approve", "clear", "greenlight", "license", "let"}


def clause_verb(trigger: Token) -> Token:
    """A nominal trigger's modality is its governing verb's ("the attacks will focus" → will)."""
    token = trigger
    while token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj",
                                                             "appos", "compound") and token.head is not token:
        token = token.head
        if token.pos_ == "ADP":
            token = token.head
    return token


def own_modality(verb: Token, lexicon: EventLexicon, reported: bool) -> str:
    """What the clause's own words say: negation, modals, conditional marks."""
    found = "actual"
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg" or lexicon.modality_word("negation", word) == "negated" and child.dep_ in ("neg", "det", "advmod"):
            return "negated"
        if child.dep_ == "aux":
            if word in ("would", "'d") and any(a.dep_ == "aux" and a.lower_ == "have" for a in verb.children):
                continue  # "would have authorized": a hedged report of the past, not a future
            value = lexicon.modality_word("modal", word)
            if value == "hypothetical" and word in ("would", "'d") and reported:
                value = "planned"  # "said it would send troops": future in the past
            if value:
                found = stronger(found, value)
        elif child.dep_ == "mark" and verb.dep_ == "advcl":
            value = lexicon.modality_word("conjunction", word)
            if value:
                found = stronger(found, value)
        elif child.dep_ == "advmod":
            value = lexicon.modality_word("adverb", word)
            if value:
                found = stronger(found, value)
    return found


def stronger(a: str, b: str) -> str:
    return a if PRECEDENCE.index(a) <= PRECEDENCE.index(b) else b


def modality_of(trigger: Token, lexicon: EventLexicon) -> str:
    """The modality of the event a trigger names, walking up the governing clauses."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negated"
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in PERMISSION_VERBS:
        return "negated" if own_modality(trigger.head, lexicon, False) == "negated" else "planned"
    verb = clause_verb(trigger)
    result = "actual"
    depth = 0
    while depth < 6:
        reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.speech
        result = stronger(result, own_modality(verb, lexicon, reported))
        if result == "negated" or verb.dep_ not in CLAUSE_LINKS or verb.head is verb:
            break
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp"):
            governed = governing_modality(head, lexicon)
            if governed:
                result = stronger(result, governed)
        if verb.dep_ in ("relcl", "acl", "ccomp") and verb.head.lemma_.lower() in lexicon.speech:
            break  # what is reported keeps its own modality, not the speech verb's
        if verb.dep_ == "conj" and result != "actual":
            break
        verb = head
        depth += 1
    return result


def governing_modality(head: Token, lexicon: EventLexicon) -> str | None:
    """'plan to', 'consider', 'authorize X to': what a governing verb or adjective implies."""
    lemma = head.lemma_.lower()
    if lemma in PERMISSION_VERBS:
        return "planned"
    return lexicon.modality_word("verb", lemma) or lexicon.modality_word("noun", lemma)


def governing_words(trigger: Token) -> list[Token]:
    """The trigger's clause verb and the verbs and adjectives governing it, up to a speech verb."""
    verb = clause_verb(trigger)
    chain = [verb]
    while verb.dep_ in ("xcomp", "acomp", "conj") and verb.head is not verb and len(chain) < 6:
        verb = verb.head
        chain.append(verb)
    return chain


def is_future(trigger: Token, lexicon: EventLexicon) -> bool:
    """'will', 'shall', 'is going to', or 'would' in reported speech, in the governing chain."""
    for verb in governing_words(trigger):
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in ("will", "shall", "'ll", "wo"):
                return True
            if child.dep_ == "aux" and child.lower_ in ("would", "'d") and reported_clause(verb, lexicon) \
                    and not any(a.dep_ == "aux" and a.lower_ == "have" for a in verb.children):
                return True
    return False


def is_willing(trigger: Token, lexicon: EventLexicon) -> bool:
    """Governed by 'ready', 'willing', 'prepared', 'vow' ...: an offer or a threat."""
    return any(lexicon.modality_word("willingness", w.lemma_.lower()) or lexicon.modality_word("willingness", w.lower_)
               for w in governing_words(trigger)[1:])


def reported_clause(verb: Token, lexicon: EventLexicon) -> bool:
    """A clause that is the content of a speech verb ("said it would ...")."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.speech


def condition_of(trigger: Token) -> str | None:
    """'unless' or 'if' when the trigger's clause is made to depend on a condition."""
    for verb in governing_words(trigger):
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            mark = next((m.lower_ for m in clause.children if m.dep_ == "mark" and m.lower_ in ("unless", "if")), None)
            if mark:
                return mark
    return None
