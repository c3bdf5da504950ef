"""Quantity parsing: digits (Western or Eastern, folded), Arabic/English number words, vague
amounts (عشرات، مئات، dozens), ranges and approximation markers, typed by nearby keywords."""

from __future__ import annotations

import math

import re
from functools import lru_cache

from marsad.schemas import Quantity

from .resources import cues, month_words, quantities
from .text import Token

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_PRIORITY = {"killed": 0, "injured": 0, "evacuated": 0, "displaced": 0, "arrested": 0, "missing": 0.5}
_SKIP_AFTER_AR = {"كلم", "كم", "كيلومتر", "كيلومترا", "متر", "مترا", "عاما", "سنه", "سنوات", "عام", "بالمئه", "بالمائه", "%", "دولار", "دولارا", "دولارات", "يورو", "ريال", "ريالا", "ريالات", "جنيه", "جنيها", "درهم", "درهما", "دينار", "دينارا", "ليره", "ساعه", "ساعات", "دقيقه", "دقائق", "يوما", "ايام", "اشهر", "شهرا", "طن", "طنا", "ميل", "ميلا", "مليار", "درجه"}  # and the months (_skip_after)
_SKIP_AFTER_EN = {"km", "kilometres", "kilometers", "miles", "mile", "years", "year", "percent", "%", "dollars", "euros", "pounds", "riyals", "dinars", "yuan", "hours", "hour", "minutes", "days", "day", "weeks", "months", "tons", "tonnes", "degrees", "am", "pm", "o'clock", "per"}


@lru_cache(maxsize=2)
def _skip_after(lang: str) -> frozenset[str]:
    """Words after which a number is no count of people: units, and for Arabic the first words of
    the month names (resources.month_words) ('في 24 تموز/يوليو' is a day)."""
    if lang != "ar":
        return frozenset(_SKIP_AFTER_EN)
    return frozenset(_SKIP_AFTER_AR) | month_words(lang)


@lru_cache(maxsize=2)
def _numbered_units(lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in quantities(lang).get("numbered_units", ()))


def _named_by_number(tokens: list[Token], i: int, lang: str) -> bool:
    """The digits at ``i`` follow a noun they name (quantities.json ``numbered_units``)."""
    if not tokens[i].text.isdigit():
        return False
    for unit in _numbered_units(lang):
        n = len(unit)
        if i >= n and tuple(t.text for t in tokens[i - n:i]) == unit:
            return True
    return False


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
            stem = w[: -len(suf)]
            if w.endswith(suf) and stem in idx and not stem.endswith("وا"):
                return idx[stem]  # a plural verb takes no ending after its alif: 'لقوات' is no 'لقوا' + ت
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


def _is_scale(word: str, lang: str) -> bool:
    """'مليون', 'ألف', 'million': a number word that multiplies the number before it."""
    value = _word_value(word, lang)
    return value is not None and value[0] == "scale"


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
    skip_after = _skip_after(lang)
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
            if _counts_things(tokens, j, lang):
                i = j
                continue
            out.append((i, j, Quantity(kind="other", value=None, min=lo, max=hi, approximate=True, text="")))
            i = j
            continue
        wv = _word_value(tok, lang) or _pair_value(tokens, i, lang)
        if wv is None or (lang == "en" and tok in ("a", "an") ):
            i += 1
            continue
        # accumulate a number expression
        total, current, j = 0.0, 0.0, i
        seen = False
        while j < n:
            if seen and tokens[j].text[:1] == "و" and tokens[j].text[1:].isdigit():
                break  # 'في عامي 2009 و2010', '12 و15 شخصا': two figures, not one compound number
            wv = _pair_value(tokens, j, lang)
            if wv is not None:
                j += 1  # a two-word unit
            else:
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
        if _counts_things(tokens, j, lang):
            i = j
            continue
        if i > 0 and _named_by_number(tokens, i, lang):
            i = j  # 'الفرقة 30', 'القرار 2216': a name, no count
            continue
        digits = tokens[i].text[1:] if tokens[i].text[:1] == "و" else tokens[i].text
        if 1900 <= value <= 2100 and j == i + 1 and _DIGITS.match(digits) and "," not in digits:
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
        elif k < n and i > 0 and tokens[i - 1].text in ("بين", "مابين") and tokens[k].text[:1] == "و" and tokens[k].text[1:].isdigit():
            hv = float(tokens[k].text[1:])  # 'بين 20 و30': between twenty and thirty
            if hv > value:
                lo, hi, j = value, hv, k + 1
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
    counted = {k for a, b, _ in out for k in range(a, b)}
    people = _people_counts(tokens, lang, counted, source)
    return sorted(typed + people, key=lambda x: x[0]) if people else typed


