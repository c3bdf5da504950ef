"""Resolves time expressions against the article's publication date.

Works on folded text (see :mod:`.text`). Returns ``(start, end, TimeRef)`` with folded offsets.

Besides days, weeks and named periods: a part of a period ('في بداية الشهر', 'نهاية العام
الماضي', 'earlier this month': its first, middle or last third, or its start to the publication
day), a month ('في مارس الماضي', 'March 2011'; a bare month
name only after a lead word such as في/خلال/in or before a year, since 'may', 'march' and
Arabic 'اب' are also words) and "since" ranges ('منذ بداية الصراع في مارس 2011', 'since the
start of the war in 2011', 'منذ مطلع العام الحالي'): from the anchor's start to the publication
day. A figure "killed since March 2011" is a running total over years, not a day's event; read
as undated, the event would fall on the publication day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from marsad.schemas import TimeRef

from .resources import quantities, timex


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _week(d: date, offset: int) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=offset)
    return monday, monday + timedelta(days=6)


def _month(d: date, offset: int) -> tuple[date, date]:
    y, m = d.year, d.month + offset
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _weekday(pub: date, wd: int, direction: int) -> date:
    """Most recent ``wd`` on or before ``pub`` (direction -1/0) or next one after (1)."""
    if direction > 0:
        delta = (wd - pub.weekday()) % 7 or 7
        return pub + timedelta(days=delta)
    delta = (pub.weekday() - wd) % 7
    if direction < 0 and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _period(pub: date, unit: str, offset: int) -> tuple[date, date]:
    """The week, weekend, month or year ``offset`` periods from the one holding ``pub``."""
    if unit in ("week", "weekend"):
        a, b = _week(pub, offset)
        return (a + timedelta(days=5), b) if unit == "weekend" else (a, b)
    if unit == "month":
        return _month(pub, offset)
    return date(pub.year + offset, 1, 1), date(pub.year + offset, 12, 31)


def _part(a: date, b: date, part: str, pub: date) -> tuple[date, date]:
    """The early / mid / late third of the period ``a``..``b``, or (to_date) its start to ``pub``:
    a drone strike 'في بداية الشهر' is not the strike of the publication day."""
    if part == "to_date":
        return a, min(b, max(a, pub))
    third = ((b - a).days + 1) / 3
    i = ("early", "mid", "late").index(part)
    return a + timedelta(days=round(i * third)), (b if i == 2 else a + timedelta(days=round((i + 1) * third) - 1))


def _nearest_weekday(d: date, wd: int) -> date:
    """The day named ``wd`` within three days of ``d``: a weekday given with 'today' or
    'yesterday' wins over the publication date, which may be a day later than the writing (a
    wire story of Monday evening republished at 02:00 on Tuesday) or a day earlier (UTC)."""
    delta = (wd - d.weekday() + 3) % 7 - 3
    return d + timedelta(days=delta)


def _explicit(pub: date, day: int, month: int, year: int | None, past_hint: bool) -> date | None:
    y = year or pub.year
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if year is None and (d > pub + timedelta(days=7) or (past_hint and d > pub)):
        try:
            d = date(y - 1, month, day)
        except ValueError:
            return None
    return d


#: A year opening a line and followed by a dash: an entry of a chronology ('1980 - صدام حسين يقوم
#: بأول زيارة...' in an 'on this day' column), whatever day the column's heading names.
_CHRONOLOGY_ENTRY = r"^\s*((?:1[89]|20)\d\d)(?=\s*[-–]\s)"


@lru_cache(maxsize=2)
def _patterns(lang: str) -> dict[str, re.Pattern]:
    t = timex(lang)
    q = quantities(lang)
    numwords = list(q["units"]) + list(q["tens"])
    if lang == "ar":
        wd, mo, days = _alt(t["weekdays"]), _alt(t["months"]), _alt(t["days"])
        pod = _alt(["فجر", "صباح", "ظهر", "عصر", "مساء", "ليل", "ليله"])
        units, markers = _alt(t["last_n"]["units"]), _alt(t["last_n"]["markers"])
        num = rf"\d+|{_alt(numwords)}"
        other = rf"(?:\s*\([^)]{{0,20}}\)|\s*/\s*(?:{mo}))?"  # the month's other name: 'أغسطس (آب)', 'آب/أغسطس'
        return {
            "date": re.compile(rf"(?<!\w)(?:يوم\s+)?(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({mo}){other}(?:\s+(?:من\s+)?(?:عام\s+|العام\s+)?(\d{{4}}))?(\s+الماضي)?"),
            "day": re.compile(rf"(?<!\w)(?:[وفب]?(?:{pod})\s+)?[وفب]?(?:{days})(?:\s+(?:ال)?({wd}))?(?!\w)"),
            "weekday": re.compile(rf"(?<!\w)(?:[وفب]?(?:يوم|ليله|{pod})\s+)?[وفب]?(?:{wd})(?:\s+(الماضي|المقبل|القادم))?(?!\w)"),
            "period": re.compile(rf"(?<!\w)[وفبل]?(?:{_alt(t['periods'])})(?!\w)"),
            "period_part": re.compile(rf"(?<!\w)[وفبل]?(?P<part>{_alt(t['period_parts'])})\s+(?P<period>{_alt([*t['periods'], *t['bare_periods']])})(?!\w)"),
            "last_n": re.compile(rf"(?<!\w)(?:خلال\s+|في\s+)?(?:ال)?(?:({num})\s+(?:ال)?({units})|({units})\s+(?:ال)?({num}))\s+(?:{markers})(?!\w)"),
            "vague": re.compile(rf"(?<!\w)[و]?(?:{_alt(t['since_vague'])})(?!\w)"),
            "year": re.compile(rf"(?<!\w)(?:عام|سنه|العام|{_alt(t['since'])})\s+(\d{{4}})(?!\w)|{_CHRONOLOGY_ENTRY}"),
            "month": re.compile(
                rf"(?<!\w)(?:[وفب]?(?P<lead>{_alt(t['month_lead'])})\s+(?:شهر\s+)?(?P<name>{mo})|(?P<bare>{mo})(?={other}\s+(?:من\s+)?(?:عام\s+|العام\s+)?\d{{4}})){other}"
                rf"(?:\s+(?:من\s+)?(?:عام\s+|العام\s+)?(?P<year>\d{{4}})|\s+(?P<after>{_alt(t['month_past'] + t['month_next'])}))?(?!\w)"),
            "since": re.compile(rf"(?<!\w)[و]?(?:{_alt(t['since'])})(?:\s+(?:ال)?(?:{_alt(t['onset'])})(?:\s+[^\s،,.؛]+){{0,6}}?)?\s+$"),
            "tonight": re.compile(r"(?<!\w)(?:هذه\s+)?الليله(?:\s+الماضيه)?(?!\w)"),
        }
    wd, mo, days = _alt(t["weekdays"]), _alt(t["months"]), _alt(t["days"])
    return {
        "date": re.compile(rf"\b(?:({mo})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mo})(?:,?\s+(\d{{4}}))?)\b"),
        "day": re.compile(rf"\b(?:{days})\b"),
        "weekday": re.compile(rf"\b(?:(last|next|this|on)\s+)?({wd})(?:\s+(morning|afternoon|evening|night))?\b"),
        "period": re.compile(rf"\b(?:{_alt(t['periods'])})\b"),
        "period_part": re.compile(rf"\b(?P<part>{_alt(t['period_parts'])})[\s-]+(?:of\s+)?(?P<period>{_alt([*t['periods'], *t['bare_periods']])})\b"),
        "last_n": re.compile(rf"\b(?:the\s+)?(?:last|past|previous)\s+(\d+|{_alt(numwords)})\s+({_alt(t['last_n']['units'])})\b"),
        "vague": re.compile(rf"\b(?:{_alt(t['since_vague'])})\b"),
        "year": re.compile(rf"\b(?:in|{_alt(t['since'])})\s+((?:19|20)\d{{2}})\b|{_CHRONOLOGY_ENTRY}"),
        "month": re.compile(
            rf"\b(?:(?P<lead>{_alt(t['month_lead'])})[\s-]+(?:of\s+)?(?P<name>{mo})|(?P<bare>{mo})(?=\.?,?\s+(?:19|20)\d{{2}}\b))\.?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b"),
        "since": re.compile(rf"\b(?:{_alt(t['since'])})(?:\s+(?:{_alt(t['onset'])})(?:\s+[^\s,.;]+){{0,6}}?)?\s+$"),
    }


def _named_month(pub: date, month: int, year: int | None, relation: str) -> tuple[date, date] | None:
    """A month by name: of the year given; else the last one before this month ('past'), the
    next one after it ('next'), or, unmarked, the latest one up to this month (news reports
    mostly what has happened)."""
    if year is None:
        if relation == "past":
            year = pub.year if month < pub.month else pub.year - 1
        elif relation == "next":
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
    if not 1900 <= year <= pub.year + 1:
        return None
    return _month(date(year, month, 1), 0)


def _since(text: str, found: list[tuple[int, int, TimeRef]], pub: date, lang: str) -> list[tuple[int, int, TimeRef]]:
    """Each anchor preceded by 'منذ'/'since' (with an onset phrase between: 'the start of the
    war in'), and a year right after 'بعد' (``after_year``), becomes the range from the
    anchor's start to the publication day."""
    since = _patterns(lang)["since"]
    lead = timex(lang)["since"]
    after_year = timex(lang).get("after_year", [])
    out = []
    for a, b, ref in found:
        start = None
        if ref.start < pub:
            m = since.search(text, max(0, a - 120), a)  # 'منذ بداية الصراع ' before 'في مارس 2011'
            if m:
                start = m.start()
            elif ref.text and ref.text.split()[0].lstrip("و") in lead:  # 'منذ 2011': the anchor holds it
                start = a
            elif ref.precision == "year" and (word := (text[max(0, a - 8):a].split() or [""])[-1]).lstrip("و") in after_year:
                start = text.rfind(word, 0, a)  # 'بعد عام 2003'
        if start is None:
            out.append((a, b, ref))
        else:
            out.append((start, b, TimeRef(start=ref.start, end=pub, precision="range", text=text[start:b].strip())))
    return out


def _num(word: str, lang: str) -> int | None:
    if word.isdigit():
        return int(word)
    q = quantities(lang)
    return q["units"].get(word) or q["tens"].get(word)


def resolve_times(text: str, pub: date, lang: str) -> list[tuple[int, int, TimeRef]]:
    """All time expressions in folded ``text`` resolved against ``pub`` (non-overlapping)."""
    t = timex(lang)
    p = _patterns(lang)
    found: list[tuple[int, int, TimeRef]] = []

    def add(m: re.Match, start: date, end: date, precision: str) -> None:
        found.append((m.start(), m.end(), TimeRef(start=start, end=end, precision=precision, text=m.group().strip())))

    if lang == "ar":
        for m in p["date"].finditer(text):
            d = _explicit(pub, int(m.group(1)), t["months"][m.group(2)], int(m.group(3)) if m.group(3) else None, bool(m.group(4)))
            if d:
                add(m, d, d, "day")
        for m in p["last_n"].finditer(text):
            n = _num(m.group(1) or m.group(4), lang)
            unit = t["last_n"]["units"][m.group(2) or m.group(3)]
            if n and unit:
                add(m, pub - timedelta(days=n * unit), pub, "range")
        for m in p["day"].finditer(text):
            g = m.group()
            offset = max((v for k, v in t["days"].items() if re.search(rf"(?<!\w)[وفب]?{k}(?!\w)", g)), key=abs, default=0)
            keys = [k for k in t["days"] if re.search(rf"(?<!\w)[وفب]?{k}(?!\w)", g)]
            longest = max(keys, key=len) if keys else ""
            offset = t["days"].get(longest, offset)
            d = pub + timedelta(days=offset)
            if m.group(1):  # 'اليوم الاثنين' in a wire story published after midnight: Monday
                d = _nearest_weekday(d, t["weekdays"][m.group(1)])
            pod = any(re.search(rf"(?<!\w)[وفب]?{w}(?!\w)", g) for w in ("فجر", "صباح", "ظهر", "عصر", "مساء", "ليل", "ليله", "الليله"))
            add(m, d, d, "part_of_day" if pod else "day")
        for m in p["tonight"].finditer(text):
            d = pub - timedelta(days=1) if "الماضيه" in m.group() else pub
            add(m, d, d, "part_of_day")
        for m in p["weekday"].finditer(text):
            name = next(k for k in sorted(t["weekdays"], key=len, reverse=True) if k in m.group())
            direction = 1 if m.group(1) in ("المقبل", "القادم") else (-1 if m.group(1) == "الماضي" else 0)
            d = _weekday(pub, t["weekdays"][name], direction)
            pod = any(w in m.group().split()[0] for w in ("فجر", "صباح", "ظهر", "عصر", "مساء", "ليل"))
            add(m, d, d, "part_of_day" if pod else "day")
    else:
        for m in p["date"].finditer(text):
            if m.group(1):
                mon, day, year = t["months"][m.group(1)], int(m.group(2)), m.group(3)
            else:
                mon, day, year = t["months"][m.group(5)], int(m.group(4)), m.group(6)
            d = _explicit(pub, day, mon, int(year) if year else None, False)
            if d:
                add(m, d, d, "day")
        for m in p["last_n"].finditer(text):
            n, unit = _num(m.group(1), lang), t["last_n"]["units"][m.group(2)]
            if n and unit:
                add(m, pub - timedelta(days=n * unit), pub, "range")
        for m in p["day"].finditer(text):
            d = pub + timedelta(days=t["days"][m.group()])
            add(m, d, d, "day" if m.group() in ("today", "yesterday", "tomorrow") else "part_of_day")
        for m in p["weekday"].finditer(text):
            direction = {"next": 1, "last": -1}.get(m.group(1) or "", 0)
            d = _weekday(pub, t["weekdays"][m.group(2)], direction)
            add(m, d, d, "part_of_day" if m.group(3) else "day")
    for m in p["period"].finditer(text):
        key = re.sub(r"^[وفبل](?=ال|هذ)", "", m.group()) if lang == "ar" else m.group()
        unit, off = t["periods"][key]
        a, b = _period(pub, unit, off)
        add(m, a, b, "range" if unit == "weekend" else unit)
    for m in p["period_part"].finditer(text):
        unit, off = t["periods"].get(m.group("period")) or (t["bare_periods"][m.group("period")], 0)
        if unit != "weekend":
            add(m, *_part(*_period(pub, unit, off), t["period_parts"][m.group("part")], pub), "range")
    for m in p["vague"].finditer(text):
        key = m.group()[1:] if m.group()[0] == "و" and m.group()[1:] in t["since_vague"] else m.group()
        add(m, pub - timedelta(days=t["since_vague"].get(key, 30)), pub, "range")
    for m in p["year"].finditer(text):
        y = int(m.group(1) or m.group(2))
        if 1900 <= y <= pub.year + 1:
            add(m, date(y, 1, 1), date(y, 12, 31), "year")
    for m in p["month"].finditer(text):
        g = m.groupdict()
        marker = g.get("after") or g["lead"] or ""  # 'مارس الماضي', 'last March'
        relation = "past" if marker in t["month_past"] else ("next" if marker in t["month_next"] else "")
        span = _named_month(pub, t["months"][g["name"] or g["bare"]], int(g["year"]) if g["year"] else None, relation)
        part = t["period_parts"].get(g["lead"] or "")
        if span and part and part != "to_date":  # 'أواخر يونيو', 'mid-July': a third of the month
            add(m, *_part(*span, part, pub), "range")
        elif span:
            add(m, *span, "month")
    # keep the longest, non-overlapping expressions
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, TimeRef]] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    return _since(text, _joined(text, sorted(kept, key=lambda f: f[0]), p), pub, lang)


