"""Arabic (and Latin) folding for matching, with an offset map back to the original text.

Folding is for *matching only*: the published ``surface`` of an entity is always a slice of
``Doc.text``; ``normalized`` is this folded form. Folding removes tatweel, diacritics and
invisible marks, unifies alef/hamza variants, folds ta marbuta to ha and alef maqsura to ya,
maps Eastern/Persian digits to Western ones and lower-cases Latin. It is compatible with the
normaliser stage's ``Doc.folded`` (same table) but computed here so the stage never depends on
what an earlier stage did.

Clitics (و ف ب ل ك and the article ال / لل) are not removed from the folded text; the matcher
accepts a match when the letters between the word start and the match start are an allowed
clitic prefix (:func:`prefix_ok`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

#: Deleted in the folded view: tatweel, harakat and Quranic marks, superscript alef,
#: invisible formatting characters (ZW*, bidi controls, BOM, soft hyphen).
_DELETE = frozenset({0x0640, 0x0670, 0x00AD, 0xFEFF, *range(0x064B, 0x0660),
                     *range(0x06D6, 0x06EE), *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                     *range(0x2066, 0x206A)})
#: Letter variants folded to one letter, here and in the NER features (``ner/text.py``): alef
#: and hamza forms, ta marbuta, alef maqsura, Persian kaf and ya, and the letters for sounds
#: Arabic lacks, in foreign and Maghrebi names (ڤيينا = فيينا), folded to the letter most
#: outlets write instead.
LETTER_VARIANTS: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج",
}
_REPLACE: dict[int, str] = {
    **{ord(k): v for k, v in LETTER_VARIANTS.items()},
    ord("ۀ"): "ه", ord("ھ"): "ه",
    **{0x0660 + d: str(d) for d in range(10)},  # Arabic-Indic digits
    **{0x06F0 + d: str(d) for d in range(10)},  # Persian digits
    ord("،"): ",", ord("؛"): ";", ord("؟"): "?",
    ord("\u00a0"): " ", ord("\u2009"): " ", ord("\u202f"): " ",
    ord("“"): '"', ord("”"): '"', ord("«"): '"', ord("»"): '"', ord("„"): '"',
    ord("’"): "'", ord("‘"): "'", ord("ʼ"): "'",
}
FOLD_TABLE: dict[int, str | None] = {**_REPLACE, **{cp: None for cp in _DELETE}}
LIGHT_TABLE: dict[int, str | None] = {
    **{k: v for k, v in _REPLACE.items() if chr(k) not in "ىةؤئ"},
    **{cp: None for cp in _DELETE}}
_DELETE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DELETE)) + "]+")


def _translator(table: dict[int, str | None]) -> Callable[[str], str]:
    """``text.translate(table)`` as one regex pass over the characters the table changes.

    Why: ``str.translate`` with a dict looks every character of an Arabic text up in the
    table, while only about 8% of news characters change; the regex skips the others in C.
    """
    replacement = {chr(k): v or "" for k, v in table.items()}
    changed = re.compile("[" + "".join(re.escape(c) for c in sorted(replacement)) + "]+")
    get = replacement.__getitem__

    def run(match: re.Match[str]) -> str:
        chars = match.group()
        return get(chars) if len(chars) == 1 else "".join(map(get, chars))

    return lambda text: changed.sub(run, text)


_fold_chars = _translator(FOLD_TABLE)
_light_chars = _translator(LIGHT_TABLE)
#: Per character outside NFKC text: its folded pieces (see :func:`fold`).
_CHAR_PIECES: dict[str, str] = {}

ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("پچژگکی")

#: Proclitic prefixes allowed before a word that does not start with the article.
PLAIN_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
#: Prefixes that carry the article (the alias ``ال+X`` is stored as ``X``).
ARTICLE_PREFIXES = frozenset({"ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال",
                              "فبال"})


def fold_str(text: str) -> str:
    """Folded form of a short string (an alias), without an offset map."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.translate(FOLD_TABLE).lower().split())


