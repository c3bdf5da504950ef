"""``EntityStage``: KB + gazetteer linking, persons, dates and quantities (``entities.v1``).

Composition (all resources are loaded once per process and shared by every instance):

1. fold ``Doc.text`` (own folding with an offset map; ``surface`` is always ``Doc.text``
   sliced, ``normalized`` the folded form);
2. :func:`linker.link`: KB actors and gazetteer places, context-aware, longest match wins;
3. the NER tagger (``marsad.streams.pipeline.entities.ner``, optional): PER spans become
   persons, ORG/LOC spans the KB and gazetteer missed are kept as unlinked mentions (LOC
   spans are geocoded when the gazetteer knows the name); a place name that is a whole quotation
   (لـ«الشرق الأوسط», صحيفة «الرياض») is an unlinked organisation, the outlet (:func:`quoted_title`);
4. persons from given names and titles (:mod:`persons`), romanised ``name:`` ids;
5. dates (:mod:`temporal`) resolved against ``article.published_at``, and quantities.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import lru_cache
from typing import Any

from marsad.schemas import Entity, Place
from marsad.streams.pipeline.doc import Doc
from marsad.streams.pipeline.entities import persons as P
from marsad.streams.pipeline.entities.arabic import fold, light_fold, published_form, strip_clitics, to_original
from marsad.streams.pipeline.entities.geocode import Gazetteer, read_ambiguous
from marsad.streams.pipeline.entities.kb import KnowledgeBase
from marsad.streams.pipeline.entities.linker import MIN_POP_NO_CONTEXT, PLACE_CUES, Linked, link
from marsad.streams.pipeline.entities.quantities import find_quantities
from marsad.streams.pipeline.entities.temporal import find_bare_years, find_dates

log = logging.getLogger(__name__)

_NER_LABEL_TYPE = {"PER": "person", "ORG": "organisation", "LOC": "location"}
_COARSE = {"person": "PER", "organisation": "ORG", "armed_group": "ORG", "government": "ORG",
           "location": "LOC", "facility": "LOC"}


@lru_cache(maxsize=8)
def _tagger(language: str) -> Any:
    try:
        from marsad.streams.pipeline.entities.ner import load_tagger
    except Exception:  # the NER package is optional: KB/gazetteer-only without it
        return None
    try:
        return load_tagger(language)
    except Exception:  # pragma: no cover - a broken model must not stop the stage
        log.warning("NER tagger for %s failed to load", language, exc_info=True)
        return None


class EntityStage:
    name = "entities.v1"

    def __init__(self, kb: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None,
                 use_ner: bool = True) -> None:
        self.kb = kb or KnowledgeBase.load()
        self.gaz = gazetteer or Gazetteer.load()
        self.use_ner = use_ner

    @classmethod
    def load(cls) -> EntityStage:
        return _default_stage()

    def __call__(self, doc: Doc) -> Doc:
        entities = self.extract(doc.text, doc.language, doc.article.published_at.date())
        return doc.evolve(entities=tuple(entities), stages=doc.stages + (self.name,))

    # ------------------------------------------------------------------ core
    def extract(self, text: str, language: str = "ar",
                published: date | None = None) -> list[Entity]:
        folded, origin = fold(text)
        kb, gaz = self.kb, self.gaz
        out: list[Entity] = []
        occ = bytearray(len(text) + 1)  # original offsets already claimed by an entity

        def overlaps(s: int, e: int) -> bool:
            return occ.find(1, s, e) >= 0

        def claim(s: int, e: int) -> None:
            occ[s:e] = b"\x01" * (e - s)

        # 0. NER tagger spans (optional; Arabic CRF or spaCy)
        lang = (language or "").split("-")[0].lower()
        tagger = _tagger(lang) if self.use_ner and lang in ("ar", "en", "fr") else None
        ner_all: list[Any] = []
        if tagger is not None:
            try:
                ner_all = [sp for sp in tagger.tag(text) if sp.end > sp.start]
            except Exception:  # pragma: no cover - defensive
                log.warning("NER tagger failed", exc_info=True)
        # a number word is no name ('بينهم ستون مسيحيا': sixty, tagged a place): the quantity takes it
        quantities = find_quantities(folded, [])
        counts = [to_original(origin, m.start, m.end) for m in quantities]
        ner_all = [sp for sp in ner_all if not any(a <= sp.start and sp.end <= b for a, b in counts)]

        # 1. KB + gazetteer
        links = []
        for c in link(folded, text, origin, kb, gaz):
            s, e = to_original(origin, c.start, c.end)
            links.append((c, s, e))
        # A bare place strictly inside a NER person or organisation name is part of that name
        # (ميلان كونديرا, باري مارشال; بلدية نابلس, ريال مدريد): the person replaces the place,
        # the organisation is published around it (the place stays as a nested mention).
        drop: set[int] = set()
        outer_orgs: list[Any] = []
        for sp in ner_all:
            if sp.label == "LOC":
                drop.update(_renamed_places(text, sp, links))
                continue
            if sp.label not in ("PER", "ORG") or sp.score < 0.5:
                continue
            inside = [k for k, (c, s, e) in enumerate(links)
                      if sp.start <= s and e <= sp.end and e - s < sp.end - sp.start]
            if not inside:
                continue
            if any(s < sp.end and sp.start < e and not (sp.start <= s and e <= sp.end)
                   for _, s, e in links):
                continue
            if len(inside) == 1 and links[inside[0]][0].kind == "kb":
                # the KB matched part of a longer name of the same kind (اردوغان in رجب طيب
                # اردوغان, طالبان in حركة طالبان): publish the whole name, still linked
                c, s, e = links[inside[0]]
                entry = self.kb.get(c.ref)
                if entry is not None and _COARSE.get(entry.type) == sp.label and (
                        sp.label != "PER" or P.ner_span_ok(text, sp.start, sp.end)):
                    links[inside[0]] = (c, sp.start, sp.end)
                continue
            if any(links[k][0].kind != "geo" for k in inside):
                continue
            if sp.label == "PER":
                if P.ner_span_ok(text, sp.start, sp.end):
                    drop.update(inside)
            else:
                outer_orgs.append(sp)
        for k, (c, s, e) in enumerate(links):
            if k in drop:
                continue
            if c.kind == "geo" and quoted_title(text, s, e):
                out.append(self._ner_org(text, s, e, 0.7))
                claim(s, e)
                continue
            ent = self._entity_from_link(c, text, s, e, published_form(text[s:e]))
            if ent is not None:
                out.append(ent)
                claim(s, e)
        for sp in outer_orgs:
            out.append(self._ner_org(text, sp.start, sp.end, float(sp.score)))
            claim(sp.start, sp.end)

        # 2. NER spans the KB and gazetteer left free: persons merge with the rule-based ones
        #    below; ORG/LOC spans are added after the persons
        ner_spans = [sp for sp in ner_all if not overlaps(sp.start, sp.end)]
        ner_persons = [(start, sp.end, float(sp.score)) for sp in ner_spans
                       if sp.label == "PER" and P.ner_span_ok(text, sp.start, sp.end)
                       and (start := P.trim_titles(text, sp.start, sp.end)) < sp.end]

        # 3. persons: given names + titles, merged with the NER PER spans. With a tagger, the
        #    tagger's boundaries win where both found a person (the rules extend over any
        #    name-like word: "عمر حسن البشير الي") and an untitled rule-only span is dropped
        #    (a given name alone is weak evidence: علي، باسم، جميل are also common words).
        light, lorigin = light_fold(text), origin
        if len(light) != len(folded):  # NFKC changed lengths: tokenise the original instead
            light, lorigin = text, list(range(len(text) + 1))
        rules = []
        for p in P.find_persons_in(light, occ, lorigin):
            s, e = to_original(lorigin, p.start, p.end)
            rules.append((s, e, p.confidence, p.titled))
        found: list[tuple[int, int, float]] = []
        if tagger is None:
            found = [(s, e, c) for s, e, c, _ in rules]
        else:
            used: set[int] = set()
            for s, e, conf, titled in rules:
                hits = [k for k, (ns, ne, _) in enumerate(ner_persons) if ns < e and s < ne]
                if hits:
                    used.update(hits)
                    for k in hits:
                        ns, ne, _ = ner_persons[k]
                        found.append((ns, ne, min(0.95, conf + 0.1)))
                elif titled:
                    found.append((s, e, conf))
            found += [(s, e, min(0.8, sc)) for k, (s, e, sc) in enumerate(ner_persons)
                      if k not in used]
        for s, e, conf in sorted(found):
            if overlaps(s, e):
                continue
            surface = text[s:e]
            roman = P.romanize(surface)
            out.append(Entity(type="person", start=s, end=e, surface=surface,
                              normalized=published_form(surface),
                              canonical_id=f"name:{P.slug(roman)}", name_en=roman,
                              name_ar=surface if _is_arabic(surface) else None,
                              confidence=round(conf, 3)))
            claim(s, e)

        for sp in ner_spans:
            s, e = sp.start, sp.end
            if sp.label == "PER" or overlaps(s, e):
                continue
            if sp.label == "LOC" and quoted_title(text, s, e):
                out.append(self._ner_org(text, s, e, float(sp.score)))
                claim(s, e)
            elif sp.label == "LOC":
                ent = self._ner_location(text, s, e, float(sp.score), _countries_named(out))
                if ent is not None:
                    out.append(ent)
                    claim(s, e)
            elif sp.label == "ORG" and sp.score >= 0.4:
                out.append(self._ner_org(text, s, e, float(sp.score)))
                claim(s, e)

        # 4. dates and quantities
        dates = []
        if published is not None:
            dates = find_dates(folded, published)
            dates += find_bare_years(folded, [(d.start, d.end) for d in dates])
        for kind, matches in (("date", dates), ("quantity", quantities)):
            for m in matches:
                s, e = to_original(origin, m.start, m.end)
                if overlaps(s, e):
                    continue
                out.append(Entity(type=kind, start=s, end=e, surface=text[s:e],
                                  normalized=published_form(text[s:e]), value=m.value,
                                  confidence=m.confidence))
                claim(s, e)

        out.sort(key=lambda x: (x.start, x.end))
        return out

    # ------------------------------------------------------------------ helpers
    def _entity_from_link(self, c: Linked, text: str, s: int, e: int,
                          normalized: str) -> Entity | None:
        if c.kind == "kb":
            entry = self.kb.get(c.ref)
            if entry is None:
                return None
            return Entity(type=entry.type, start=s, end=e, surface=text[s:e],
                          normalized=normalized, canonical_id=entry.id, name_en=entry.name_en,
                          name_ar=entry.name_ar, wikidata=entry.wikidata,
                          confidence=c.confidence)
        g = c.geo
        if g is None:
            return None
        place = Place(lat=g.lat, lon=g.lon, country=g.country, admin1=g.admin1,
                      feature_kind=g.feature_kind, precision=c.precision or "name_only",
                      geonames_id=g.geonames_id)
        return Entity(type="location", start=s, end=e, surface=text[s:e],
                      normalized=normalized, canonical_id=g.canonical_id, name_en=g.name_en,
                      name_ar=g.name_ar, confidence=c.confidence, place=place)

    @staticmethod
    def _ner_org(text: str, s: int, e: int, score: float) -> Entity:
        return Entity(type="organisation", start=s, end=e, surface=text[s:e],
                      normalized=published_form(text[s:e]), canonical_id=None,
                      confidence=round(min(score, 0.7), 3))

    def _ner_location(self, text: str, s: int, e: int, score: float, countries: frozenset[str]) -> Entity | None:
        """A place the tagger found and the linker did not, geocoded by its name. The linker's
        rule holds here too: a small town of a country the article names no place of, nor of
        its neighbours, is more likely a local place the gazetteer lacks ('منطقة بركي براك' in
        Afghanistan is not Brak in Libya, 'كسوة الكعبة' in a Saudi report no Syrian town): left
        unlinked. An article that places nothing in any country keeps the link
        (a local report names its towns, not its country: 'القطيف')."""
        from marsad.streams.pipeline.entities.geocode import geocode, national_place, near_countries

        g = geocode(text[s:e])
        surface = text[s:e]
        if (g is not None and g.source == "geonames" and countries and g.country not in near_countries(countries)
                and g.population < MIN_POP_NO_CONTEXT and " " not in surface.strip()):
            g = None
        if g is None:
            if score < 0.4 or _no_place(text, s, surface):
                return None
            # 'بلدة تركية': no name, but the country (no link of its own)
            place = national_place(fold(surface)[0].split(), PLACE_CUES)
            return Entity(type="location", start=s, end=e, surface=surface, place=place,
                          normalized=published_form(surface), confidence=round(min(score, 0.6), 3))
        place = Place(lat=g.lat, lon=g.lon, country=g.country, admin1=g.admin1,
                      feature_kind=g.feature_kind, precision="name_only",
                      geonames_id=g.geonames_id)
        return Entity(type="location", start=s, end=e, surface=surface,
                      normalized=published_form(surface), canonical_id=g.canonical_id,
                      name_en=g.name_en, name_ar=g.name_ar,
                      confidence=round(min(score, 0.7), 3), place=place)


@lru_cache(maxsize=1)
def _common_word_places() -> frozenset[str]:
    return read_ambiguous()[0]


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    from marsad.streams.pipeline.entities.ner.gazetteer import RESOURCES, read_list

    return frozenset(read_list(RESOURCES / "not_places_ar.txt"))


def _no_place(text: str, start: int, surface: str) -> bool:
    """One word the tagger takes for a place that is none: a word of ``ner/not_places_ar.txt``
    ('بسيط', 'بيانه', 'ساحلي' even in 'حي ساحلي'), or, unless a place cue comes first, a glued
    letter and a place name the geocoder never matches because it is a common word
    (``ambiguous_ar.txt`` [drop]): the tagger learned such names as places from its gazetteer
    features, which strip clitics, so it tags 'كمينا' (an ambush: ك + Minna), 'فرقة' (a division:
    ف + Raqqa) and 'بلاتر' (Blatter: ب + لاتر). The name alone the tagger may read as a place from
    its context ('المعارك في الحوطة' is the Yemeni town), and so after و ('والرس') or before the
    article ('بالحوطة')."""
    words = fold(surface)[0].split()
    if len(words) != 1:
        return False
    word, keys = words[0], strip_clitics(words[0])
    if not _not_places().isdisjoint(keys):
        return True
    glued = any(key in _common_word_places() and not key.startswith("ال") and word[:-len(key)] != "و" for key in keys[1:])
    return glued and not _after_place_cue(text, start)


def _after_place_cue(text: str, start: int) -> bool:
    """The word before ``start`` says a place follows ('محافظة الرس': Ar Rass, not a word)."""
    before = fold(text[max(0, start - 30):start])[0].split()
    return bool(before) and any(w in PLACE_CUES for w in strip_clitics(before[-1]))


def _countries_named(entities: list[Entity]) -> frozenset[str]:
    """Countries of the places the linker placed in the article's context."""
    return frozenset(e.place.country for e in entities
                     if e.place is not None and e.place.country and e.place.precision != "name_only")