def _pair_value(tokens: list[Token], j: int, lang: str) -> tuple[str, float] | None:
    """A unit written in two words at ``j`` ('أحد عشر' = eleven, 'واثنا عشر'), whose first word
    is no number alone."""
    if j + 1 >= len(tokens):
        return None
    first = tokens[j].text.removeprefix("و") if lang == "ar" else tokens[j].text
    value = quantities(lang)["units"].get(f"{first} {tokens[j + 1].text}")
    return ("num", float(value)) if value is not None else None


def _counts_things(tokens: list[Token], j: int, lang: str) -> bool:
    """The number before token ``j`` counts shells, strikes, vehicles, buildings or units sold
    ('سقوط عدة قذائف', 'three Russian airstrikes killed', '27 مليون وحدة'), not people: it is no
    casualty figure, whatever casualty word is near. An English noun may follow an adjective."""
    things = _counted_things(lang)
    while j < len(tokens) and _is_scale(tokens[j].text, lang):
        j += 1  # '27 مليون وحدة', '2 million homes': the noun after the scale
    for k in range(j, min(len(tokens), j + (2 if lang == "en" else 1))):
        word = tokens[k].text.lower()
        if word in things:
            return True
        if kind_of(word, lang) or _word_value(word, lang):
            return False
    return False


@lru_cache(maxsize=2)
def _counted_things(lang: str) -> frozenset[str]:
    return frozenset(quantities(lang).get("counted_things", ()))


#: Tokens a number's keyword is not looked for across: the number belongs to its own clause
#: ('جرح 58 داعشيا، ودمرت 9 مستودعات': nine depots, not nine wounded).
_CLAUSE_BREAKS = frozenset({"،", ",", ";", "؛"})
@lru_cache(maxsize=2)
def _clause_words(lang: str) -> frozenset[str]:
    """Words that open another clause (quantities.json ``clause_breaks``: فيما، بينما)."""
    return frozenset(quantities(lang).get("clause_breaks", ()))


#: Words between a number and the noun it counts ('5 من المسلحين', 'five of the fighters').
_PARTITIVE = frozenset({"من", "of", "the"})


def _kind_near(tokens: list[Token], a: int, b: int, lang: str) -> str | None:
    """The kind of the number at tokens ``a..b``: the nearest casualty keyword within five tokens
    in its clause ('قتل 5', '5 killed'), else fighters when the noun it counts is a fighter word
    ('30 عنصرا', '5 من المسلحين', '300 Kurdish fighters'). The armed vehicles of '22 عجلة
    مسلحة' are no fighters."""
    n = len(tokens)
    breaks = _CLAUSE_BREAKS | _clause_words(lang)
    best, best_score = None, 99.0
    for step in (1, -1):
        idx = b if step == 1 else a - 1
        for d in range(1, 6):
            if not 0 <= idx < n or tokens[idx].text in breaks:
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


#: Quantity kinds a word next to a people noun makes it a count of ('مقتل جندي', 'a soldier was
#: wounded'); fighters, the displaced and the evacuated are counted by numbers only.
_CASUALTY_KINDS = frozenset({"killed", "injured", "arrested", "missing"})
#: English words between a counted person and the casualty word ('a soldier was also killed').
_EN_AUXILIARIES = frozenset({"was", "were", "has", "had", "been", "is", "also", "reportedly"})


def _casualty_kind(word: str, lang: str) -> str | None:
    kind = kind_of(word, lang)
    return kind if kind in _CASUALTY_KINDS else None


def _people_counts(tokens: list[Token], lang: str, counted: set[int], source) -> list[tuple[int, int, Quantity]]:
    """People counted by the noun itself, as a number would count them: a singular ('مقتل جندي',
    'وأصيب آخر', 'لقي طفل مصرعه', 'مقتل أحد الجنود', 'سقط قتيل', 'a soldier was killed',
    'killing one policeman') is one, an Arabic dual ('إصابة طفلين', 'قتيلان') two. The noun
    must stand next to a casualty word (or be one) and carry no number of its own; one with a
    relative after it is two ('مدرس وزوجته', quantities.json ``companions``); a plural
    without a number ('مقتل جنود') stays uncounted."""
    q = quantities(lang)
    one, two = counting_nouns(lang)
    n = len(tokens)
    out = []
    for k, tok in enumerate(tokens):
        word = tok.text.lower()
        if lang == "ar":
            of_group = word in q["one_of"] and k + 1 < n and tokens[k + 1].text.startswith("ال")  # 'أحد الجنود'
            head = k + 1 if of_group else k
            value = 2.0 if word in two or _nisba_dual(word) or dual_construct(tokens, k) else 1.0 if word in one or of_group else None
        else:
            if word not in q["articles"]:
                continue
            head = next((j for j in range(k + 1, min(n, k + 4)) if tokens[j].text.lower() in one), k)
            value = 1.0 if head > k and all(tokens[j].text.isalpha() for j in range(k + 1, head)) else None
        if value is None or _counts(tokens, k - 1, counted, lang) or _counts(tokens, head + 1, counted, lang, after=True):
            continue  # '20 قتيلا', 'جندي واحد': the number counts them
        kind = _kind_around(tokens, k, head, lang)
        if kind and lang == "ar" and value == 1.0 and head + 1 < n and tokens[head + 1].text[:1] == "و" and tokens[head + 1].text[1:] in q["companions"]:
            value, head = 2.0, head + 1  # 'لقي مدرس وزوجته مصرعهما'
        if kind:
            out.append((k, head + 1, Quantity(kind=kind, value=value, text=source(tokens[k].start, tokens[head].end))))
    return out


