"""Aho-Corasick alias index over folded text with clitic-aware boundaries.

Arabic aliases are stored folded; an alias that starts with the article (``ال``) is stored
without it and then requires an article-bearing prefix in the text (``ال``, ``لل``, ``وال``,
``بال``...), while other aliases accept the plain proclitics (``و ف ب ل ك``). So ``بقوات``,
``وقسد``, ``لـ"قسد"`` and ``للتحالف`` all match, but ``تحالف`` alone does not match ``التحالف``.

Latin aliases match case-insensitively on word boundaries, except acronyms (two or more
capitals, e.g. ``SDF``, ``IS``, ``MoD``), which must match the original case exactly, and
capitalised names, whose first letter must be upper-case in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ahocorasick

from marsad.streams.pipeline.entities.arabic import fold_str, has_arabic, prefix_ok, strip_article


@dataclass(frozen=True, slots=True)
class AliasItem:
    payload: Any
    article: bool  # stored without a leading article that the text must supply
    case: int  # 0: insensitive, 1: first letter upper, 2: exact case
    alias: str  # the alias as written in the resource (for the exact-case check)


@dataclass(frozen=True, slots=True)
class RawMatch:
    start: int  # folded offsets
    end: int
    items: tuple[AliasItem, ...]


def _case_mode(alias: str) -> int:
    if has_arabic(alias):
        return 0
    uppers = sum(1 for ch in alias if ch.isupper())
    if uppers >= 2 and len(alias.replace(".", "")) <= 6:
        return 2
    if alias[:1].isupper():
        return 1
    return 0


class AliasIndex:
    """Many aliases -> payloads; ``find`` returns every boundary-valid occurrence."""

    def __init__(self) -> None:
        self._keys: dict[str, list[AliasItem]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, alias: str, payload: Any) -> None:
        folded = fold_str(alias)
        if len(folded) < 2:
            return
        article = False
        if has_arabic(folded):
            folded, article = strip_article(folded)
        item = AliasItem(payload, article, _case_mode(alias.strip()), alias.strip())
        bucket = self._keys.setdefault(folded, [])
        if not any(i.payload == payload and i.article == article and i.case == item.case
                   for i in bucket):
            bucket.append(item)

    def build(self) -> AliasIndex:
        automaton = ahocorasick.Automaton()
        for key, items in self._keys.items():
            automaton.add_word(key, (len(key), tuple(items)))
        if len(self._keys):
            automaton.make_automaton()
        self._automaton = automaton
        return self

    def lookup(self, folded_key: str) -> tuple[AliasItem, ...]:
        return tuple(self._keys.get(folded_key, ()))

    def find(self, folded: str, text: str, origin: list[int]) -> list[RawMatch]:
        automaton = self._automaton
        if automaton is None or not len(self._keys):
            return []
        n = len(folded)
        out: list[RawMatch] = []
        for end_idx, (length, items) in automaton.iter(folded):
            end = end_idx + 1
            if end < n and folded[end].isalnum():
                continue
            start = end - length
            first = folded[start]
            keep: list[AliasItem] = []
            if "\u0600" <= first <= "\u06ff":
                for it in items:
                    if prefix_ok(folded, start, it.article):
                        keep.append(it)
            else:
                if start > 0 and folded[start - 1].isalnum():
                    continue
                for it in items:
                    if it.case == 0:
                        keep.append(it)
                        continue
                    o_start = origin[start]
                    if it.case == 1:
                        if text[o_start].isupper():
                            keep.append(it)
                    elif text[o_start:origin[end - 1] + 1] == it.alias:
                        keep.append(it)
            if keep:
                out.append(RawMatch(start, end, tuple(keep)))
        return out
