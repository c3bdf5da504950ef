"""An article's date read off its dateline, for texts that come without a publication time.

The stream's articles carry ``published_at``, and the story window is measured on it. Corpora
read by ``marsad eval clusters`` carry none, but wire and Wikinews texts open with a dateline
(MEANTIME: 'March 01, 2008', '25 de enero del 2010', '23-Oct-10'). Without it every document
of an evaluation gets one fixed time and time proximity, one of the clustering signals, never
separates two events.

Only a line that holds a date and nothing else is read as a dateline: a weekday, a clock time,
a time zone, a label ('Posted', 'Updated') and the year written twice may stand beside the date,
at most one other word. A date inside a sentence ('the attacks of September 11, 2001') is what
the article reports about, not when it was written. Month and label words are data
(``streams/resources/stories/datelines.json``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "stories" / "datelines.json"
#: Lines read for a dateline: the title and the first lines of the body.
LINES_READ = 3
#: Longest line read as a dateline.
MAX_DATELINE_CHARS = 80
#: Words a dateline may hold besides its date and the words the resource allows (an outlet's
#: city, 'By', a stray token of the scrape).
MAX_OTHER_WORDS = 1
#: Years accepted: a dateline outside them is a misread number.
YEARS = range(1980, 2101)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = json.loads(RESOURCE.read_text(encoding="utf-8"))
    months: dict[str, int] = {}
    for names in data["months"].values():
        months.update(names)
    short: dict[str, set[int]] = {}
    for name, number in months.items():
        short.setdefault(name[:3], set()).add(number)
    for abbreviation, numbers in short.items():
        if len(numbers) == 1:
            months.setdefault(abbreviation, next(iter(numbers)))
    allowed = set(data["weekdays"]) | {w[:3] for w in data["weekdays"]} | set(data["time_zones"])
    allowed |= {word for label in data["labels"] for word in label.split()}
    return {"months": months, "allowed": allowed}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = "(?P<month>" + "|".join(sorted(map(re.escape, _lexicon()["months"]), key=len, reverse=True)) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.|º|er)?"
    year = r"(?P<year>\d{4})"
    return (
        re.compile(rf"\b{month}\s+{day},?\s+{year}\b"),                          # March 01, 2008
        re.compile(rf"\b{day}\s+(?:de\s+)?{month}\s+(?:del?\s+)?{year}\b"),       # 25 de enero del 2010
        re.compile(rf"\b{day}-{month}-(?P<year2>\d{{2}}|\d{{4}})\b"),              # 23-Oct-10
        re.compile(r"\b(?P<year>\d{4})([-/.])(?P<month_number>\d{2})\2(?P<day>\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2})?z?)?\b"),
    )


_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?=\W|$)")
_WORD = re.compile(r"[^\W\d_]+|\d+")


def _date_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("year2") is not None:
        year = int(groups["year2"])
        year = year + 2000 if year < 100 else year
    else:
        year = int(groups["year"])
    month = int(groups["month_number"]) if groups.get("month_number") else _lexicon()["months"][groups["month"]]
    if year not in YEARS:
        return None
    try:
        return date(year, month, int(groups["day"]))
    except ValueError:
        return None


def dateline_date(line: str) -> date | None:
    """The date of ``line`` when the line is a dateline, else None."""
    text = " ".join(line.lower().split())
    if not text or len(text) > MAX_DATELINE_CHARS:
        return None
    for pattern in _patterns():
        match = pattern.search(text)
        if match is None:
            continue
        found = _date_of(match)
        if found is None:
            return None
        rest = _CLOCK.sub(" ", text[:match.start()] + " " + text[match.end():])
        allowed = _lexicon()["allowed"]
        other = [w for w in _WORD.findall(rest) if w not in allowed and w != str(found.year)]
        return found if len(other) <= MAX_OTHER_WORDS else None
    return None


def dateline(lines: Sequence[str]) -> datetime | None:
    """Noon UTC of the first dateline among the first ``LINES_READ`` lines (noon: the day is all
    a dateline says)."""
    for line in list(lines)[:LINES_READ]:
        found = dateline_date(line)
        if found is not None:
            return datetime(found.year, found.month, found.day, 12, tzinfo=UTC)
    return None
