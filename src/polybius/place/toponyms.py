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
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from polybius.lexicon import shipped_path

REGION_WORDS = {"region", "oblast", "province", "governorate", "state", "district", "prefecture", "krai", "county"}
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"}  # labels the small model gives places
LOCATIVES = {"in", "near", "outside", "at", "from", "to", "into", "across", "around", "toward", "towards", "between",
             "via", "through", "throughout", "within", "beyond", "linking"}
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
    region: str | None = None  # the name of a city's first-level region ("Texas" for Paris, Texas)


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
    """Place names (case-folded) → entries; loaded once by the Coder.

    Loading keeps each name's rows as text and parses a row into an entry the first time a
    name is looked up: start-up reads 133k names, an article looks up a few dozen.
    """

    def __init__(self, rows: dict[str, list[str]]) -> None:
        self.rows = rows
        self.parsed: dict[str, GazetteerEntry] = {}

    @classmethod
    def load(cls) -> Gazetteer:
        """Read the shipped index: keys are already lower-cased and accent-folded, so loading is a split."""
        path = shipped_path("polybius.place", "data") / "gazetteer.tsv.gz"
        rows: dict[str, list[str]] = defaultdict(list)
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                key, rest = line.rstrip("\n").split("\t", 1)
                rows[key].append(rest)
        return cls(dict(rows))

    def entries_of(self, key: str) -> list[GazetteerEntry]:
        return [self.entry(rest) for rest in self.rows.get(key, ())]

    def entry(self, rest: str) -> GazetteerEntry:
        found = self.parsed.get(rest)
        if found is None:
            kind, country, admin1, lat, lon, population, canonical, region = rest.split("\t")
            found = self.parsed[rest] = GazetteerEntry(canonical, kind, country, admin1 or None, float(lat),
                                                       float(lon), int(population), region or None)
        return found

    def candidates(self, name: str) -> list[GazetteerEntry]:
        key = " ".join(name.replace("’", "'").split()).lower()
        if key.startswith("the "):
            key = key[4:]
        return self.entries_of(key) or self.entries_of(fold(key))

    def resolve(self, name: str, context: Context, want_region: bool = False) -> GazetteerEntry | None:
        """The entry a name most likely means in an article with the given context."""
        found = self.candidates(name)
        if want_region and not [e for e in found if e.kind == "admin1"]:
            bare = name.rsplit(" ", 1)[0] if " " in name else name
            found = [e for e in self.candidates(bare) if e.kind == "admin1"] or found
        if not found:
            return None
        return max(found, key=lambda e: score(e, name, context, want_region))


@dataclass
class Context:
    """What else the article names: countries (weighted by how often) and region names."""

    countries: Counter
    regions: set[str]
    nearby_countries: set[str] = field(default_factory=set)  # countries of the same sentence's places


def fold(text: str) -> str:
    """Case- and accent-folded: 'Concepción' and 'concepcion' meet."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def score(entry: GazetteerEntry, name: str, context: Context, want_region: bool) -> float:
    """Kind and size first, then the article: its countries and the regions it names."""
    value = KIND_RANK.get(entry.kind, 0.0) + math.log10(entry.population + 10) * (1.0 if entry.kind == "city" else 0.5)
    value += 1.0 * min(context.countries.get(entry.country, 0), 3)
    if entry.region and fold(entry.region) in context.regions:
        value += 4.0  # "Paris" in an article about Texas
    if want_region and entry.kind == "admin1":
        value += 4.0
    if fold(entry.name) == fold(name):
        value += 1.0  # the place's own name beats a former or foreign name of another
    return value


def toponym_spans(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Place names: the parser's and our ruler's GPE/LOC/FAC entities, and any other name after a
    locative preposition that the gazetteer knows ("in Melbourne"); each stretched over a region
    word or the rest of a longer known name ("Santiago de Compostela")."""
    spans = []
    for ent in doc.ents:
        regional = ent.end < len(doc) and doc[ent.end].lower_ in REGION_WORDS  # "the Valencia region"
        if ent.label_ not in TOPONYM_LABELS and not ((located_name(ent) or regional) and gazetteer.candidates(ent.text)) \
                and not (ent.label_ in MISLABELLED and prominent(gazetteer.candidates(ent.text))):
            continue
        end = ent.end
        for longer in range(min(len(doc), ent.end + 3), ent.end, -1):
            if gazetteer.candidates(doc[ent.start:longer].text):
                end = longer
                break
        if end < len(doc) and doc[end].lower_ in REGION_WORDS:
            end += 1
        spans.append(doc[ent.start:end])
    return spans


def prominent(entries: list[GazetteerEntry]) -> bool:
    """A name the gazetteer knows as a country, a region or a city of 100,000 people or more."""
    return any(e.kind != "city" or e.population >= 100_000 for e in entries)


def located_name(span: Span) -> bool:
    """A name right after 'in', 'near', 'outside' ... (a 'the' between allowed), or coordinated
    with such a name: a place whatever the tagger called it."""
    doc = span.doc
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    if before >= 0 and doc[before].lower_ in ("and", "or", ","):
        return not span.ent_id_ and before > 0 and doc[before - 1].ent_type_ in TOPONYM_LABELS
    return before >= 0 and doc[before].lower_ in LOCATIVES and not span.ent_id_


def find_toponyms(doc: Doc, gazetteer: Gazetteer, actors: list[tuple[str, str]]) -> list[Toponym]:
    """Every toponym of an article, each resolved in the light of the article's other places and
    actors ((words, code) pairs; an actor named by the toponym's own words does not count)."""
    spans = toponym_spans(doc, gazetteer)
    names = [(base_name(span), has_region_word(span)) for span in spans]
    plain = Context(Counter({code: 1 for _, code in actors}), set())
    first = [gazetteer.resolve(name, plain, region) for name, region in names]
    toponyms = []
    for index, span in enumerate(spans):
        others = [e for i, e in enumerate(first) if e is not None and i != index and fold(names[i][0]) != fold(names[index][0])]
        own = fold(names[index][0])
        article_countries = {code for text, code in actors if fold(text).removeprefix("the ") != own}
        countries = Counter({code: 1 for code in article_countries}) + Counter(e.country for e in others)
        qualifier = index + 1 if index + 1 < len(spans) and 0 < spans[index + 1].start_char - span.end_char <= 2 \
            and doc.text[span.end_char:spans[index + 1].start_char].strip() == "," else None
        nearby = [qualifier] if qualifier is not None else []  # "Paris, Texas": the name right after decides
        regions = {fold(first[i].name) for i in nearby if first[i] is not None and first[i].kind != "city"} | {
            fold(names[i][0]) for i in nearby if fold(names[i][0]) != fold(names[index][0])}
        if qualifier is not None and first[qualifier] is not None:
            countries[first[qualifier].country] += 5
        nearby_countries = {first[i].country for i in nearby if first[i] is not None}
        entry = gazetteer.resolve(names[index][0], Context(countries, regions, nearby_countries), names[index][1])
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
