"""Provenance on articles we wrote: who says so, confirmations, quotes, commentary."""
from __future__ import annotations

from datetime import date

WHEN = date(2023, 3, 9)

REPORT = (
    "Reuters reported on Tuesday that Turkey had shelled Kurdish positions in northern Syria, citing two "
    "security officials. The Turkish defence ministry declined to comment on the report.\n"
    "According to sources familiar with the operation, Ankara would also send troops to the border.\n"
    "“We will answer every attack on our soldiers,” the Turkish president said in a speech in Ankara.\n"
    "What does the operation mean for the region?\n"
    "Host: Is a wider war coming?\n"
    "Analyst: If Turkey invades, Syria could attack Turkish bases.\n"
)


def coded(coder, text: str = REPORT):
    return coder.code_text(text, WHEN, "report")


def event(document, trigger: str):
    found = [e for e in document.events if e.evidence.trigger.split()[-1] == trigger]
    assert found, f"no event with trigger {trigger!r}: {[e.evidence.trigger for e in document.events]}"
    return found[0]


def test_attribution_media_then_cited_sources(coder) -> None:
    shelling = event(coded(coder), "shelled")
    kinds = [(a.kind, a.text) for a in shelling.attribution]
    assert kinds[0] == ("media", "Reuters")
    assert any(kind in ("anonymous", "official") and "officials" in text for kind, text in kinds[1:])


def test_declined_to_comment_leaves_it_unconfirmed(coder) -> None:
    shelling = event(coded(coder), "shelled")
    assert shelling.confirmation == "unconfirmed"
    assert any(a.kind == "official" and a.code == "TUR" for a in shelling.attribution)


def test_according_to_anonymous_sources(coder) -> None:
    troops = event(coded(coder), "send")
    assert [a.kind for a in troops.attribution] == ["anonymous"]


def test_quote_has_its_speaker(coder) -> None:
    document = coded(coder)
    quote = next(q for q in document.quotes if "every attack" in q["text"])
    assert quote["speaker"]["code"] == "TUR"


def test_events_in_quotes_are_quote_segment(coder) -> None:
    document = coded(coder)
    in_quote = [e for e in document.events if e.segment == "quote"]
    assert all(any(a.code == "TUR" for a in e.attribution) for e in in_quote)


def test_appended_interview_is_commentary(coder) -> None:
    document = coded(coder)
    commentary = [s for s in document.segments if s["kind"] == "commentary"]
    assert commentary and REPORT[commentary[0]["start"]:].startswith("What does the operation mean")
    late = [e for e in document.events if e.evidence.start >= commentary[0]["start"]]
    assert late and all(e.segment == "commentary" for e in late)


def test_denial_of_a_clause(coder) -> None:
    text = "Moscow denied that its jets had bombed a hospital in Idlib."
    bombing = event(coder.code_text(text, WHEN), "bombed")
    assert bombing.confirmation == "denied"


def test_confirmation_by_official(coder) -> None:
    text = ("The Guardian reported that Britain had expelled two Russian diplomats. "
            "The Foreign Office confirmed the expulsions on Friday.")
    expelled = event(coder.code_text(text, WHEN), "expelled")
    assert expelled.confirmation == "confirmed"
    assert expelled.attribution[0].kind == "media"


def test_unattributed_event_has_empty_attribution(coder) -> None:
    document = coder.code_text("Kenya sent troops to Somalia on Monday.", WHEN)
    assert document.events and document.events[0].attribution == ()
