"""Segmenting an article into reporting, quotes and appended commentary, each with its reason.

Commentary is material that is not the report itself: interview or Q&A blocks with
speaker-labelled turns, a question heading, opinion or analysis sections, and "related" or
subscription tails. Pages append it after the report, so once it starts it runs to the
end. Quotes are the direct quotations inside the reporting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SPEAKER_TURN = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*|Q|A)\s*:\s+\S")
COMMENTARY_HEADS = re.compile(
    r"^\s*(interview|q\s*&\s*a|q&a|analysis|opinion|commentary|editorial|editor'?s note|our view|in our view|"
    r"related|read more|read also|also read|see also|subscribe|sign up|recommended|more from|you may also like|"
    r"poll:|what do you think)\b", re.IGNORECASE)
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))
MAX_HEADING_WORDS = 25


@dataclass(frozen=True)
class Segment:
    """A stretch of the (repaired) text, its kind, and why it was classed so."""

    start: int
    end: int
    kind: str  # reporting, quote, commentary
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "reason": self.reason}


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out = []
    position = 0
    for line in text.splitlines(keepends=True):
        out.append((position, line))
        position += len(line)
    return out


def commentary_start(text: str) -> tuple[int, str] | None:
    """Where appended commentary begins, and why; None when the article has none."""
    lines = [(start, line) for start, line in lines_with_offsets(text) if line.strip()]
    turns = [i for i, (_, line) in enumerate(lines) if SPEAKER_TURN.match(line) and not line.strip().endswith(":")]
    for index, (start, line) in enumerate(lines):
        stripped = line.strip()
        if index == 0:
            continue  # a headline is not appended material
        if COMMENTARY_HEADS.match(stripped):
            return start + len(line) - len(line.lstrip()), f"section heading: {stripped[:60]!r}"
        later_turns = [t for t in turns if t >= index]
        if is_question_heading(stripped) and (later_turns or index >= len(lines) - 3 or any(
                COMMENTARY_HEADS.match(lines[j][1].strip()) for j in range(index + 1, min(index + 3, len(lines))))):
            return start + len(line) - len(line.lstrip()), f"question heading: {stripped[:60]!r}"
        if index in turns and len(later_turns) >= 2:
            return start + len(line) - len(line.lstrip()), f"interview turns from: {stripped[:40]!r}"
    return None


def is_question_heading(line: str) -> bool:
    """A short standalone line that asks a question ("What does this mean for the region?")."""
    return line.endswith("?") and len(line.split()) <= MAX_HEADING_WORDS and not line.startswith(("“", '"'))


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct quotations (marks included) of three words or more within [start, end)."""
    spans: list[tuple[int, int]] = []
    for opening, closing in QUOTE_PAIRS:
        position = start
        while True:
            begin = text.find(opening, position, end)
            if begin < 0:
                break
            finish = text.find(closing, begin + 1, end)
            if finish < 0:
                break
            if len(text[begin + 1:finish].split()) >= 3:
                spans.append((begin, finish + 1))
            position = finish + 1
    return sorted(s for s in spans if not any(o[0] < s[0] and s[1] <= o[1] for o in spans))


def segment_text(text: str) -> list[Segment]:
    """The article cut into reporting, quote and commentary segments covering all of it, in order."""
    found = commentary_start(text)
    report_end = found[0] if found else len(text)
    segments: list[Segment] = []
    cursor = 0
    for begin, finish in quote_spans(text, 0, report_end):
        if begin > cursor:
            segments.append(Segment(cursor, begin, "reporting", "the article's own account"))
        segments.append(Segment(begin, finish, "quote", "direct quotation"))
        cursor = finish
    if report_end > cursor:
        segments.append(Segment(cursor, report_end, "reporting", "the article's own account"))
    if found:
        segments.append(Segment(found[0], len(text), "commentary", found[1] + "; appended material runs to the end"))
    return segments


def segment_at(segments: list[Segment], offset: int) -> Segment | None:
    """The segment holding a character offset."""
    for segment in segments:
        if segment.start <= offset < segment.end:
            return segment
    return None
