"""Verbs the lexicon does not list become candidates for the model; speech and function
verbs never do. Our sentences."""
from __future__ import annotations

from polybius.events.extract import lemma_key
from polybius.events.unlisted import UNLISTED, with_unlisted


def unlisted_lemmas(coder, text: str) -> list[str]:
    doc = coder.nlp(text)
    return [lemma_key(c.trigger) for s in doc.sents for c in with_unlisted(s, [], coder.events) if c.entry.origin == UNLISTED]


def test_asserted_content_verbs_are_proposed(coder) -> None:
    assert "frogmarch" not in coder.events.verbs
    assert "frogmarch" in unlisted_lemmas(coder, "Police frogmarched the mayor out of city hall on Monday.")


def test_speech_modal_and_function_verbs_are_not(coder) -> None:
    lemmas = unlisted_lemmas(coder, "The minister said the talks were difficult and seemed to want more time.")
    assert not {"say", "be", "seem", "want"} & set(lemmas)


def test_subordinate_verbs_are_not_proposed(coder) -> None:
    assert "frogmarch" not in unlisted_lemmas(coder, "The officers who frogmarched the mayor were never named.")


UNLISTED_SENTENCES = [
    ("Police frogmarched the opposition mayor out of city hall in Ankara on Monday.", "COERCE"),
    ("Lithuania booted two Russian diplomats out of Vilnius on Friday.", "SANCTION"),
    ("Thousands of nurses thronged the streets of Nairobi on Tuesday to demand unpaid wages.", "PROTEST"),
    ("Riot police fanned out across central Minsk ahead of the planned rally.", "MOBILIZE"),
    ("Insurgents peppered the convoy with gunfire outside Mosul.", "ASSAULT"),
]


def test_the_model_types_verbs_the_lexicon_does_not_list(coder) -> None:
    right = 0
    for text, expected in UNLISTED_SENTENCES:
        events = [e for e in coder.code_text(text).events if e.explanation.lexicon_entry == "not in the lexicon"]
        assert events, f"the unlisted verb of {text!r} was not coded"
        right += events[0].type == expected
    assert right >= 4, f"only {right} of {len(UNLISTED_SENTENCES)} unlisted verbs typed right"


def test_unlisted_candidates_are_only_coded_with_a_model() -> None:
    from polybius.pipeline import Coder
    from polybius.settings import Settings

    lexicon_only = Coder(Settings(type_model=False))
    for text, _ in UNLISTED_SENTENCES:
        assert not [e for e in lexicon_only.code_text(text).events if e.explanation.lexicon_entry == "not in the lexicon"]


def test_a_verb_with_an_event_noun_object_hosts_it(coder) -> None:
    events = coder.code_text("Kenya and Uganda inked a deal to build a new oil pipeline.").events
    assert {(e.type, e.evidence.trigger) for e in events} == {("AGREE", "inked deal")}


def test_an_unlisted_verb_needs_its_actor(coder) -> None:
    text = "The decision followed the arrival of several thousand Chadian troops in the region."
    assert not [e for e in coder.code_text(text).events if e.explanation.lexicon_entry == "not in the lexicon"]


def test_the_content_of_a_warning_is_not_a_second_event(coder) -> None:
    events = coder.code_text("Tehran warned that it would respond to any strike on its nuclear sites.").events
    assert [e.evidence.trigger for e in events] == ["warned"]
