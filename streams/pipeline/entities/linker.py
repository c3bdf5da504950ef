"""Context-aware linking of KB and gazetteer matches.

1. Every boundary-valid alias occurrence of the KB and the gazetteer is a candidate.
2. Pass one keeps the unconditional candidates (longest match wins, then leftmost) and
   derives the article context: countries (places mentioned and the home countries of the
   actors mentioned) and the first position of every KB entity.
3. Pass two adds the conditional (context) aliases whose ``requires`` holds: ``التنظيم``
   links to the Islamic State only after an IS mention; ``قوات النظام`` to Syrian government
   forces only in a Syrian context; ``التحالف`` to the US-led coalition when the coalition
   or IS is in play (and to the Saudi-led one in a Yemeni context). Longest match wins again.
4. A place inside a longer actor name is kept as its own mention when it is a complement of
   that name (``المليشيات التابعة لإيران``, ``التحالف بقيادة أميركا``), not when it is part of
   the proper name (``قوات سورية الديمقراطية``).
5. Places are resolved with the article context (:meth:`Gazetteer.resolve`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from marsad.streams.pipeline.entities.arabic import ARTICLE_PREFIXES, word_start
from marsad.streams.pipeline.entities.geocode import GeoEntry, Gazetteer, GeoPayload, read_idioms, renaming_words
from marsad.streams.pipeline.entities.kb import KBPayload, KnowledgeBase
from marsad.streams.pipeline.entities.matcher import RawMatch

#: A place right after one of these words inside an actor name is a complement, not a part.
_LINKING_WORDS = frozenset({"من", "بقياده", "ضد", "في", "لدي", "عن", "الي", "مع", "تقوده",
                            "لدى", "by", "from", "in", "of", "de", "du", "par"})
#: Words right before an ambiguous place name that make it a place (مدينة الباب).
PLACE_CUES = frozenset({"مدينه", "بلده", "قريه", "منطقه", "محافظه", "ريف", "قضاء", "حي", "مخيم",
                         "ناحيه", "مركز", "ميناء", "مطار", "مدينتي", "بلدتي", "محافظتي"})
#: A person's name right after one of these is the father's in a longer name: 'محمد بن سلمان بن
#: عبد العزيز' is not King Salman, 'Mohammed bin Salman' not Salman.
_PATRONYMIC_WORDS = frozenset({"بن", "ابن", "بنت", "bin", "ibn", "bint"})
#: Geonames cities need a country context, a population or a multi-word name to count.
MIN_POP_NO_CONTEXT = 100_000


@dataclass(slots=True)
class Linked:
    start: int  # folded offsets
    end: int
    kind: str  # "kb" or "geo"
    ref: str  # KB id or gazetteer key(s) (first) -- see keys
    keys: tuple[str, ...] = ()
    conditional: bool = False
    confidence: float = 0.9
    geo: GeoEntry | None = None
    precision: str | None = None


def _span_start(folded: str, m: RawMatch, article: bool) -> int:
    """Include a stripped article (ال) in the surface, but never a preposition/conjunction."""
    if not article:
        return m.start
    ws = word_start(folded, m.start)
    prefix = folded[ws:m.start]
    if prefix in ARTICLE_PREFIXES and prefix.endswith("ال"):
        return m.start - 2
    return m.start


def _select(cands: list[Linked]) -> list[Linked]:
    """Longest match wins, then leftmost; non-overlapping."""
    chosen: list[Linked] = []
    occ = bytearray(max((c.end for c in cands), default=0) + 1)
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.kind != "kb")):
        if occ.find(1, c.start, c.end) >= 0:
            continue
        chosen.append(c)
        occ[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _patronymic(folded: str, start: int) -> bool:
    """The word before ``start`` makes the name there a father's (see ``_PATRONYMIC_WORDS``)."""
    words = folded[max(0, start - 8):start].split()
    return folded[start - 1:start] == " " and bool(words) and words[-1].lower() in _PATRONYMIC_WORDS


def _currency_prefix(folded: str, end: int) -> bool:
    """``US$``, ``AU$``, ``HK$``: a country code glued to a dollar sign names a currency."""
    return folded[end:end + 1] == "$"


def _renamed(text: str, start: int) -> bool:
    """The capitalised word right before ``start`` (original offset; one space or hyphen
    between) makes another place of this one: ``Nueva York``, ``Nieuw-Zeeland``."""
    before = text[max(0, start - 24):start]
    if not before or before[-1] not in " -":
        return False
    words = before[:-1].split()
    return bool(words) and words[-1] in renaming_words()


