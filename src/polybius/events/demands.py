"""Demands voiced as obligations: "X said that Y must do Z" is a REQUEST from X to Y.

The obligation is the event (what X asks of Y); Z itself has not happened, so the
clause's own triggers are not coded separately.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from polybius.events.extract import Candidate, SUBJECT_DEPS, PASSIVE_SUBJECT_DEPS, clause_role, subjects
from polybius.events.lexicon import EventLexicon, LexiconEntry

OBLIGATION_MODALS = {"must", "should"}
OBLIGATION_VERBS = {"have", "need"}  # "has to", "needs to"
DEMAND_ENTRY = LexiconEntry("must", None, None, "REQUEST", None, (), "rule: speaker + 'must'")


def obligation(clause: Token) -> bool:
    """'must drop', 'should hand over', 'has to leave'."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children):
        return True
    head = clause.head
    return clause.dep_ == "xcomp" and head.lemma_.lower() in OBLIGATION_VERBS and head.dep_ == "ccomp"


def demand_candidates(sentence: Span, lexicon: EventLexicon) -> list[Candidate]:
    """One REQUEST per reported obligation, from the speaker to the obliged party."""
    found = []
    for speech in (t for t in sentence if t.lemma_.lower() in lexicon.speech or t.lemma_.lower() in ("declare", "conclude")):
        for clause in (c for c in speech.children if c.dep_ == "ccomp"):
            target = clause if obligation(clause) else next(
                (x for x in clause.children if x.dep_ == "xcomp" and obligation(x)), None)
            if target is None:
                continue
            obliged = [c for c in clause.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
            asserted, why = clause_role(speech, lexicon)
            found.append(Candidate(speech, DEMAND_ENTRY, "verb", subjects(speech), obliged, asserted,
                                   f"obligation reported by '{speech.text}' ({why})", objects=[clause]))
    return found


def with_demands(sentence: Span, candidates: list[Candidate], lexicon: EventLexicon) -> list[Candidate]:
    """The sentence's candidates with its demands added and what is demanded taken out."""
    demands = demand_candidates(sentence, lexicon)
    demanded = [d.objects[0] for d in demands]
    kept = [c for c in candidates if not any(inside(c.trigger, clause) for clause in demanded)]
    return demands + kept


def inside(token: Token, clause: Token) -> bool:
    """Whether a token lies in the subtree of a clause."""
    return clause.left_edge.i <= token.i <= clause.right_edge.i
