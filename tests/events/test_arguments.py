"""Argument conventions, one sentence of ours each: owners, places and counted groups."""
from __future__ import annotations

from datetime import date

import pytest

WHEN = date(2019, 5, 6)


@pytest.mark.parametrize("text, etype, source, target", [
    ("Pakistan rejected India's offer of talks on Kashmir.", "REJECT", "PAK", "IND"),
    ("Venezuela turned down an invitation from Colombia to a border summit.", "REJECT", "VEN", "COL"),
    ("The emir launched a mediation effort between Egypt and Ethiopia on Saturday.", "CONSULT", None, "EGY"),
    ("Norway will provide food aid to refugees fleeing the fighting in Sudan.", "AGREE", "NOR", "SDN"),
    ("Thousands of students staged a protest in Athens against tuition fees.", "PROTEST", "GRC", "GRC"),
    ("Greece lodged an official protest with Turkey over the survey ship.", "ACCUSE", "GRC", "TUR"),
    ("The Sudanese government lifted the state of emergency in Darfur.", "CONCEDE", "SDN", "SDN"),
    ("Pakistan refused to deploy troops in Yemen.", "REJECT", "PAK", "YEM"),
])
def test_argument_conventions(coder, text: str, etype: str, source: str | None, target: str | None) -> None:
    events = [e for e in coder.code_text(text, WHEN).events if e.type == etype]
    assert events, f"{etype} not in {[e.type for e in coder.code_text(text, WHEN).events]}"
    event = events[0]
    if source is not None:
        assert event.source and event.source.code == source
    assert target in {e.target.code for e in events if e.target}


def test_a_complaint_targets_who_it_is_about_not_whom_it_is_made_to(coder) -> None:
    event = coder.code_text("Chile complained to the United Nations on Monday over Peruvian naval manoeuvres.", WHEN).events[0]
    assert (event.type, event.source.code, event.target.code) == ("ACCUSE", "CHL", "PER")
