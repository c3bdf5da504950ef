"""Quantity parsing: digits (Western or Eastern, folded), Arabic/English number words, vague
amounts (عشرات، مئات، dozens), ranges and approximation markers, typed by nearby keywords."""

from __future__ import annotations

import math

import re
from functools import lru_cache

from marsad.schemas import Quantity

from .resources import quantities
from .text import Token

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_PRIORITY = {"killed": 0, "injured": 0, "evacuated": 0, "displaced": 0, "arrested": 0, "missing": 0.5}
_SKIP_AFTER_AR = {"كلم", "كم", "كيلومتر", "كيلومترا", "متر", "مترا", "عاما", "سنه", "سنوات", "عام", "بالمئه", "بالمائه", "%", "دولار", "دولارا", "يورو", "ساعه", "ساعات", "دقيقه", "دقائق", "يوما", "ايام", "اشهر", "شهرا", "طن", "طنا", "ميل", "ميلا", "مليار", "درجه", "نوفمبر", "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "ديسمبر"}
_SKIP_AFTER_EN = {"km", "kilometres", "kilometers", "miles", "mile", "years", "year", "percent", "%", "dollars", "hours", "hour", "minutes", "days", "day", "weeks", "months", "tons", "tonnes", "degrees", "am", "pm", "o'clock", "per"}


@lru_cache(maxsize=2)
def _kind_index(lang: str) -> dict[str, str]:
    idx = {}
    for kind, words in quantities(lang)["kinds"].items():
        for w in words:
            idx.setdefault(w, kind)
    return idx


def _strip_ar(word: str) -> list[str]:
    """Candidate bare forms of an Arabic token (clitics removed)."""
    out = [word]
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p):])
    return out


def kind_of(word: str, lang: str) -> str | None:
    idx = _kind_index(lang)
    if lang != "ar":
        return idx.get(word.lower())
    for w in _strip_ar(word):
        if w in idx:
            return idx[w]
        for suf in ("وا", "ت", "ون", "ين", "هم", "ه", "ا"):
            if w.endswith(suf) and w[: -len(suf)] in idx:
                return idx[w[: -len(suf)]]
    return None


