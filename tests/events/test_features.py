"""What the type model sees of a candidate: our sentences, the symbols and texts they yield."""
from __future__ import annotations

from polybius.events.assemble import prepare


def views_of(coder, text: str):
    doc = coder.nlp(text)
    resolver = coder.resolver_for(doc, None)
    return [p.view for s in doc.sents for c in coder.candidates_of(s, unlisted=True)
            if (p := prepare(c, resolver, coder.events)) is not None]


def test_view_names_trigger_rule_and_arguments(coder) -> None:
    view = views_of(coder, "Canada slapped new tariffs on Chinese steel makers in March.")[0]
    assert "lemma=slap" in view.symbols and "obj=tariff" in view.symbols
    assert "source=state" in view.symbols and "kind=verb" in view.symbols
    assert view.trigger_text == "slapped"
    assert "tariffs" in view.phrase_text and "on" in view.phrase_text


def test_view_marks_reported_future_and_negation(coder) -> None:
    future = views_of(coder, "Peru said it would not extradite the former minister to Bolivia.")
    symbols = {s for v in future for s in v.symbols}
    assert "modality=negated" in symbols and "announced" in symbols


def test_clause_text_is_bounded(coder) -> None:
    text = "The army " + "quickly " * 60 + "shelled the town of Bakhmut on Friday."
    assert all(len(v.clause_text.split()) <= 24 for v in views_of(coder, text))
