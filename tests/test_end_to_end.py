"""End to end: the bundled example article, coded the way a careful analyst would."""
from __future__ import annotations

from datetime import date

from polybius.read import read_path
from tests.conftest import SHARED

import pytest


def dyads(events, etype=None):
    return {(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events if etype is None or e.type == etype}


def test_example_article_codes_the_story(coder, example_article) -> None:
    (article,) = read_path(str(example_article), date(2024, 11, 18))
    events = [e for e in coder.code_articles([article])][0].events
    support = [e for e in events if e.type in ("SUPPORT", "AID") and e.source and e.source.code == "USA"
               and e.target and e.target.code == "UKR"]
    assert support, "the authorization USA → UKR"
    assert ("PRK", "RUS") in dyads(events, "AID") | dyads(events, "MOBILIZE")
    strikes = [e for e in events if e.type == "ASSAULT" and e.source and e.source.code == "UKR"]
    assert strikes and all(e.modality != "actual" for e in strikes)
    promise = [e for e in events if e.type == "AGREE" and e.source and e.source.name == "Donald Trump"]
    assert promise and promise[0].source.sector == "ELI" and promise[0].modality == "actual"


@pytest.mark.skipif(not (SHARED / "seed" / "article.txt").exists(), reason="needs ../shared/seed")
def test_seed_article_codes_the_story(coder) -> None:
    """The motivating article, read from ../shared at test time (it is never copied here)."""
    (article,) = read_path(str(SHARED / "seed" / "article.txt"), date(2024, 11, 18))
    events = [e for e in coder.code_articles([article])][0].events
    assert any(e.type in ("SUPPORT", "AID") and e.source and e.source.code == "USA" and e.target
               and e.target.code == "UKR" for e in events)
    assert ("PRK", "RUS") in dyads(events, "AID") | dyads(events, "MOBILIZE")
    strikes = [e for e in events if e.type == "ASSAULT" and e.source and e.source.code == "UKR"
               and e.target and e.target.code == "RUS"]
    assert strikes and any(e.modality == "planned" for e in strikes)
    assert not [e for e in events if e.type == "ASSAULT" and e.source and e.source.code == "UKR"
                and e.modality == "actual" and e.segment != "commentary"]
    assert any(e.type == "AGREE" and e.source and (e.source.code, e.source.sector) == ("USA", "ELI") for e in events)


@pytest.mark.skipif(not (SHARED / "seed" / "article.txt").exists(), reason="needs ../shared/seed")
def test_seed_article_place_and_time(coder) -> None:
    (article,) = read_path(str(SHARED / "seed" / "article.txt"), date(2024, 11, 18))
    document = next(iter(coder.code_articles([article])))
    kursk = [e for e in document.events if e.location and e.location.admin1 == "RU-KRS" and e.segment == "reporting"]
    assert any(e.type in ("AID", "MOBILIZE") and e.source and e.source.code == "PRK" for e in kursk)
    assert any(e.type == "ASSAULT" and e.modality == "planned" for e in kursk)
    assert all(e.location.country == "RUS" and e.location.lat for e in kursk)
    times = {t["text"]: (t["date"], t["precision"]) for t in document.times}
    assert times["since October"] == ("2024-10", "month")
    assert times["November 5"] == ("2024-11-05", "day")
