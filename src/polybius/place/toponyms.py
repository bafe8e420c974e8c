"""Where: toponyms in an article resolved to gazetteer entries, and events located in them.

The gazetteer is a compact index built from packaged data (tools/build_gazetteer.py):
cities of 15,000 people and more with their alternate names, countries, and the
first-level regions the news names ("Kursk region", "Donetsk oblast"). A name with
several entries is settled the way a reader settles it: a region word after it asks for a
region; a place in a country the article is about beats one elsewhere; then the larger
place, and countries before regions before cities.
"""
from __future__ import annotations

import gzip
import math
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from polybius.lexicon import shipped_path

REGION_WORDS = {"region", "oblast", "province", "governorate", "state", "district", "prefecture", "krai", "county"}
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
KIND_RANK = {"country": 3.0, "admin1": 2.0, "city": 1.0}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str  # canonical
    kind: str  # country, admin1, city
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Toponym:
    """A place name in the text (offsets in the parsed text) and the entry it resolves to."""

    start: int
    end: int
    text: str
    entry: GazetteerEntry | None

    def to_dict(self, start: int, end: int) -> dict[str, object]:
        entry = self.entry
        return {"start": start, "end": end, "text": self.text, "name": entry.name if entry else None,
                "kind": entry.kind if entry else None, "country": entry.country if entry else None,
                "admin1": entry.admin1 if entry else None, "lat": entry.lat if entry else None,
                "lon": entry.lon if entry else None}


class Gazetteer:
    """Place names (case-folded) → entries; loaded once by the Coder."""

    def __init__(self, entries: dict[str, list[GazetteerEntry]]) -> None:
        self.entries = entries

    @classmethod
    def load(cls) -> Gazetteer:
        path = shipped_path("polybius.place", "data") / "gazetteer.tsv.gz"
        entries: dict[str, list[GazetteerEntry]] = defaultdict(list)
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                name, kind, country, admin1, lat, lon, population, canonical = line.rstrip("\n").split("\t")
                entry = GazetteerEntry(canonical, kind, country, admin1 or None, float(lat), float(lon), int(population))
                bucket = entries[name.lower()]
                if entry not in bucket:
                    bucket.append(entry)
        return cls(dict(entries))

    def candidates(self, name: str) -> list[GazetteerEntry]:
        key = " ".join(name.replace("’", "'").split()).lower()
        if key.startswith("the "):
            key = key[4:]
        return self.entries.get(key, [])

    def resolve(self, name: str, countries: set[str], want_region: bool = False) -> GazetteerEntry | None:
        """The entry a name most likely means in an article about the given countries."""
        found = self.candidates(name)
        if want_region and not [e for e in found if e.kind == "admin1"]:
            found = self.candidates(f"{name} region") + self.candidates(f"{name} oblast") + self.candidates(
                f"{name} province") or found
        if not found:
            return None
        return max(found, key=lambda e: score(e, countries, want_region))


def score(entry: GazetteerEntry, countries: set[str], want_region: bool) -> float:
    value = KIND_RANK.get(entry.kind, 0.0) + math.log10(entry.population + 10) / 2
    if entry.country in countries:
        value += 3.0
    if want_region and entry.kind == "admin1":
        value += 4.0
    return value


def toponym_spans(doc: Doc) -> list[Span]:
    """Place names: the parser's and our ruler's GPE/LOC/FAC entities, stretched over a region word."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in TOPONYM_LABELS:
            continue
        end = ent.end
        if end < len(doc) and doc[end].lower_ in REGION_WORDS:
            end += 1
        spans.append(doc[ent.start:end])
    return spans


def find_toponyms(doc: Doc, gazetteer: Gazetteer, article_countries: set[str]) -> list[Toponym]:
    """Every toponym of an article, resolved in the light of the article's countries."""
    spans = toponym_spans(doc)
    first_pass = {}
    for span in spans:
        entry = gazetteer.resolve(base_name(span), article_countries, want_region=has_region_word(span))
        first_pass[span.start] = entry
    countries = article_countries | {e.country for e in first_pass.values() if e is not None and e.kind == "country"}
    toponyms = []
    for span in spans:
        entry = gazetteer.resolve(base_name(span), countries, want_region=has_region_word(span))
        toponyms.append(Toponym(span.start_char, span.end_char, span.text, entry))
    return toponyms


def has_region_word(span: Span) -> bool:
    return span[-1].lower_ in REGION_WORDS


def base_name(span: Span) -> str:
    """'the Kursk region' → 'Kursk region' (its gazetteer form); a possessive dropped."""
    tokens = [t for t in span if t.dep_ != "case" and t.text not in ("'s", "’s")]
    text = span.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else span.text
    return text[4:] if text.lower().startswith("the ") else text


def toponym_at(toponyms: list[Toponym], token: Token) -> Toponym | None:
    """The toponym a token lies in, or the one its phrase contains ("the city of Basra")."""
    for word in [token, *token.subtree]:
        for toponym in toponyms:
            if toponym.entry is not None and toponym.start <= word.idx < toponym.end:
                return toponym
    return None