def _settlement_noun_names(folded: str, geo_cands: list[Linked]) -> None:
    """'مدينة زنجبار' is GeoNames' Arabic name of Zanzibar City, and 'زنجبار' also Yemen's
    Zinjibar: a match that opens with a settlement noun also competes with the places of the
    name after it, so the article's country decides (the longer match alone would win)."""
    by_span = {(g.start, g.end): g for g in geo_cands}
    for g in geo_cands:
        space = folded.find(" ", g.start, g.end)
        first = folded[g.start:space]
        if space > 0 and (first in PLACE_CUES or (first[:1] in "وبلف" and first[1:] in PLACE_CUES)):
            inner = by_span.get((space + 1, g.end))
            if inner is not None:
                g.keys = tuple(dict.fromkeys(g.keys + inner.keys))


def _most_named(entries: list[GeoEntry], named: Counter) -> GeoEntry | None:
    """'المملكة' (the Kingdom) is the kingdom whose places the article names most ('في المملكة'
    of a report on Mecca and Jeddah is Saudi Arabia, though Bahrain hosts the body it joins);
    none where no kingdom's place is named, or two are named as often."""
    votes = sorted(((named[e.country], e) for e in entries if named[e.country]), key=lambda v: -v[0])
    if not votes or (len(votes) > 1 and votes[0][0] == votes[1][0]):
        return None
    return votes[0][1]


@lru_cache(maxsize=1)
def _idioms() -> frozenset[tuple[str, str]]:
    return read_idioms()


def _in_idiom(folded: str, c: Linked) -> bool:
    """The name and the word after it make an expression, no place (``ambiguous_ar.txt`` [idiom]:
    'مسقط رأسه' is his hometown, not Muscat)."""
    following = folded[c.end:c.end + 20].split()
    return bool(following) and (folded[c.start:c.end], following[0]) in _idioms()


def _country_cue(folded: str, c: Linked, gaz: Gazetteer) -> bool:
    """The match is a name like 'المملكة' that takes its country from the article, also after
    ل, whose article the match leaves out ('للمملكة' matches 'مملكة')."""
    name = folded[c.start:c.end]
    return name in gaz.country_cue_names or (folded[max(0, c.start - 2):c.start] == "لل" and "ال" + name in gaz.country_cue_names)


