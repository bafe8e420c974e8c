"""Actor resolution on phrases we wrote: names, demonyms, seats, sector nouns, office holders by date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ELECTION_WEEK = date(2024, 11, 18)


@pytest.mark.parametrize("phrase, code, sector", [
    ("North Korean soldiers", "PRK", "MIL"),
    ("the Kremlin", "RUS", "GOV"),
    ("Ukraine's defence minister", "UKR", "GOV"),
    ("four Saudi men", "SAU", None),
    ("Kiev", "UKR", "GOV"),
    ("Kyiv", "UKR", "GOV"),
    ("Burma", "MMR", None),
    ("Ivory Coast", "CIV", None),
    ("the U.S.", "USA", None),
    ("Britain", "GBR", None),
    ("NATO", "IGO", None),
    ("the White House", "USA", "GOV"),
    ("Nigerian police", "NGA", "COP"),
    ("Colombian rebels", "COL", "REB"),
    ("the president of France", "FRA", "GOV"),
    ("Turkish riot police", "TUR", "COP"),
])
def test_resolve_phrase_code_and_sector(coder, phrase: str, code: str, sector: str | None) -> None:
    actor = coder.resolve_phrase(phrase, ELECTION_WEEK)
    assert actor is not None, phrase
    assert actor.code == code
    if sector is not None:
        assert actor.sector == sector


def test_resolve_office_holder_by_date(coder) -> None:
    biden = coder.resolve_phrase("Biden", ELECTION_WEEK)
    assert (biden.code, biden.sector, biden.name) == ("USA", "GOV", "Joe Biden")
    trump_elect = coder.resolve_phrase("Trump", ELECTION_WEEK)
    assert (trump_elect.code, trump_elect.sector) == ("USA", "ELI")
    trump_president = coder.resolve_phrase("Trump", date(2025, 3, 1))
    assert (trump_president.code, trump_president.sector) == ("USA", "GOV")


def test_resolve_title_names_holder(coder) -> None:
    actor = coder.resolve_phrase("the Ukrainian president", ELECTION_WEEK)
    assert actor.code == "UKR" and actor.sector == "GOV"


def test_resolve_unknown_phrase_is_none(coder) -> None:
    assert coder.resolve_phrase("the weather", ELECTION_WEEK) is None


def test_resolve_user_actor_file_extends_lexicon(tmp_path: Path) -> None:
    from polybius.pipeline import Coder
    from polybius.settings import Settings

    extra = tmp_path / "mine.yaml"
    extra.write_text("organizations:\n  - name: Northern Fishers Guild\n    aliases: [NFG]\n    code: NOR\n    sector: LAB\n",
                     encoding="utf-8")
    actor = Coder(Settings(actor_files=(extra,))).resolve_phrase("the Northern Fishers Guild")
    assert (actor.code, actor.sector) == ("NOR", "LAB")


def test_a_surname_that_is_also_a_city_is_the_city_after_in(coder) -> None:
    from datetime import date

    when = date(2001, 5, 3)
    doc = coder.nlp("Thousands of Nigerians gathered for a rally in Lagos on Friday.")
    lagos = next(t for t in doc if t.text == "Lagos")
    assert coder.resolver_for(doc, when).resolve_one(lagos).code == "NGA"
    meeting = coder.code_text("Lagos met Brazilian President Cardoso in Santiago.", when).events[0]
    assert meeting.source.code == "CHL"