#: What may stand between a weekday and the date that names the same day ('الجمعة يوم 26 يونيو',
#: 'الجمعة الموافق 26 يونيو', 'Friday, June 26'), and between the two days of one night ('ليل
#: الخميس - الجمعة', 'ليلة الأربعاء على الخميس').
_SAME_DAY_GAP = re.compile(r"^[\s,،]*(?:(?:يوم|الموافق)[\s,،]*)?$")
_NIGHT_GAP = re.compile(r"^\s*(?:[-–/]|علي|على|الي|الى)?\s*$")
_SAME_DAY_WORDS = 6


def _joined(text: str, found: list[tuple[int, int, TimeRef]], p: dict[str, re.Pattern]) -> list[tuple[int, int, TimeRef]]:
    """A weekday and the date after it are one day, the date's ('أثناء صلاة الجمعة يوم 26 يونيو'
    is 26 June, not last Friday); a night named by two weekdays is one span ('بعد منتصف ليل
    الخميس - الجمعة'). Two expressions would give the triggers of one sentence two dates, and
    the mentions of one event would not merge."""
    out: list[tuple[int, int, TimeRef]] = []
    for a, b, ref in found:
        if out:
            pa, pb, prev = out[-1]
            gap = text[pb:a]
            if p["weekday"].fullmatch(prev.text or "") and ref.precision == "day" and not p["weekday"].fullmatch(ref.text or "") and _SAME_DAY_GAP.match(gap):
                out[-1] = (pa, b, ref.model_copy(update={"text": text[pa:b]}))
                continue
            night = (prev.text or "").split()[0] in ("ليل", "ليله")
            if night and p["weekday"].fullmatch(ref.text or "") and _NIGHT_GAP.match(gap) and ref.start > prev.start:
                out[-1] = (pa, b, TimeRef(start=prev.start, end=ref.start, precision="range", text=text[pa:b]))
                continue
        out.append((a, b, ref))
    # a few words off, a weekday on which its date falls is that date ('لتفجير خلال صلاة الجمعة
    # في شهر رمضان في 26 يونيو': 26 June 2015 was a Friday, not last Friday); further, it may
    # be another day's ('هدد الأربعاء بإعدام كرواتي يعمل لحساب مجموعة فرنسية وخطف في 22 يوليو')
    dates = [(a, b, ref) for a, b, ref in out if ref.precision == "day" and not p["weekday"].fullmatch(ref.text or "")]
    for k, (a, b, ref) in enumerate(out):
        if p["weekday"].fullmatch(ref.text or ""):
            same = next((d for da, db, d in dates if d.start.weekday() == ref.start.weekday() and d.start != ref.start
                         and len(text[min(b, db):max(a, da)].split()) <= _SAME_DAY_WORDS), None)
            if same is not None:
                out[k] = (a, b, same.model_copy(update={"text": ref.text}))
    return out