def link(folded: str, text: str, origin: list[int], kb: KnowledgeBase, gaz: Gazetteer,
         extra_countries: frozenset[str] = frozenset()) -> list[Linked]:
    kb_uncond: list[Linked] = []
    kb_cond: list[tuple[Linked, list[KBPayload]]] = []
    for m in kb.index.find(folded, text, origin):
        if _currency_prefix(folded, m.end):
            continue
        if _patronymic(folded, m.start) and any(kb.is_person(it.payload.entity_id) for it in m.items):
            continue
        plain = [it for it in m.items if it.payload.requires is None]
        cond = [it for it in m.items if it.payload.requires is not None]
        if plain:
            it = plain[0]
            kb_uncond.append(Linked(_span_start(folded, m, it.article), m.end, "kb",
                                    it.payload.entity_id))
        elif cond:
            start = _span_start(folded, m, cond[0].article)
            kb_cond.append((Linked(start, m.end, "kb", "", conditional=True, confidence=0.75),
                            [it.payload for it in cond]))

    geo_cands: list[Linked] = []
    for m in gaz.index.find(folded, text, origin):
        if _currency_prefix(folded, m.end):
            continue
        keys = tuple(dict.fromkeys(it.payload.key for it in m.items
                                   if isinstance(it.payload, GeoPayload)))
        if not keys:
            continue
        start = _span_start(folded, m, m.items[0].article)
        if _renamed(text, origin[start]):
            continue
        geo_cands.append(Linked(start, m.end, "geo", keys[0], keys=keys, confidence=0.85))
    _settlement_noun_names(folded, geo_cands)

    # ---- pass one: context from unconditional matches
    first = _select(kb_uncond + geo_cands)
    countries: set[str] = set(extra_countries)
    seen_at: dict[str, int] = {}
    for c in first:
        if c.kind == "kb":
            seen_at.setdefault(c.ref, c.start)
            entry = kb.get(c.ref)
            if entry is not None:
                countries.update(entry.countries[:1])
        elif not _country_cue(folded, c, gaz):  # 'المملكة' takes its country from the article
            # a name the project places in one country only ('الجوف' is a Saudi region and a
            # Yemeni governorate: it tells no country; 'اليمن' beside it does)
            entries = [gaz.entries[key] for key in c.keys]
            named = {e.country for e in entries if e.source in ("country", "border", "supplement") and e.country}
            # nor does a supplement name GeoNames also knows in another country ('القنيطرة':
            # Quneitra, Syria, and Kenitra, Morocco): the article's other places decide
            vouched = any(e.source in ("country", "border") for e in entries)
            elsewhere = {e.country for e in entries if e.source == "geonames"} - named
            if len(named) == 1 and (vouched or not elsewhere):
                countries.update(named)

    # ---- pass two: conditional aliases whose requirement holds
    cond_ok: list[Linked] = []
    for cand, payloads in kb_cond:
        best: tuple[int, str] | None = None
        for p in payloads:
            req = p.requires or {}
            score = -1
            for ent in req.get("entity", ()):
                pos = seen_at.get(ent)
                if pos is not None and pos < cand.start:
                    score = max(score, 2)
            if score < 0 and any(c in countries for c in req.get("country", ())):
                score = 1
            if score >= 0 and (best is None or score > best[0]):
                best = (score, p.entity_id)
        if best is not None:
            cand.ref = best[1]
            cond_ok.append(cand)
    chosen = _select(kb_uncond + cond_ok + geo_cands)

    # ---- nested complements: a place inside an actor name after a linking word / clitic
    chosen_ids = {id(c) for c in chosen}
    kb_chosen = [c for c in chosen if c.kind == "kb"]
    for g in geo_cands:
        if id(g) in chosen_ids:
            continue
        host = next((c for c in kb_chosen if c.start <= g.start and g.end <= c.end), None)
        if host is None or host.kind != "kb":
            continue
        if g.start > host.start and folded[g.start - 1] != " ":
            ws = word_start(folded, g.start)
            ok = ws >= 0 and folded[ws:g.start] in ("ل", "ب", "لل", "بال")
        else:
            k = g.start - 1
            while k > host.start and folded[k - 1] != " ":
                k -= 1
            prev = folded[k:g.start - 1]
            ok = prev in _LINKING_WORDS
        if ok and not any(g.start < c.end and c.start < g.end
                          for c in chosen if c is not host and c.kind == "geo"):
            chosen.append(g)
    chosen.sort(key=lambda c: (c.start, -(c.end - c.start)))

    # ---- geocode
    admin1s: set[tuple[str, str]] = set()
    for c in chosen:
        if c.kind == "geo" and len(c.keys) == 1:
            e = gaz.entries[c.keys[0]]
            if e.country and e.admin1:
                admin1s.add((e.country, e.admin1))
    out: list[Linked] = []
    kingdoms: list[Linked] = []
    for c in chosen:
        if c.kind != "geo":
            out.append(c)
            continue
        if _country_cue(folded, c, gaz) and all(gaz.entries[k].source == "country" for k in c.keys):
            kingdoms.append(c)  # 'المملكة': decided by the places the article names (below)
            continue
        hit = gaz.resolve(list(c.keys), countries, admin1s)
        if hit is None or _in_idiom(folded, c):
            continue
        e, precision = hit
        if e.source == "geonames" and gaz.cue_names:
            name = folded[c.start:c.end]
            forms = (name, "ال" + name, name[2:] if name.startswith("ال") else None)
            in_context = e.country in countries and any(f in gaz.country_cue_names for f in forms)
            if not in_context and any(f in gaz.cue_names for f in forms):
                k = c.start - 1
                while k > 0 and folded[k - 1] != " ":
                    k -= 1
                prev = folded[max(0, k):max(0, c.start - 1)]
                if prev[:1] in "وفب" and prev[1:] in PLACE_CUES:
                    prev = prev[1:]
                if prev not in PLACE_CUES:
                    continue
        if e.source == "geonames" and e.country not in countries:
            multiword = " " in folded[c.start:c.end]
            if e.population < MIN_POP_NO_CONTEXT and not multiword:
                continue
        c.geo, c.precision = e, precision
        if precision == "name_only":
            c.confidence = 0.6
        out.append(c)
    named = Counter(c.geo.country for c in out if c.kind == "geo" and c.geo is not None)
    for c in kingdoms:
        kingdom = _most_named([gaz.entries[k] for k in c.keys], named)
        if kingdom is not None:
            c.geo, c.precision = kingdom, "country"
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out
