"""Candidates from verbs the lexicon does not list ("pounded", "rounded up"), for the model.

Wire text is more varied than any lexicon. An asserted verb with a subject that is not a
speech, modal or function verb becomes an *unlisted* candidate: its arguments come from
the parse as for any verb, and the type model decides its type or that it is no event.
Without a model, unlisted candidates are never coded.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from polybius.events.extract import (Candidate, event_governs, imperative, lemma_key, light_host, match_noun, match_verb,
                                     noun_candidate, subjects, verb_candidate, withholds_comment)
from polybius.events.lexicon import EventLexicon, LexiconEntry
from polybius.events.modality import PERMISSION_VERBS

UNLISTED = "unlisted"
ADMISSIONS = {"admit", "acknowledge"}  # speech verbs that are acts with an object ("admitted responsibility")
ARGUMENT_DEPS = {"nsubjpass", "dobj"}  # "three soldiers were killed": no agent, still an event
# Verbs of grammar rather than of events: copulas, raising and control verbs, verbs of saying and
# thinking. Light verbs ("gave the green light", "took steps") stay: their objects carry the event.
FUNCTION_VERBS = {"be", "have", "do", "get", "become", "seem", "appear", "remain", "stay", "look", "sound",
                  "feel", "mean", "include", "contain", "involve", "let", "say", "tell", "add", "note", "know",
                  "think", "believe", "see", "want", "need", "try", "begin", "start", "continue", "keep",
                  "expect", "hope", "plan", "intend", "seek", "aim"}


def unlisted_entry(token: Token) -> LexiconEntry:
    return LexiconEntry(lemma_key(token), None, None, "", None, (), UNLISTED)


def is_unlisted_trigger(token: Token, lexicon: EventLexicon) -> bool:
    """A content verb that acts: not a speech, modality, permission or function verb."""
    lemma = lemma_key(token)
    reporting = lemma in lexicon.speech and (lemma not in ADMISSIONS or any(c.dep_ in ("ccomp", "parataxis")
                                                                             for c in token.children))
    return (token.pos_ == "VERB" and lemma not in FUNCTION_VERBS and not reporting
            and lemma not in PERMISSION_VERBS and not lexicon.modality_word("verb", lemma)
            and not lexicon.modality_word("willingness", lemma) and not imperative(token)
            and not withholds_comment(token)
            and (bool(subjects(token)) or any(c.dep_ in ARGUMENT_DEPS for c in token.children)))


def with_unlisted(sentence: Span, candidates: list[Candidate], lexicon: EventLexicon) -> list[Candidate]:
    """The sentence's candidates plus its asserted verbs that no candidate has used.

    An unlisted verb whose object is an event noun hosts that noun ("inked a deal", "staged a
    walkout"), as a light verb would: one event, with the verb's subject as its source.
    """
    taken = {t.i for c in candidates for t in (c.trigger, c.host) if t is not None}
    hostless = {c.trigger.i: c for c in candidates if c.kind == "noun" and c.trigger.dep_ in ("dobj", "nsubjpass")}
    found = list(candidates)
    for token in sentence:
        if token.i in taken or not is_unlisted_trigger(token, lexicon):
            continue
        objects = [hostless[c.i] for c in token.children if c.i in hostless]
        if objects:
            noun = objects[0]
            hosted = noun_candidate(noun.trigger, noun.entry, token, lexicon)
            found[found.index(noun)] = hosted
            continue
        candidate = verb_candidate(token, unlisted_entry(token), lexicon)
        if candidate.asserted and not event_governs(token, taken):  # "warned that it would respond": one event
            found.append(candidate)
    return found


def candidate_at(token: Token, lexicon: EventLexicon) -> Candidate:
    """A candidate for any verb or noun, listed or not: training needs one at every gold trigger."""
    if token.pos_ in ("NOUN", "PROPN"):
        entry = match_noun(token, lexicon) or unlisted_entry(token)
        return noun_candidate(token, entry, light_host(token, lexicon), lexicon)
    return verb_candidate(token, match_verb(token, lexicon) or unlisted_entry(token), lexicon)
