"""Quantity mentions with a numeric value (folded text: Western digits, unified alef).

``أكثر من 20 ألفاً`` -> value ``"20000"`` (the qualifier stays in the surface), ``3 ملايين``
-> ``"3000000"``, ``20,000`` -> ``"20000"``, ``عشرة`` -> ``"10"``; percentages get a ``%``
suffix (``أقل من واحد في المائة`` -> ``"1%"``). Digits inside dates are left to the date finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.streams.pipeline.entities.arabic import fold_str

_MULT = {
    "الف": 1_000, "الفا": 1_000, "الاف": 1_000, "الفين": 2_000, "الفان": 2_000,
    "مليون": 1_000_000, "مليونا": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000,
    "مليارا": 1_000_000_000, "مليارات": 1_000_000_000, "بليون": 1_000_000_000,
    "thousand": 1_000, "thousands": 1_000, "million": 1_000_000, "millions": 1_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000, "mille": 1_000, "milliers": 1_000,
    "milliard": 1_000_000_000, "milliards": 1_000_000_000,
}
_WORDS_AR = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثه": 3,
    "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7,
    "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
    "العشره": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40,
    "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئه": 100, "مائه": 100,
    "مئتين": 200, "مئتان": 200, "مائتين": 200, "مائتان": 200, "الف": 1000, "الفين": 2000,
    "عشرات": 10, "مئات": 100, "الاف": 1000,
}
_WORDS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
             "dozens": 12, "hundred": 100, "hundreds": 100,
             "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six ": 6, "sept": 7, "huit": 8,
             "neuf": 9, "dix": 10, "vingt": 20, "cent": 100, "centaines": 100, "dizaines": 10}
#: Single words too ambiguous alone (واحد: "one of", ست: "lady", عشر in compounds, etc.).
_WORD_NEEDS_CONTEXT = frozenset({"واحد", "واحده", "ست", "عشر", "سبع", "تسع", "خمس", "one",
                                 "cent", "sept", "الف", "الاف"})
WORDS = {**{fold_str(k): v for k, v in _WORDS_AR.items()}, **_WORDS_EN}

_QUAL = (r"(?:(?:ما\s+)?(?:يزيد|يربو)\s+(?:عن|على|علي)|ما\s+لا\s+يقل\s+عن|اكثر\s+من|اقل\s+من|"
         r"نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقارب|more\s+than|less\s+than|about|nearly|almost|"
         r"around|at\s+least|over|plus\s+de|moins\s+de|environ|près\s+de|au\s+moins)\s+")
_MULT_ALT = "|".join(sorted(_MULT, key=len, reverse=True))
_WORD_ALT = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
_PCT = r"(?:\s*%|\s+في\s+الم[اي]?[ئي]ه|\s+بالم[اي]?[ئي]ه|\s+percent|\s+per\s+cent|\s+pour\s+cent|\s+%)"
QTY_RE = re.compile(
    rf"(?<![\w.,])(?P<q>{_QUAL})?"
    rf"(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:[.٫]\d+)?)|(?P<w>{_WORD_ALT}))"
    rf"(?:\s+(?P<mult>{_MULT_ALT}))?(?P<pct>{_PCT})?(?![\w])"
)


@dataclass(frozen=True, slots=True)
class QuantitySpan:
    start: int  # folded offsets
    end: int
    value: str
    confidence: float


def _fmt(x: float) -> str:
    if x != x or x in (float("inf"), float("-inf")):  # a 400-digit number overflows a float
        return "inf"
    return str(int(x)) if x == int(x) else f"{x:g}"


def find_quantities(folded: str, taken: list[tuple[int, int]]) -> list[QuantitySpan]:
    out: list[QuantitySpan] = []
    for m in QTY_RE.finditer(folded):
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        word = m.group("w")
        if m.group("num"):
            value = float(m.group("num").replace(",", "").replace("٫", "."))
            conf = 0.9
        else:
            if word in _WORD_NEEDS_CONTEXT and not (m.group("pct") or m.group("q")
                                                   or m.group("mult")):
                continue
            value = float(WORDS[word])
            conf = 0.7
        mult = m.group("mult")
        if mult:
            value *= _MULT[mult]
        if value != value or value in (float("inf"), float("-inf")):
            continue  # not a real quantity (hostile input); never fail the stage on it
        text = _fmt(value)
        if m.group("pct"):
            text += "%"
        out.append(QuantitySpan(s, e, text, conf))
    return out
