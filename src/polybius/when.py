"""When: time expressions resolved against the publication date, with their precision.

News dates events relative to publication: "on Wednesday" is the latest Wednesday on or
before it (the next one when the sentence speaks of the future), "in January" the latest
January (the next one for the future), "last week" the week before, with precision day,
week (the Monday of the ISO week), month or year. Absolute dates resolve as written. An
event with no time expression in its sentence keeps the publication date, precision
"none", said plainly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name: number for number, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: number for number, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "several": 3}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
DAYPART = r"(?:\s+(?:night|morning|evening|afternoon))?"
PATTERNS: tuple[tuple[str, str], ...] = (
    ("full_date", rf"\b(?:on\s+)?{MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"),
    ("full_date", rf"\b(?:on\s+)?(?P<day>\d{{1,2}})\s+{MONTH}\s+(?P<year>\d{{4}})\b"),
    ("month_day", rf"\b(?:on\s+)?{MONTH}\s+(?P<day>\d{{1,2}})\b(?!\s*,?\s*\d{{4}})"),
    ("month_day", rf"\b(?:on\s+)?(?P<day>\d{{1,2}})\s+{MONTH}(?!\s+\d{{4}})\b"),
    ("next_weekday", rf"\bnext\s+{WEEKDAY}\b"),
    ("weekday", rf"\b(?:(?:late|early)\s+)?(?:on\s+)?{WEEKDAY}{DAYPART}\b"),
    ("ago", r"\b(?P<count>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("relative_unit", r"\b(?P<which>last|this|next|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)\b"),
    ("day_word", r"\b(?P<word>yesterday|today|tomorrow|overnight|the\s+previous\s+day|this\s+morning|tonight)\b"),
    ("month_year", rf"\b(?:in|since|until|by|from|during)\s+(?:(?:early|mid|late)[\s-]+)?{MONTH}\s+(?P<year>\d{{4}})\b"),
    ("month", rf"\b(?:in|since|until|by|from|during)\s+(?:(?:early|mid|late)[\s-]+)?{MONTH}\b(?!\s+\d)"),
    ("year", r"\b(?:in|since|until|by|from|during)\s+(?:(?:early|mid|late)[\s-]+)?(?P<year>(?:19|20)\d{2})\b"),
)
COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS)
FUTURE_MARKERS = re.compile(r"\b(will|shall|'ll|going to|is to|are to|scheduled|due to|plans? to|expected to|"
                            r"takes effect|take effect|comes into force|come into force|expires|begins|starts)\b",
                            re.IGNORECASE)  # the scheduled present ("takes effect on 1 March") is future too


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in the text, and what it resolves to."""

    start: int
    end: int
    text: str
    date: str  # YYYY-MM-DD (day, week), YYYY-MM (month), YYYY (year)
    precision: str  # day, week, month, year

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "date": self.date,
                "precision": self.precision}


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def resolve(kind: str, match: re.Match[str], base: date, future: bool) -> tuple[str, str] | None:
    """The (date, precision) an expression names, relative to the publication date."""
    groups = {k: (v.lower() if isinstance(v, str) else v) for k, v in match.groupdict().items()}
    if kind == "full_date":
        return _day(int(groups["year"]), MONTHS[groups["month"]], int(groups["day"]))
    if kind == "month_day":
        month, day = MONTHS[groups["month"]], int(groups["day"])
        year = base.year
        candidate = _safe_date(year, month, day)
        if candidate is None:
            return None
        if future and candidate < base:
            year += 1
        elif not future and candidate > base:
            year -= 1
        return _day(year, month, day)
    if kind in ("weekday", "next_weekday"):
        target = WEEKDAYS[groups["weekday"]]
        if future or kind == "next_weekday":
            delta = (target - base.weekday()) % 7 or 7
            return (base + timedelta(days=delta)).isoformat(), "day"
        return (base - timedelta(days=(base.weekday() - target) % 7)).isoformat(), "day"
    if kind == "day_word":
        offset = {"yesterday": -1, "overnight": -1, "tomorrow": 1}.get(groups["word"], 0)
        offset = -1 if groups["word"].startswith("the") else offset
        return (base + timedelta(days=offset)).isoformat(), "day"
    if kind == "ago":
        return _ago(NUMBERS.get(groups["count"]) or int(groups["count"]), groups["unit"], base)
    if kind == "relative_unit":
        step = {"last": -1, "next": 1}.get(groups["which"].split()[0], 0)
        return _relative(step, groups["unit"], base)
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{MONTHS[groups['month']]:02d}", "month"
    if kind == "month":
        month = MONTHS[groups["month"]]
        year = base.year
        future = future and not match.group().lower().startswith("since")  # "since October" is past
        if future and month < base.month:
            year += 1
        elif not future and month > base.month:
            year -= 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "year":
        return groups["year"], "year"
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> tuple[str, str] | None:
    found = _safe_date(year, month, day)
    return (found.isoformat(), "day") if found else None


