"""Repair: glued words and quotes are mended, real words never split, offsets lead back to the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from polybius.text.repair import repair_text

KNOWN = {"Biden", "would", "escalation", "and", "Ukraine", "the", "talks", "island", "will", "he", "underlined",
         "said", "minister", "Bent", "on", "sure", "They"}


def known(word: str) -> bool:
    return word in KNOWN


def test_repair_splits_name_glued_to_word() -> None:
    fixed = repair_text("Joe Bidenwould have approved it.", known)
    assert fixed.text == "Joe Biden would have approved it."
    assert [(r.original, r.repaired) for r in fixed.repairs] == [("Bidenwould", "Biden would")]


def test_repair_splits_word_glued_to_function_word() -> None:
    fixed = repair_text("fear of escalationand it matters", known)
    assert "escalation and it" in fixed.text


def test_repair_never_splits_a_known_word() -> None:
    assert repair_text("the island talks", known).text == "the island talks"


def test_repair_needs_a_known_first_half() -> None:
    assert repair_text("Xqzwould go", known).text == "Xqzwould go"


def test_repair_detaches_glued_quote() -> None:
    fixed = repair_text("“I am sure they will“he underlined.", known)
    assert fixed.text == "“I am sure they will” he underlined."


def test_repair_fixes_mojibake_and_maps_offsets() -> None:
    text = "The ministerâ€™s talks. Bidenwould go."
    fixed = repair_text(text, known)
    assert "minister’s" in fixed.text and "Biden would" in fixed.text
    start = fixed.text.index("Biden")
    assert text[fixed.offsets.to_input(start):].startswith("Bidenwould")


def test_repair_span_maps_back_to_original_words() -> None:
    text = "Joe Bidenwould have approved it."
    fixed = repair_text(text, known)
    start = fixed.text.index("approved")
    begin, end = fixed.offsets.span_to_input(start, start + len("approved"))
    assert text[begin:end] == "approved"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_repair_offset_map_round_trips_on_any_text(text: str) -> None:
    fixed = repair_text(text, known)
    positions = [fixed.offsets.to_input(i) for i in range(len(fixed.text))]
    assert positions == sorted(positions), "offsets never reorder"
    assert all(0 <= p <= len(text) for p in positions)
    assert fixed.offsets.span_to_input(0, len(fixed.text))[1] <= len(text)
    if not fixed.repairs:
        assert fixed.text == text, "nothing is lost or changed without a repair listed"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["the", "Biden", "would", "escalationand", "island", " ", "“", "”", "Bidenwould",
                                 ".", "\n", "é", "â€™"]), max_size=30))
def test_repair_unchanged_stretches_copy_the_input(parts: list[str]) -> None:
    text = "".join(parts)
    fixed = repair_text(text, known)
    stretches = zip(fixed.offsets.starts, fixed.offsets.origins, fixed.offsets.exact,
                    list(fixed.offsets.starts[1:]) + [len(fixed.text)])
    for start, origin, exact, end in stretches:
        if exact:
            assert fixed.text[start:end] == text[origin:origin + end - start]
