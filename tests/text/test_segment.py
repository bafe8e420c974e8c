"""Segmentation: reporting, quotes and appended commentary, covering the text in order."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from polybius.text.segment import segment_text

REPORT = ("Chile and Peru signed a fisheries accord on Monday, officials said.\n"
          "“This is a good day for both nations,” the Chilean minister told reporters.\n")


def kinds(text: str) -> list[str]:
    return [s.kind for s in segment_text(text)]


def test_segment_plain_report_is_reporting_with_quote() -> None:
    assert kinds(REPORT) == ["reporting", "quote", "reporting"]


def test_segment_question_heading_then_interview_is_commentary() -> None:
    text = REPORT + "What will the accord change?\nInterview with a trade expert\nHost: Welcome.\nDr. Vega: Thanks.\n"
    segments = segment_text(text)
    assert segments[-1].kind == "commentary"
    assert text[segments[-1].start:].startswith("What will the accord change?")
    assert "question heading" in segments[-1].reason


def test_segment_speaker_turns_alone_start_commentary() -> None:
    text = REPORT + "Q: Is the deal fair?\nA: Mostly.\nQ: Will it last?\nA: We shall see.\n"
    assert segment_text(text)[-1].kind == "commentary"
    assert text[segment_text(text)[-1].start:].startswith("Q: Is the deal fair?")


def test_segment_related_tail_is_commentary() -> None:
    text = REPORT + "Related: Five things to know about the Humboldt current\n"
    assert segment_text(text)[-1].kind == "commentary"


def test_segment_headline_question_is_not_commentary() -> None:
    text = "Will Chile and Peru end their fishing dispute?\n" + REPORT
    assert "commentary" not in kinds(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_segment_covers_any_text_in_order(text: str) -> None:
    segments = segment_text(text)
    covered = []
    for segment in segments:
        assert segment.start <= segment.end
        covered.append((segment.start, segment.end))
    assert covered == sorted(covered)
    if text:
        assert covered[0][0] == 0 and covered[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(covered, covered[1:]))