def fold(text: str) -> tuple[str, list[int]]:
    """``(folded, origin)`` where ``origin[i]`` is the offset in ``text`` of folded char ``i``.

    ``origin`` has one extra trailing entry, ``len(text)``, so an end offset maps too.
    """
    if unicodedata.is_normalized("NFKC", text):
        folded = _fold_chars(text).lower()
        n = len(text)
        if len(folded) == n:
            return folded, list(range(n + 1))
        # deletions only (the common case with diacritics/tatweel): splice ranges
        origin: list[int] = []
        prev = 0
        for m in _DELETE_RE.finditer(text):
            origin.extend(range(prev, m.start()))
            prev = m.end()
        origin.extend(range(prev, n))
        if len(origin) == len(folded):
            origin.append(n)
            return folded, origin
    # per character (NFKC may expand one into several): remembered per distinct character
    out: list[str] = []
    origin = []
    cache = _CHAR_PIECES
    for i, ch in enumerate(text):
        pieces = cache.get(ch)
        if pieces is None:
            pieces = unicodedata.normalize("NFKC", ch).translate(FOLD_TABLE).lower()
            if len(cache) < 100_000:
                cache[ch] = pieces
        out.append(pieces)
        if len(pieces) == 1:
            origin.append(i)
        elif pieces:
            origin.extend([i] * len(pieces))
    origin.append(len(text))
    return "".join(out), origin


def published_form(surface: str) -> str:
    """``Entity.normalized``: diacritics/tatweel removed, alef unified, digits Western, lower
    case - but ى, ة and the hamza seats kept, so no published form turns على into علي."""
    return " ".join(surface.translate(LIGHT_TABLE).lower().split())


def light_fold(text: str) -> str:
    """Same length and origin map as :func:`fold` (NFKC text), but keeps ى/ي and ة/ه apart
    and keeps case: used where folding would merge different words (على vs علي)."""
    return _light_chars(text)


def to_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a folded span ``[start, end)`` back to original offsets."""
    if start >= end:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


def word_start(folded: str, pos: int, limit: int = 5) -> int:
    """Start of the word that contains ``pos`` looking back at most ``limit`` letters."""
    i = pos
    while i > 0 and pos - i < limit and folded[i - 1].isalnum():
        i -= 1
    if i > 0 and folded[i - 1].isalnum():
        return -1  # longer than any clitic chain: the match starts mid-word
    return i


def prefix_ok(folded: str, start: int, article: bool) -> bool:
    """Is the match starting at ``start`` on a word boundary modulo clitics?

    ``article``: the stored alias had its leading ``ال`` removed, so the prefix must contain
    the article (``ال``, ``لل``, ``وال``...). Otherwise only plain proclitics are allowed.
    """
    ws = word_start(folded, start)
    if ws < 0:
        return False
    prefix = folded[ws:start]
    if article:
        # لـ + اللواء is written للواء: the article's lam merges with a lam-initial word.
        return prefix in ARTICLE_PREFIXES or (
            folded[start:start + 1] == "ل" and prefix in ("ل", "ول", "فل"))
    return prefix in PLAIN_PREFIXES


def strip_clitics(word: str) -> list[str]:
    """Lookup keys for a folded word: the word itself and versions without proclitics.

    ``وبالمدينه`` -> [``وبالمدينه``, ``المدينه``, ``مدينه``]; used for single-token lookups.
    """
    keys = [word]
    for n in (4, 3, 2, 1):
        if len(word) - n < 2:
            continue
        pre = word[:n]
        if pre in ARTICLE_PREFIXES:
            keys.append("ال" + word[n:])
            keys.append(word[n:])
        elif pre in PLAIN_PREFIXES:
            keys.append(word[n:])
    seen: set[str] = set()
    return [k for k in keys if not (k in seen or seen.add(k))]


def strip_article(alias: str) -> tuple[str, bool]:
    """``("الجيش السوري")`` -> ``("جيش السوري", True)``: the key without its leading article."""
    if alias.startswith("ال") and len(alias) > 3 and alias[2] in ARABIC_LETTERS:
        return alias[2:], True
    return alias, False


_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


def has_arabic(text: str) -> bool:
    return _ARABIC_CHAR.search(text) is not None
