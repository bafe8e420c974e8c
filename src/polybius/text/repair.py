"""Repairing scraped text before parsing, with an offset map back to the text as given.

Three kinds of damage are mended: broken encodings (mojibake, via ftfy), words glued
together by the scraper ("Bidenwould", "escalationand"), and quotation marks glued to
the next word ("they will“he underlined"). A glued pair is split only where the glued
form is no known word, its first half is a known word or name, and its second half is a
common function word, so a real word is never split. Every repair is listed, and
``OffsetMap`` maps any offset in the repaired text to the input as given.
"""
from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

GLUE_TAILS = ("and", "the", "would", "will", "has", "had", "have", "was", "were", "for", "with", "that",
              "said", "but", "not", "from", "its", "his", "her", "who", "which", "after", "also", "could")
WORD = re.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)?")
OPEN_QUOTES = "“‘"
CLOSE_QUOTES = "”’"
# a quote mark glued between two words: the first is the end of a quotation, the second its speaker
GLUED_QUOTE = re.compile(r"(?<=[\w.,!?])([“”\"])(?=[A-Za-z])")


@dataclass(frozen=True)
class Repair:
    """One mended span of the input: where it was, what it said, what it says now."""

    start: int
    end: int
    original: str
    repaired: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "original": self.original, "repaired": self.repaired}


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the repaired text to offsets in the text as given (monotonic)."""

    starts: tuple[int, ...]  # repaired offsets where a stretch begins
    origins: tuple[int, ...]  # the input offset each stretch begins at
    exact: tuple[bool, ...]  # whether the stretch is copied unchanged (offsets shift one for one)

    def to_input(self, offset: int) -> int:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        if self.exact[index]:
            return self.origins[index] + (offset - self.starts[index])
        return self.origins[index]

    def span_to_input(self, start: int, end: int) -> tuple[int, int]:
        """A span of the repaired text as a span of the input (end exclusive)."""
        if end <= start:
            point = self.to_input(start)
            return point, point
        return self.to_input(start), self.to_input(end - 1) + 1


@dataclass(frozen=True)
class RepairedText:
    """The repaired text, the repairs made, and the way back to the input."""

    text: str
    repairs: tuple[Repair, ...]
    offsets: OffsetMap


def identity(text: str) -> RepairedText:
    return RepairedText(text, (), OffsetMap((0,), (0,), (True,)))


def fix_encoding(text: str) -> str:
    """Mojibake and broken escapes mended by ftfy, leaving quotes, dashes and line breaks alone."""
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, fix_latin_ligatures=False,
                                  fix_character_width=False, normalization=None, explain=False)
    return ftfy.fix_text(text, config)


def glue_edits(text: str, is_known: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Edits (start, end, replacement) that split glued words and detach glued quote marks."""
    edits: list[tuple[int, int, str]] = []
    for match in WORD.finditer(text):
        word = match.group()
        if is_known(word) or is_known(word.lower()):
            continue
        for tail in GLUE_TAILS:
            head = word[: -len(tail)]
            if word.lower().endswith(tail) and len(head) >= 3 and (is_known(head) or is_known(head.lower())):
                edits.append((match.start() + len(head), match.start() + len(head), " "))
                break
    for match in GLUED_QUOTE.finditer(text):
        mark = match.group(1)
        closing = "”" if mark in "“”" else mark
        edits.append((match.start(1), match.end(1), closing + " "))
    return sorted(edits)


def apply_edits(text: str, edits: list[tuple[int, int, str]], base: OffsetMap | None = None) -> RepairedText:
    """Apply non-overlapping edits to text, recording repairs and the offset map."""
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    exact: list[bool] = []
    repairs: list[Repair] = []
    cursor = 0
    length = 0
    for start, end, replacement in edits:
        if start < cursor:
            continue
        if start > cursor:
            starts.append(length), origins.append(cursor), exact.append(True)
            pieces.append(text[cursor:start])
            length += start - cursor
        starts.append(length), origins.append(start), exact.append(False)
        pieces.append(replacement)
        length += len(replacement)
        cursor = end
    if cursor < len(text) or not starts:
        starts.append(length), origins.append(cursor), exact.append(True)
        pieces.append(text[cursor:])
    offsets = OffsetMap(tuple(starts), tuple(origins), tuple(exact))
    for start, end, replacement in edits:
        word_start, word_end = widen_to_words(text, start, end)
        before = text[word_start:word_end]
        after = before[: start - word_start] + replacement + before[end - word_start:]
        repairs.append(Repair(word_start, word_end, before, after))
    return RepairedText("".join(pieces), tuple(repairs), offsets)


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole glued stretch around an edit, for listing the repair ("Bidenwould")."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def encoding_edits(original: str, fixed: str) -> list[tuple[int, int, str]]:
    """The changes ftfy made, as edits on the original (so offsets can be mapped back)."""
    matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
    return [(i1, i2, fixed[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def repair_text(text: str, is_known: Callable[[str], bool]) -> RepairedText:
    """Mend encoding damage, then glued words and quotes; offsets always lead back to the input."""
    fixed = fix_encoding(text)
    edits = encoding_edits(text, fixed) if fixed != text else []
    if edits:
        text_after_encoding = apply_edits(text, edits)
        glue = glue_edits(text_after_encoding.text, is_known)
        if not glue:
            return text_after_encoding
        mapped = [(text_after_encoding.offsets.to_input(s), text_after_encoding.offsets.to_input(e), r)
                  for s, e, r in glue]
        return apply_edits(text, merge_edits(edits, mapped, text, fixed))
    return apply_edits(text, glue_edits(text, is_known))


def merge_edits(first: list[tuple[int, int, str]], second: list[tuple[int, int, str]], text: str,
                fixed: str) -> list[tuple[int, int, str]]:
    """Both edit lists on the original text; where they touch, the encoding fix wins."""
    taken = [(s, e) for s, e, _ in first]
    extra = [edit for edit in second if not any(s <= edit[0] < max(e, s + 1) for s, e in taken)]
    return sorted(first + extra)