_OPEN_QUOTES, _CLOSE_QUOTES = "«\"“", "»\"”"


def quoted_title(text: str, start: int, end: int) -> bool:
    """A place name that is all of a quotation names a newspaper, a channel or an operation:
    'لـ«الشرق الأوسط»' is Asharq Al-Awsat, 'صحيفة «الرياض»' a daily, «عاصفة الحزم» an operation.
    Not after a settlement noun: 'مخيم «اليرموك»' is the camp."""
    if not (start > 0 and end < len(text) and text[start - 1] in _OPEN_QUOTES and text[end] in _CLOSE_QUOTES):
        return False
    words = text[max(0, start - 16):start - 1].split()
    return not (words and fold(words[-1])[0].lstrip("وفبل") in PLACE_CUES)


def _renamed_places(text: str, span: Any, links: list) -> list[int]:
    """Bare places that end a Latin-script NER place name after capitalised words of its own
    (New Mexico, New South Wales, Northern Ireland): that name is another place, so the bare
    one (Mexico, Wales, Ireland) must not be published; the NER span is, geocoded by its whole
    name when the gazetteer knows it. Arabic names put descriptors first (مدينة الرقة): there
    the inner place is the place, and nothing is dropped."""
    inside = [k for k, (c, s, e) in enumerate(links)
              if span.start <= s and e == span.end and s > span.start]
    if len(inside) != 1 or links[inside[0]][0].kind != "geo":
        return []
    head = text[span.start:links[inside[0]][1]].split()
    if head and all(w[:1].isupper() and w.isascii() and w.isalpha() for w in head):
        return inside
    return []


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in s)


@lru_cache(maxsize=1)
def _default_stage() -> EntityStage:
    return EntityStage()
