"""Date mentions resolved against the article's publication date.

Runs on the folded text (Western digits, unified alef, ة->ه, ى->ي, lower case). Handles the
relative words news uses (اليوم، أمس، غداً، الليلة، مساء اليوم; today/yesterday; aujourd'hui/
hier), weekday names (اليوم السبت, يوم الأحد, on Monday, lundi: the most recent such day on or
before publication), explicit dates in Arabic (both Gregorian month-name series, e.g. شباط/
فبراير), English and French, and bare years after عام/سنة/in/en. ``value`` is ISO 8601
(``2019-02-09``, ``2019-02`` or ``2019``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.streams.pipeline.entities.arabic import fold_str

_AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
}
_EN_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
_EN_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                   "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_FR_MONTHS = {m: i + 1 for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    .split())}
_FR_MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})
MONTHS = {**{fold_str(k): v for k, v in _AR_MONTHS.items()}, **_EN_MONTHS, **_FR_MONTHS}

# weekday(): Monday=0
_WEEKDAYS = {
    "الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
    "السبت": 5, "الاحد": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
}
_RELATIVE = {
    "اليوم": 0, "الليله": 0, "هذه الليله": 0, "مساء اليوم": 0, "صباح اليوم": 0,
    "ظهر اليوم": 0, "فجر اليوم": 0, "ليل اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1,
    "مساء امس": -1, "صباح امس": -1, "ليل امس": -1, "فجر امس": -1, "اول امس": -2,
    "اول من امس": -2, "غدا": 1, "الغد": 1,
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "aujourd'hui": 0, "ce soir": 0, "hier": -1, "demain": 1, "avant-hier": -2,
}

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WD_ALT = "|".join(sorted((re.escape(w) for w in _WEEKDAYS), key=len, reverse=True))
_REL_ALT = "|".join(sorted((re.escape(w) for w in _RELATIVE), key=len, reverse=True))
_B = r"(?<![\w])"
_E = r"(?![\w])"
# month group may be "شباط/فبراير" or "فبراير (شباط)"
_MONTH = rf"(?P<m>{_MONTH_ALT})(?:\s*[/(]\s*(?:{_MONTH_ALT})\s*\)?)?"
DATE_RE = re.compile(
    rf"{_B}(?:"
    rf"(?P<d>\d{{1,2}})(?:er)?\s+(?:من\s+)?(?:شهر\s+)?{_MONTH}(?:(?:\s*,\s*|\s+)(?:(?:من\s+)?(?:العام|عام|سنه)\s+)?(?P<y>\d{{4}}))?"
    rf"|{_MONTH.replace('?P<m>', '?P<m2>')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<y2>\d{{4}}))?"
    rf"|(?:(?:شهر)\s+)?{_MONTH.replace('?P<m>', '?P<m3>')}\s+(?:(?:من\s+)?(?:العام|عام|سنه)\s+)?(?P<y3>\d{{4}})"
    rf"|(?P<rel>{_REL_ALT})(?:(?:\s*,\s*|\s+)(?:يوم\s+)?(?P<wd2>{_WD_ALT}))?"
    rf"|(?:يوم\s+|(?:ال)?(?:on|le)\s+)?(?P<wd>{_WD_ALT})"
    rf"|(?:(?:العام|عام|سنه|في|in|en)\s+)(?P<y4>(?:19|20)\d{{2}})"
    rf"){_E}"
)


BARE_YEAR_RE = re.compile(r"(?<![\w.,])(?:19[5-9]\d|20\d\d)(?![\w.,]\d|\w)")


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int  # folded offsets
    end: int
    value: str
    confidence: float


def _clip(d: int, m: int, y: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(folded: str, published: date) -> list[DateSpan]:
    out: list[DateSpan] = []
    for m in DATE_RE.finditer(folded):
        g = m.groupdict()
        value: str | None = None
        conf = 0.9
        if g["d"]:
            y = int(g["y"]) if g["y"] else published.year
            value = _clip(int(g["d"]), MONTHS[g["m"]], y)
            if g["m"] in ("may", "mai", "ماي", "اب", "mar") and not g["y"]:
                conf = 0.6
        elif g["d2"]:
            y = int(g["y2"]) if g["y2"] else published.year
            value = _clip(int(g["d2"]), MONTHS[g["m2"]], y)
        elif g["m3"]:
            value = f"{int(g['y3']):04d}-{MONTHS[g['m3']]:02d}"
        elif g["rel"]:
            day = published + timedelta(days=_RELATIVE[g["rel"]])
            if g["wd2"]:
                target = _WEEKDAYS[g["wd2"]]
                if day.weekday() != target:  # "اليوم السبت" on a Sunday: trust the weekday
                    day = _last_weekday(published, target)
            value = day.isoformat()
            conf = 0.95 if g["wd2"] else 0.85
        elif g["wd"]:
            value = _last_weekday(published, _WEEKDAYS[g["wd"]]).isoformat()
            conf = 0.7
        elif g["y4"]:
            value = g["y4"]
            conf = 0.8
            start = m.start("y4")
            out.append(DateSpan(start, m.end(), value, conf))
            continue
        if value is None:
            continue
        start, end = m.start(), m.end()
        # do not publish the leading يوم/on/le in the surface: keep the date words only
        out.append(DateSpan(start, end, value, conf))
    return out


def find_bare_years(folded: str, taken: list[tuple[int, int]]) -> list[DateSpan]:
    """Four-digit years (1950-2099) not already part of a date: low-confidence dates."""
    out = []
    for m in BARE_YEAR_RE.finditer(folded):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        out.append(DateSpan(m.start(), m.end(), m.group(), 0.6))
    return out


def _last_weekday(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)
