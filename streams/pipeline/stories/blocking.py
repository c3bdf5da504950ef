"""The blocking key that routes a document to the story stage (through a repartition topic).

Story clustering is only correct with many partitions/workers if every article of a story
reaches the same partition, in any language. Two modes (setting ``dedup_blocking``):

- ``"global"`` (the default): one constant key, :data:`GLOBAL_KEY`. Every article meets every
  open story, so no story is ever split by routing. The dedup step is cheap next to the NLP
  stages (well under 5 ms CPU per article with 100k articles in the window, see
  ``bench/bench_dedup.py``), so one partition/worker handles it.
- ``"country"``: the article's primary country (see :func:`country_key`), for volumes one
  worker cannot carry. It spreads load over ~200 keys but splits cross-country stories (a
  story led by different countries in different outlets, or articles without a resolved
  place, end up in different blocks and become separate stories). On NewsWCL50 it spread
  10 stories over 7 keys and on MEANTIME over 29: use it only when volume requires it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.streams.pipeline.doc import Doc

#: Key of documents without any located entity (country mode).
NO_COUNTRY = "xx"

#: The single key of global routing (the default).
GLOBAL_KEY = "all"

MODES = ("global", "country")

#: Weight of a place mention in the title versus the body: the headline names where it happened.
TITLE_WEIGHT = 3.0


def doc_countries(doc: Doc, entities: Sequence | None = None) -> Counter[str]:
    """Weighted counts of ISO country codes of the document's located entities (``entities``
    where given: those outside site chrome) and events."""
    counts: Counter[str] = Counter()
    for ent in doc.entities if entities is None else entities:
        place = ent.place
        if place is None or not place.country:
            continue
        w = TITLE_WEIGHT if ent.start < doc.body_start else 1.0
        if place.feature_kind != "country":
            w *= 1.5  # a city/town pins the story down more than a country name
        counts[place.country.lower()] += w
    for ev in doc.events:
        if ev.place is not None and ev.place.country:
            counts[ev.place.country.lower()] += 2.0
    return counts


def blocking_key(doc: Doc, mode: str = "global") -> str:
    """The routing key of ``doc``: :data:`GLOBAL_KEY` in ``"global"`` mode (the default), its
    primary country in ``"country"`` mode (see :func:`country_key`)."""
    if mode == "global":
        return GLOBAL_KEY
    if mode == "country":
        return country_key(doc)
    raise ValueError(f"unknown dedup blocking mode {mode!r} (expected one of {MODES})")


def country_key(doc: Doc) -> str:
    """Primary country of the article (lower-case ISO 3166-1 alpha-2), ``'xx'`` when none.

    Deterministic: the most weighted country among located entities and event places (title
    mentions weigh more, towns more than country names); ties go to the alphabetically first
    code. Countries are language-independent (the entity stage resolves ``Gaza``/``غزة`` to the
    same GeoNames place), so translations and re-writes of a story get the same key.

    Trade-off (why global is the default). A coarser key (one global key) never splits a story
    but puts all load on one partition; a finer key (city,
    country+entity) spreads load but splits stories whose articles lead with different places.
    The country is the middle ground: about 200 values (enough to spread over tens of
    partitions, but skewed: a regional feed concentrates on a few countries, so one hot key
    can dominate one worker), and articles of one story almost always share their main
    country. Known misses: a story reported from two sides ("US strikes in Syria" led as
    ``us`` by one outlet and ``sy`` by another) and articles with no resolved place
    (``'xx'``, which forms its own block) end up in different blocks and become separate
    stories; the Story records still share entities so a consumer can link them.
    """
    counts = doc_countries(doc)
    if not counts:
        return NO_COUNTRY
    best = max(counts.values())
    return min(c for c, v in counts.items() if v == best)
