"""Folding, tokenisation and sentence splitting used by the event stage."""

from __future__ import annotations

import re
from dataclasses import dataclass

DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})
_MAP.update({"٫": ".", "٬": ",", "،": "،"})
#: Numbers with separators, Latin initialisms ('U.S.', 'U.N.': one token, so that 'U.S. forces'
#: is one phrase), words with inner hyphens or apostrophes, single punctuation marks. A number
#: glued to an Arabic word is two tokens ('قتل 14جنديا': 14 soldiers).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\d+(?=[\u0621-\u064a])|(?:[A-Za-z]\.){2,}|\w+(?:[-']\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    origin: list[int]  # origin[i] = offset in the original of folded char i (+ final length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


_TABLE = {ord(c): None for c in DIACRITICS}
_TABLE.update({ord(k): v for k, v in _MAP.items()})
_TABLE.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})


def fold(text: str) -> Folded:
    """Arabic matching form: no diacritics/tatweel, unified alef, ى->ي, ة->ه, Western digits,
    lower-cased Latin. Every kept char maps back to its original offset."""
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        origin = list(range(len(text) + 1))
    else:
        origin = [i for i, ch in enumerate(text) if ch not in DIACRITICS]
        origin.append(len(text))
    return Folded(folded, origin)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded token
    start: int  # folded offsets
    end: int


def tokenize(folded: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(folded) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded, start, end)]


_BOUNDARY = re.compile(r"[.!?؟…]+[\"'”»)\]]*(?=\s)|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``; uses the pipeline's splitter when importable."""
    try:
        from marsad.streams.pipeline.sentences import split_sentences as pipeline_split

        return [(s.start, s.end) for s in pipeline_split(text)]
    except Exception:  # pragma: no cover - fallback when the sentence stage is absent
        spans, begin = [], 0
        for m in _BOUNDARY.finditer(text):
            spans.append((begin, m.end()))
            begin = m.end()
        spans.append((begin, len(text)))
        out = []
        for a, b in spans:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
        return out
