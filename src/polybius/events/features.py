"""What the type model sees of a candidate: symbolic features and three short texts.

The symbolic features are the lexicon's and the parser's view (trigger lemma, lexicon
entry, the rule-based type, voice, modality, which kinds of actors fill the arguments);
the texts (trigger, trigger phrase, clause) are embedded so that a verb the lexicon
never listed ("pounded") lands near the verbs it did. Training and coding build views
with this one function, so the model always sees at run time what it was trained on.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from polybius.events.classify import Reading
from polybius.events.extract import Candidate, lemma_key, particle, preps_of
from polybius.events.modality import clause_verb
from polybius.records import Actor

CLAUSE_WINDOW = 24  # tokens of the trigger's clause embedded as its context
COUNTRY_LEVEL = {None, ""}


@dataclass(frozen=True)
class CandidateView:
    """A candidate as features: symbolic names, and the texts to embed."""

    symbols: tuple[str, ...]
    trigger_text: str
    phrase_text: str
    clause_text: str
    arguments_text: str = ""  # the heads of subject and object: who acts, and on what

    def texts(self) -> tuple[str, ...]:
        return (self.trigger_text, self.phrase_text, self.clause_text, self.arguments_text)


def trigger_phrase(candidate: Candidate) -> list[Token]:
    """The trigger with its particle, host verb, object and prepositions ("slapped sanctions on")."""
    words = [candidate.trigger]
    if candidate.host is not None:
        words.append(candidate.host)
    for word in list(words):
        objects = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        words += [c for c in word.children if c.dep_ in ("prt", "dobj", "prep", "xcomp", "neg")]
        for owner in (word, *objects):  # "slapped sanctions on Iran": the object's preposition too
            words += [c for c in owner.children if c.dep_ == "prep"]
            words += [p for prep in owner.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"]
    return sorted(set(words), key=lambda t: t.i)


def clause_window(candidate: Candidate) -> str:
    """Up to CLAUSE_WINDOW tokens of the clause around the trigger."""
    verb = clause_verb(candidate.host or candidate.trigger)
    tokens = [t for t in verb.subtree if not t.is_punct]
    centre = next((i for i, t in enumerate(tokens) if t.i == candidate.trigger.i), 0)
    start = max(0, centre - CLAUSE_WINDOW // 2)
    return " ".join(t.text for t in tokens[start:start + CLAUSE_WINDOW])


def actor_symbols(side: str, actors: list[Actor]) -> list[str]:
    if not actors:
        return [f"{side}=none"]
    actor = actors[0]
    kind = actor.code if actor.code in ("IGO", "NGO", "MNC") else "state"
    return [f"{side}={kind}", f"{side}.sector={actor.sector or '-'}"]


def view_of(candidate: Candidate, reading: Reading, rule_type: str,
            sources: list[Actor], targets: list[Actor]) -> CandidateView:
    """The model's view of one candidate, its arguments already resolved."""
    trigger = candidate.trigger
    lemma = lemma_key(trigger)
    entry = candidate.entry
    symbols = [f"lemma={lemma}", f"kind={candidate.kind}", f"entry={entry.type or 'open'}",
               f"entry.mode={entry.mode or '-'}", f"rule={rule_type or 'open'}",
               f"modality={reading.modality}", f"asserted={candidate.asserted}", f"dep={trigger.dep_}"]
    symbols += [name for name, on in (("future", reading.future), ("willing", reading.willing),
                                       ("announced", reading.announced)) if on]
    if reading.condition:
        symbols.append(f"condition={reading.condition}")
    head = candidate.host or trigger
    if candidate.host is not None:
        symbols.append(f"host={lemma_key(candidate.host)}")
    prt = particle(head)
    if prt:
        symbols.append(f"lemma+prt={lemma}_{prt}")
    for prep in preps_of(head):
        symbols += [f"prep={prep}", f"lemma+prep={lemma}_{prep}"]
    for obj in (c for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        symbols += [f"lemma+obj={lemma}_{obj.lemma_.lower()}", f"obj={obj.lemma_.lower()}"]
    symbols += [f"subj={s.lemma_.lower()}" for s in candidate.sources[:1]]
    if head.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "conj"):
        symbols.append(f"governor={lemma_key(head.head)}")
    symbols += [f"aux={c.lower_}" for c in head.children if c.dep_ in ("aux", "auxpass")]
    symbols += actor_symbols("source", sources) + actor_symbols("target", targets)
    phrase = " ".join(t.text for t in trigger_phrase(candidate))
    heads = [*candidate.sources[:1], *candidate.objects[:1], *candidate.targets[:1]]
    arguments = " ".join(dict.fromkeys(t.text for t in heads))
    return CandidateView(tuple(symbols), trigger.text if candidate.host is None else f"{candidate.host.text} {trigger.text}",
                         phrase, clause_window(candidate), arguments)
