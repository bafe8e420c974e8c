"""Event rules, one small sentence of ours each: type, source, target and modality."""
from __future__ import annotations

from datetime import date

import pytest

WHEN = date(2023, 6, 14)


def events_of(coder, text: str):
    return coder.code_text(text, WHEN).events


def only(coder, text: str):
    events = events_of(coder, text)
    assert events, f"no event in: {text}"
    return events[0]


@pytest.mark.parametrize("text, etype, source, target", [
    ("Syrian rebels shelled an army base near Idlib on Monday.", "ASSAULT", "SYR", None),
    ("Russian warplanes bombed rebel positions in northern Syria.", "ASSAULT", "RUS", "SYR"),
    ("A Turkish convoy was attacked by Kurdish militants near the border.", "ASSAULT", None, "TUR"),
    ("The European Union imposed sanctions on Belarus over the disputed vote.", "SANCTION", "IGO", "BLR"),
    ("Israel launched air strikes on Lebanon overnight, the army said.", "ASSAULT", "ISR", "LBN"),
    ("Hungary urged Serbia to withdraw its police from the border.", "REQUEST", "HUN", "SRB"),
    ("China accused Japan of provoking tension in the East China Sea.", "ACCUSE", "CHN", "JPN"),
    ("Indonesian police arrested dozens of students in Jakarta.", "COERCE", "IDN", None),
    ("Thousands of protesters marched against the government in Caracas.", "PROTEST", None, None),
    ("Kenya sent troops to Somalia to fight the insurgents.", "MOBILIZE", "KEN", "SOM"),
    ("Moscow expelled two Estonian diplomats on Friday.", "SANCTION", "RUS", "EST"),
    ("Egypt rejected the Ethiopian proposal on the dam.", "REJECT", "EGY", "ETH"),
    ("Japan donated rice and medicine to the Philippines after the typhoon.", "AID", "JPN", "PHL"),
    ("Vietnam and Laos held talks on border demarcation.", "CONSULT", "VNM", "LAO"),
    ("Pakistan threatened to retaliate against India.", "THREATEN", "PAK", "IND"),
])
def test_extract_type_and_actors(coder, text: str, etype: str, source: str | None, target: str | None) -> None:
    events = [e for e in events_of(coder, text) if e.type == etype]
    assert events, f"{etype} not found in {text}: {[e.type for e in events_of(coder, text)]}"
    event = events[0]
    if source:
        assert event.source is not None and event.source.code == source
    if target:
        assert event.target is not None and event.target.code == target


def test_extract_compound_subject_gives_one_event_per_actor(coder) -> None:
    events = [e for e in events_of(coder, "Jordan and Britain agreed to hold joint naval exercises.") if e.type == "AGREE"]
    assert {e.source.code for e in events} == {"JOR", "GBR"}


def test_extract_threat_is_not_also_an_attack(coder) -> None:
    types = {e.type for e in events_of(coder, "Iran threatened to attack American bases in the Gulf.")}
    assert types == {"THREATEN"}


def test_extract_speech_alone_is_not_an_event(coder) -> None:
    assert events_of(coder, "The minister said the harvest had been good this year.") == ()


@pytest.mark.parametrize("text, modality", [
    ("Russian forces did not attack the city, officials said.", "negated"),
    ("Egypt plans to deploy troops along the Libyan border.", "planned"),
    ("If Turkey invades, Greece could impose sanctions.", "hypothetical"),
    ("Serbian police detained two opposition leaders on Sunday.", "actual"),
])
def test_modality_of_the_main_event(coder, text: str, modality: str) -> None:
    assert only(coder, text).modality == modality


def test_future_cooperation_is_agree(coder) -> None:
    event = only(coder, "Iran will hold talks with Oman next week.")
    assert event.type == "AGREE" and event.modality == "planned"


def test_event_ids_are_stable(coder) -> None:
    text = "Chad closed its border with Sudan. Sudan condemned the move."
    first = [e.event_id for e in events_of(coder, text)]
    assert first == [e.event_id for e in events_of(coder, text)]
    assert first and all(i.startswith("text:") for i in first)


def test_evidence_offsets_point_into_input(coder) -> None:
    text = "Markets rose.  Chile recalled its ambassador from Peru."
    event = only(coder, text)
    assert text[event.evidence.start:event.evidence.end] == event.evidence.sentence
    assert event.evidence.trigger in event.evidence.sentence


@pytest.mark.parametrize("text", [
    "The Turkish foreign ministry declined to confirm the reports.",
    "Officials in Lagos refused to comment on Thursday.",
])
def test_withholding_comment_is_not_a_refusal_event(coder, text: str) -> None:
    assert not [e for e in events_of(coder, text) if e.type == "REJECT"]