@lru_cache(maxsize=2)
def counting_nouns(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The nouns that count one person and (Arabic) two."""
    q = quantities(lang)
    return frozenset(q["one_person"]), frozenset(q.get("two_people", ()))


def dual_construct(tokens: list[Token], k: int) -> bool:
    """'وقتل ضابطا شرطة', 'أصيب عنصرا الأمن': a people noun in -ا before its genitive is two people
    in the nominative (the construct drops the dual's ن), not one in the accusative ('قتلت
    شرطيا أمس')."""
    word = tokens[k].text
    if not (word.endswith("ا") and word in counting_nouns("ar")[0] and k + 1 < len(tokens)):
        return False
    q = quantities("ar")
    genitive = tokens[k + 1].text
    return genitive in q["dual_construct_genitives"] or (
        genitive.startswith("ال") and not genitive.endswith(("ا", "ي")) and genitive not in q["dual_construct_times"])


def _nisba_dual(word: str) -> bool:
    """A nominative dual of a nisba noun ('حوثيان', 'فلسطينيان', 'صحفيان'): unambiguous, unlike
    its oblique '-يين', which is also the plural; it counts only next to a casualty word."""
    return len(word) >= 6 and word.endswith("يان") and not _definite(word)


def _counts(tokens: list[Token], j: int, counted: set[int], lang: str, after: bool = False) -> bool:
    """Token ``j`` is a number of the noun beside it ('ومائة جريح'); one after the noun with a
    conjunction starts the next group ('قتيلان وثلاثة جرحى'), except the unit words that begin
    with و ('جندي واحد')."""
    if not 0 <= j < len(tokens) or not (j in counted or _word_value(tokens[j].text, lang)):
        return False
    word = tokens[j].text
    return not (after and lang == "ar" and word.startswith("و") and word not in quantities(lang)["units"])


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Arabic nouns naming people: the singulars and duals that count them and the rest."""
    one, two = counting_nouns("ar")
    return one | two | frozenset(quantities("ar")["uncounted_people"])


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل")) or word[1:].startswith(("ال", "لل")) and word[0] in "وبفل"


def _kind_around(tokens: list[Token], k: int, head: int, lang: str) -> str | None:
    """The casualty kind of the people noun at ``k..head``: its own ('قتيل'), the word right before
    ('مقتل جندي', 'killing a soldier'), the death 'لقي … مصرعه' frames, or (English) the
    participle after an auxiliary ('a soldier was killed')."""
    n = len(tokens)
    if lang == "ar":
        word, previous = tokens[head].text, tokens[k - 1].text if k else ""
        # a definite casualty noun names people counted elsewhere ('أحد القتيلين ضابط', 'من ضمن
        # المعتقلين ضابطان'); 'سقطوا بين قتيل وجريح' splits a group counted elsewhere
        own = None if _definite(word) or previous in quantities(lang)["split_between"] else (
            _casualty_kind(word, lang) or _casualty_kind(word[:-2], lang))  # 'قتيلان'
        # the word before governs the noun, unless it names people itself ('معتقل فلسطيني': one detainee)
        before = None if _definite(previous) or previous in people_nouns() else _casualty_kind(previous, lang)
        if own or before:
            return own or before
        met = previous.removeprefix("و") in cues(lang)["met_death_verbs"]
        return "killed" if met and any(_casualty_kind(tokens[j].text, lang) == "killed" for j in range(head + 1, min(n, head + 3))) else None
    before = _casualty_kind(tokens[k - 1].text, lang) if k else None
    if before:
        return before
    j = head + 1
    while j < n and tokens[j].text.lower() in _EN_AUXILIARIES:
        j += 1
    return _casualty_kind(tokens[j].text, lang) if j < n and j > head + 1 else None