def _number(digits: str) -> float | None:
    """'20,000' and '3,5' read as numbers; malformed ('0.0.0') or overflowing runs are no number."""
    thousands = digits.count(",") and all(len(p) == 3 for p in digits.split(",")[1:])
    try:
        value = float(digits.replace(",", "") if thousands else digits.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _word_value(word: str, lang: str) -> tuple[str, float] | None:
    q = quantities(lang)
    w = word.lower()
    if lang != "ar" and "-" in w:
        parts = [_word_value(x, lang) for x in w.split("-")]
        if all(p and p[0] == "num" for p in parts):
            return "num", float(sum(p[1] for p in parts))
    cands = [w] if lang != "ar" else ([w, w[1:]] if w.startswith("و") and len(w) > 2 else [w])
    for c in cands:
        if _DIGITS.match(c):
            value = _number(c)
            return ("num", value) if value is not None else None
        for key in ("units", "tens", "hundreds"):
            if c in q[key]:
                return "num", float(q[key][c])
        if c in q["scales"]:
            return "scale", float(q["scales"][c])
    return None


def _phrase_before(tokens: list[Token], i: int, phrases: list[str]) -> int:
    """Length in tokens of a phrase in ``phrases`` ending right before token ``i`` (0 if none)."""
    for ph in sorted(phrases, key=len, reverse=True):
        parts = ph.split()
        n = len(parts)
        if i - n >= 0 and [t.text for t in tokens[i - n:i]] == parts:
            return n
        if i - n >= 0 and n >= 1 and tokens[i - n].text[:1] == "و" and [tokens[i - n].text[1:]] + [t.text for t in tokens[i - n + 1:i]] == parts:
            return n
    return 0


def parse_quantities(tokens: list[Token], lang: str, source) -> list[tuple[int, int, Quantity]]:
    """Quantities in a token list; returns ``(first_token, last_token_exclusive, Quantity)``."""
    q = quantities(lang)
    vague = q["vague"]
    out: list[tuple[int, int, Quantity]] = []
    skip_after = _SKIP_AFTER_AR if lang == "ar" else _SKIP_AFTER_EN
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i].text.lower()
        # vague amounts (two-token first)
        two = f"{tok} {tokens[i + 1].text.lower()}" if i + 1 < n else ""
        vkey = two if two in vague else (tok if tok in vague and (lang != "ar" or tok not in ("عده",) or i + 1 < n) else None)
        if lang == "ar" and vkey is None and tok.startswith("و") and tok[1:] in vague:
            vkey = tok[1:]
        if vkey and not (lang == "en" and vkey in ("a", "some", "many", "few") ):
            width = len(vkey.split())
            lo, hi = vague[vkey]
            j = i + width
            out.append((i, j, Quantity(kind="other", value=None, min=lo, max=hi, approximate=True, text="")))
            i = j
            continue
        wv = _word_value(tok, lang)
        if wv is None or (lang == "en" and tok in ("a", "an") ):
            i += 1
            continue
        # accumulate a number expression
        total, current, j = 0.0, 0.0, i
        seen = False
        while j < n:
            wv = _word_value(tokens[j].text, lang)
            if wv is None:
                if lang == "en" and tokens[j].text.lower() == "and" and seen and j + 1 < n and _word_value(tokens[j + 1].text, lang):
                    j += 1
                    continue
                break
            kind, val = wv
            if kind == "scale":
                current = (current or 1.0) * val
                total += current
                current = 0.0
            else:
                if current and val >= current and val >= 100 and current < 10:
                    current *= val  # "three hundred"
                else:
                    current += val
            seen = True
            j += 1
        value = total + current
        if lang == "en" and j == i + 1 and tokens[i].text.lower() == "one" and (j >= n or kind_of(tokens[j].text, lang) is None):
            i = j
            continue
        if j < n and tokens[j].text.lower() in skip_after:
            i = j + 1
            continue
        if 1900 <= value <= 2100 and j == i + 1 and _DIGITS.match(tokens[i].text) and "," not in tokens[i].text:
            i = j
            continue
        lo = hi = None
        approx = False
        # ranges: X-Y, X to/الى/و/او Y, بين X و Y
        k = j
        if k + 1 < n and tokens[k].text in ("-", "–", "الي", "الى", "او", "to", "or") and _word_value(tokens[k + 1].text, lang):
            hv = _word_value(tokens[k + 1].text, lang)[1]
            if hv > value:
                lo, hi, j = value, hv, k + 2
        start = i
        mt = _phrase_before(tokens, start, q["more_than"])
        lt = _phrase_before(tokens, start, q["less_than"]) if not mt else 0
        ap = _phrase_before(tokens, start, q["approx"]) if not (mt or lt) else 0
        after_mt = j < n and " ".join(t.text for t in tokens[j:j + 2]) in ("على الاقل", "علي الاقل", "at least")
        if mt or after_mt:
            lo, approx = value, True
            start -= mt
        elif lt:
            hi, approx = value, True
            start -= lt
        elif ap:
            approx = True
            start -= ap
        if lo is not None and hi is not None:
            value_out = None if lo != hi else lo
        else:
            value_out = value
        out.append((start, j, Quantity(kind="other", value=value_out if lo is None or hi is None else None, min=lo, max=hi, approximate=approx, text="")))
        i = j
    # type by nearest keyword and fill text
    typed = []
    for a, b, qty in out:
        best = _kind_near(tokens, a, b, lang)
        if best is None:
            continue
        text = source(tokens[a].start, tokens[b - 1].end)
        typed.append((a, b, qty.model_copy(update={"kind": best, "text": text})))
    return typed


#: Tokens a number's keyword is not looked for across: the number belongs to its own clause
#: ('جرح 58 داعشيا، ودمرت 9 مستودعات': nine depots, not nine wounded).
_CLAUSE_BREAKS = frozenset({"،", ",", ";", "؛"})
#: Words between a number and the noun it counts ('5 من المسلحين', 'five of the fighters').
_PARTITIVE = frozenset({"من", "of", "the"})


def _kind_near(tokens: list[Token], a: int, b: int, lang: str) -> str | None:
    """The kind of the number at tokens ``a..b``: the nearest casualty keyword within five tokens
    in its clause ('قتل 5', '5 killed'), else fighters when the noun it counts is a fighter word
    ('30 عنصرا', '5 من المسلحين', '300 Kurdish fighters'). The armed vehicles of '22 عجلة
    مسلحة' are no fighters."""
    n = len(tokens)
    best, best_score = None, 99.0
    for step in (1, -1):
        idx = b if step == 1 else a - 1
        for d in range(1, 6):
            if not 0 <= idx < n or tokens[idx].text in _CLAUSE_BREAKS:
                break
            k = kind_of(tokens[idx].text, lang)
            if k and k != "fighters":
                score = d + _PRIORITY.get(k, 1) + (0.3 if step == -1 else 0)
                if score < best_score:
                    best, best_score = k, score
            idx += step
    if best is not None:
        return best
    idx = b
    while idx < n and idx < b + 2 and tokens[idx].text.lower() in _PARTITIVE:
        idx += 1
    # an English noun comes after its adjectives ('300 Kurdish fighters'), an Arabic one first
    for k in range(idx, min(n, idx + (3 if lang == "en" else 1))):
        if tokens[k].text in _CLAUSE_BREAKS or _word_value(tokens[k].text, lang):
            break
        if kind_of(tokens[k].text, lang) == "fighters":
            return "fighters"
    return None