def _ago(count: int, unit: str, base: date) -> tuple[str, str]:
    if unit == "day":
        return (base - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return monday(base - timedelta(weeks=count)).isoformat(), "week"
    if unit == "month":
        year, month = shift_months(base, -count)
        return f"{year:04d}-{month:02d}", "month"
    return f"{base.year - count:04d}", "year"


def _relative(step: int, unit: str, base: date) -> tuple[str, str]:
    if unit == "week":
        return monday(base + timedelta(weeks=step)).isoformat(), "week"
    if unit == "month":
        year, month = shift_months(base, step)
        return f"{year:04d}-{month:02d}", "month"
    return f"{base.year + step:04d}", "year"


def find_times(text: str, base: date | None, future_at=None) -> list[TimeExpression]:
    """Every time expression of a text, resolved; overlapping matches keep the earliest, longest.

    ``future_at(offset)`` says whether the clause at an offset speaks of the future; by
    default the sentence around the expression is searched for "will", "plans to", ...
    """
    if base is None:
        return []
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            future = future_at(start) if future_at else sentence_is_future(text, start)
            resolved = resolve(kind, match, base, future)
            if resolved is not None:
                taken.append((start, end))
                found.append(TimeExpression(start, end, match.group(), *resolved))
    return sorted(found, key=lambda t: t.start)


def sentence_is_future(text: str, offset: int) -> bool:
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    end_candidates = [i for i in (text.find(".", offset), text.find("\n", offset)) if i >= 0]
    end = min(end_candidates) if end_candidates else len(text)
    return bool(FUTURE_MARKERS.search(text[start:end]))


def date_of_event(sentence_start: int, sentence_end: int, trigger_offset: int, times: list[TimeExpression],
                  published: str | None) -> tuple[str | None, str | None, str]:
    """An event's (date, date_text, precision): the time expression nearest its trigger in its
    sentence, else the publication date with precision "none"."""
    inside = [t for t in times if sentence_start <= t.start and t.end <= sentence_end]
    if not inside:
        return published, None, "none"
    nearest = min(inside, key=lambda t: abs(t.start - trigger_offset))
    return nearest.date, nearest.text, nearest.precision


TEMPORAL_MARKS = {"once", "when", "after", "before", "until", "till", "as soon as", "if"}


def clause_is_future(doc, offset: int) -> bool:
    """Whether the clause holding a character offset speaks of the future, read from the parse:
    'will', 'shall', 'is going to', or a present-tense clause of time ("once Trump comes to power")."""
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text) + 1), None)
    if token is None:
        return sentence_is_future(doc.text, offset)
    verb = token
    for _ in range(10):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("aux", "prep", "amod"):
            break
        if verb.head is verb:
            break
        verb = verb.head
    for _ in range(4):
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"will", "shall", "'ll", "wo"}:
            return True
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if verb.tag_ in ("VBZ", "VBP") and marks & TEMPORAL_MARKS:
            return True
        if verb.tag_ in ("VBD", "VBN") or auxes & {"has", "have", "had", "was", "were", "did"}:
            return False
        if verb.dep_ not in ("xcomp", "conj", "acomp", "advcl", "ccomp", "relcl") or verb.head is verb:
            break
        verb = verb.head
    return bool(FUTURE_MARKERS.search(verb.sent.text)) and verb.tag_ not in ("VBD", "VBN")
