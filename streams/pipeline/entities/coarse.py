"""Coarse NER view of the stage's entities: PER / ORG / LOC *name* spans.

Entity types map to the coarse labels of newswire NER corpora (person -> PER; organisation,
armed_group, government -> ORG; location, facility -> LOC; dates and quantities have none).

Why a separate view: a KB mention is published with the whole alias that was matched, because
that is what links it (``طائرات التحالف الدولي``, ``لوكالة فرانس برس``, ``الملك عبد الله
الثاني``), while ANERcorp-style annotation tags only the name inside it (``التحالف الدولي``,
``فرانس برس``, ``عبد الله الثاني``) and tags nothing for a generic phrase that only refers to
an actor in context (``التنظيم``, ``قوات النظام``, ``عناصر تابعين للنظام``). So for a KB
mention the name span is the shortest *unconditional* alias of the same KB entity that ends
the mention, and a mention matched only through context aliases has no name span. Everything
else (gazetteer places, persons, NER mentions) is its own name span.

The same holds for the English and French articles the KB lists in aliases (``the White
House``, ``la Maison-Blanche``): CoNLL-style annotation tags ``White House``, so an article
in front of a shorter alias is dropped like a descriptor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.streams.pipeline.entities.arabic import fold
from marsad.streams.pipeline.entities.kb import KnowledgeBase
from marsad.streams.pipeline.entities.linker import _span_start
from marsad.streams.pipeline.entities.persons import TITLES

#: Words that describe rather than name (a title, a kind of force or outlet): only these may be
#: dropped in front of a KB alias (``الملك عبد الله الثاني``, ``طائرات التحالف الدولي``).
DESCRIPTORS = frozenset(fold(w)[0] for w in """
طائرات طيران مقاتلات قوات عناصر مقاتلو مقاتلي مسلحو مسلحي ميليشيات مليشيات وحدات
وكالة وكالات قناة صحيفة جريدة مجلة موقع شبكة إذاعة تلفزيون
""".split()) | frozenset(fold(w)[0] for w in TITLES)

#: English and French articles (folded): dropped in front of a KB alias (``the White House``).
ARTICLES = frozenset({"the", "le", "la", "les"})

COARSE = {"person": "PER", "organisation": "ORG", "armed_group": "ORG", "government": "ORG",
          "location": "LOC", "facility": "LOC"}


def coarse_label(entity_type: str) -> str | None:
    return COARSE.get(entity_type)


def name_span(entity: Any, kb: KnowledgeBase | None = None) -> tuple[int, int] | None:
    """``(start, end)`` of the name inside ``entity`` (document offsets), ``None`` if none."""
    cid = entity.canonical_id or ""
    if kb is None or not cid.startswith("kb:"):
        return entity.start, entity.end
    surface = entity.surface
    folded, origin = fold(surface)
    n = len(folded.rstrip())
    best: tuple[int, int] | None = None
    whole_conditional = False
    for m in kb.index.find(folded, surface, origin):
        if m.end < n:
            continue
        mine = [it for it in m.items if it.payload.entity_id == cid]
        if not mine:
            continue
        plain = [it for it in mine if it.payload.requires is None]
        start = _span_start(folded, m, (plain or mine)[0].article)
        if not plain:
            if start <= 1 or folded[:start].strip() == "":
                whole_conditional = True
            continue
        if folded[:start].strip() and not _descriptive(folded[:start]):
            continue
        if best is None or start > best[0]:
            best = (start, m.end)
    if best is None:
        if whole_conditional:
            return None
        return entity.start, entity.end
    s, e = best
    return entity.start + origin[s], entity.start + origin[e - 1] + 1


def _descriptive(prefix: str) -> bool:
    """Whether the words before an alias are descriptors (clitics and article allowed)."""
    words = prefix.split()
    if not words or not prefix.endswith(" "):
        # the alias starts inside a word: only a clitic may precede it (لوكالة -> وكالة)
        return len(words) == 1 and words[0] in ("و", "ف", "ب", "ل", "ك", "ال", "لل", "وال",
                                                   "بال", "فال", "وب", "ول")
    for w in words:
        if w in ARTICLES:
            continue
        w2 = w[1:] if w[:1] in "وفبلك" and len(w) > 3 else w
        if not any(x in DESCRIPTORS for x in (w, w2, "ال" + w, w2[2:] if w2.startswith("ال") else w2)):
            return False
    return True


def coarse_spans(entities: Iterable[Any], text: str,
                 kb: KnowledgeBase | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` name spans of the PER/ORG/LOC entities."""
    out = []
    for e in entities:
        label = COARSE.get(e.type)
        if label is None:
            continue
        span = name_span(e, kb)
        if span is not None and span[1] > span[0]:
            out.append((span[0], span[1], label))
    return out
