"""Place names resolved in context, and events located where their clause puts them."""
from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from polybius.cli import app

WHEN = date(2024, 2, 1)


def places(coder, text: str) -> dict[str, tuple]:
    document = coder.code_text(text, WHEN)
    return {p["text"]: (p["name"], p["kind"], p["country"], p["admin1"]) for p in document.places}


def test_place_region_written_the_news_way(coder) -> None:
    found = places(coder, "Shelling continued in the Kursk region and near Kharkiv on Monday.")
    assert found["Kursk region"][1:] == ("admin1", "RUS", "RU-KRS")
    assert found["Kharkiv"][2] == "UKR"


def test_place_georgia_next_to_us_states_is_the_state(coder) -> None:
    found = places(coder, "Storms hit Alabama and Georgia on Tuesday, and flooding spread into South Carolina.")
    assert found["Georgia"][2] == "USA"


def test_place_georgia_next_to_caucasus_is_the_country(coder) -> None:
    found = places(coder, "Russia and Georgia traded accusations over Abkhazia and South Ossetia.")
    assert found["Georgia"][2] == "GEO"


def test_place_paris_texas_read_in_its_sentence(coder) -> None:
    found = places(coder, "A tornado tore through Paris, Texas, late on Sunday.")
    assert found["Paris"][2] == "USA"


def test_place_event_located_in_its_clause(coder) -> None:
    event = coder.code_text("Russian jets bombed targets in the Kursk region on Monday.", WHEN).events[0]
    assert event.location is not None and event.location.admin1 == "RU-KRS" and event.location.lat
    assert (event.date, event.date_precision, event.date_text) == ("2024-01-29", "day", "on Monday")


def test_place_event_without_place_or_time(coder) -> None:
    event = coder.code_text("Chile recalled its ambassador from Peru.", WHEN).events[0]
    assert event.location is None or event.location.country in ("CHL", "PER")
    assert (event.date, event.date_precision, event.date_text) == ("2024-02-01", "none", None)


def test_cli_places_lists_spans() -> None:
    result = CliRunner().invoke(app, ["places", "-", "--format", "jsonl"], input="Fighting spread to Bakhmut.\n")
    assert result.exit_code == 0 and '"country": "UKR"' in result.stdout and '"start": 19' in result.stdout
