"""Arabic token-level normalisation, tokenisation with offsets and clitic stripping.

Folding is per token (not per document) because the tagger's features are per token and the
same folding must apply to training corpora (NewsFANE is already alef-normalised, Wojood and
ANERcorp are not) and to live text. ``str.translate`` with one table keeps it to ~1 us a token.
"""

from __future__ import annotations

import re

from marsad.streams.pipeline.entities.arabic import LETTER_VARIANTS

# Diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks), tatweel and
# invisible direction / joiner marks are deleted; hamza/alef variants, ta marbuta, alef maqsura
# and Eastern Arabic / Persian digits are unified.
_DELETE = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u061c"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
_TABLE = {ord(c): None for c in _DELETE}
_TABLE.update({ord(k): v for k, v in LETTER_VARIANTS.items()})
_TABLE.update({0x0660 + i: str(i) for i in range(10)})  # Arabic-Indic digits
_TABLE.update({0x06F0 + i: str(i) for i in range(10)})  # Extended (Persian) digits

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")

#: A token is a run of word characters (letters, digits, combining marks, tatweel) or one
#: other non-space character. Arabic punctuation (، ؛ ؟) is not ``\w`` so it splits.
_TOKEN = re.compile(r"[\w\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u200c\u200d]+|[^\w\s\u200e\u200f\ufeff]")

#: Proclitics, longest first: conjunction (و ف) + preposition (ب ل ك) + article (ال).
#: "لل" is ل + ال with the alef elided.
_PROCLITICS = (
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
    "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
)
_ARTICLE_CLITICS = frozenset(p for p in _PROCLITICS if p.endswith("ال") or p.endswith("لل"))


def fold(token: str) -> str:
    """Matching form of one token: no diacritics/tatweel/marks, unified letters and digits."""
    return token.translate(_TABLE).lower()


def is_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` with ``text[start:end] == token``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def strip_clitics(folded: str, min_stem: int = 3) -> tuple[str, str]:
    """Split a folded word into ``(proclitic, stem)``; the article is kept on the stem.

    Why keep ``ال``: entity gazetteers list names with their article (العراق, القاهرة), so the
    stem of ``والعراق`` / ``بالعراق`` / ``للعراق`` must be ``العراق``. Only the first matching
    proclitic is removed and only if at least ``min_stem`` letters remain; whether the split is
    right (``وليد`` is not و+ليد) is left to the model, which sees both forms as features.
    """
    for p in _PROCLITICS:
        if folded.startswith(p) and len(folded) - len(p) >= min_stem:
            if p == "ال":
                return "", folded
            if p in _ARTICLE_CLITICS:
                # وال -> و + ال...; لل -> ل + ال...
                head = p[:-2] if p.endswith("ال") else p[:-1]
                rest = folded[len(head):] if p.endswith("ال") else "ال" + folded[len(p):]
                return head, rest
            return p, folded[len(p):]
    return "", folded


def strip_article(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem


def shape(token: str) -> str:
    """Coarse word shape: Arabic / Latin capitalised / lower / upper / digit / punctuation."""
    c = token[0]
    if c.isdigit():
        return "D" if token.isdigit() else "Dx"
    if not c.isalpha():
        return "P"
    if _ARABIC_LETTER.match(c):
        return "A"
    if token.isupper():
        return "XX"
    if c.isupper():
        return "Xx"
    return "x"
