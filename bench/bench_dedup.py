"""Benchmark of the stateful story + event stages: CPU ms per article at ~100k articles in the window.

Synthetic documents (random unit embeddings around story centroids, located entities over a
skewed set of countries, one event mention on a third of them) go through the real code path:
``blocking_key`` routing (global by default, one key, as the service's default
``dedup_blocking``; ``--blocking country`` for country routing) to one ``StoryClusterer`` +
``EventMerger`` per key (as the dedup step does), ``assign`` -> ``merge`` -> ``attach_events``, with ``evict`` every ``--evict-every``
articles. Articles arrive at a rate that puts ``--in-window`` of them in the 72 h window; the
timing covers the last ``--measure`` articles (steady state, window full). With ``--serialize``
every store write is orjson-encoded (what a Faust changelog would pay). The USE embedding is
timed separately (it belongs to the stateless enrichment step), one article per call as the
``EmbedStage`` runs, on 256 synthetic Arabic/English articles. Prints one JSON line.

    python bench/bench_dedup.py [--in-window 100000] [--measure 10000] [--serialize] [--blocking country]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import orjson

from marsad.schemas import Entity, EventMention, Quantity, RawArticle, Span
from marsad.schemas.entity import Place
from marsad.schemas.event import ActorRef, TimeRef
from marsad.streams.pipeline.doc import Doc
from marsad.streams.pipeline.normalize import fold
from marsad.streams.pipeline.stories import EventMerger, StoryClusterer, blocking_key

T0 = datetime(2024, 1, 1, tzinfo=UTC)
COUNTRIES = ["sy", "iq", "ye", "ps", "lb", "eg", "sa", "ly", "sd", "ir", "tr", "jo", "ae", "qa", "kw", "om",
             "bh", "ma", "dz", "tn", "us", "ru", "ua", "fr", "gb", "de", "cn", "af", "pk", "so"]


class SerializingStore(dict):
    """A dict that pays the JSON encoding a changelog-backed table would pay on each write."""

    bytes_written = 0

    def __setitem__(self, key: str, value: Any) -> None:
        SerializingStore.bytes_written += len(orjson.dumps(value))
        super().__setitem__(key, value)


def rss_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_docs(n: int, in_window: int, window_h: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    step = window_h * 3600 / in_window
    weights = 1 / np.arange(1, len(COUNTRIES) + 1) ** 0.8
    weights /= weights.sum()
    story_of_country: dict[str, list[tuple[int, np.ndarray, float]]] = {c: [] for c in COUNTRIES}
    next_story = 0
    for i in range(n):
        pub = T0 + timedelta(seconds=i * step)
        c = COUNTRIES[int(rng.choice(len(COUNTRIES), p=weights))]
        live = [s for s in story_of_country[c] if s[2] > i - in_window // 4]
        story_of_country[c] = live[-200:]
        if live and rng.random() < 0.65:
            sid, base, _ = live[int(rng.integers(len(live)))]
        else:
            sid, base = next_story, rng.standard_normal(512).astype(np.float32)
            base /= np.linalg.norm(base)
            next_story += 1
            story_of_country[c].append((sid, base, i))
        noise = rng.standard_normal(512).astype(np.float32)
        vec = base + 0.6 * noise / np.linalg.norm(noise)
        vec /= np.linalg.norm(vec)
        title = f"Story {sid} update {i}"
        body = f"Report {i} about story {sid} in {c}, {int(rng.integers(1, 90))} casualties."
        text = f"{title}\n\n{body}"
        where = Place(lat=30.0 + (sid % 50) * 0.1, lon=35.0 + (sid % 30) * 0.1, country=c, feature_kind="city",
                      precision="exact", geonames_id=100000 + sid % 5000)
        ents = (Entity(type="location", start=0, end=5, surface="Place", normalized="place",
                       canonical_id=f"geo:{100000 + sid % 5000}", confidence=0.9, place=where),
                Entity(type="person", start=6, end=11, surface="Actor", normalized="actor",
                       canonical_id=f"per:{sid % 997}", confidence=0.9))
        events = ()
        if rng.random() < 0.33:
            d = pub.date()
            events = (EventMention(type="ASSAULT", status="occurred", confidence=0.7, place=where,
                                   evidence=Span(start=0, end=5, text="Story"),
                                   source_actors=[ActorRef(text="Actor", start=6, end=11, canonical_id=f"per:{sid % 997}")],
                                   time=TimeRef(start=d, end=d, precision="day"),
                                   quantities=[Quantity(kind="killed", value=float(rng.integers(1, 40)), text="x")]),)
        raw = RawArticle(id=f"b{i:07d}", outlet=f"outlet{i % 40}", url=None, title=title, body=body,
                         published_at=pub, language="ar")
        yield Doc(article=raw, text=text, body_start=len(title) + 2, folded=fold(text), language="ar",
                  entities=ents, events=events, scratch={"embedding": vec})


def embedding_cost(n: int = 256) -> dict[str, float]:
    """CPU ms per article of the USE embedding: one article per call (as ``EmbedStage`` runs in the
    stateless step) and batched."""
    from marsad.streams.pipeline.stories.embed import LEAD_CHARS, embed_texts, get_encoder, lead_text

    get_encoder()
    rng = np.random.default_rng(1)
    words = ["الحكومة", "القوات", "مدينة", "الهجوم", "المدنيين", "وزارة", "الصحة", "government", "forces",
             "attack", "civilians", "ministry", "city", "council", "killed", "talks", "border", "aid"]
    texts = [[lead_text("عنوان الخبر " + str(i), " ".join(rng.choice(words, 120)) + ".")] for i in range(n)]
    t = time.process_time()
    for group in texts:
        embed_texts([group])
    single = (time.process_time() - t) * 1000 / n
    t = time.process_time()
    embed_texts(texts)
    batched = (time.process_time() - t) * 1000 / n
    return {"per_article_call": round(single, 2), "batched": round(batched, 2), "lead_chars": LEAD_CHARS}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--in-window", type=int, default=100_000)
    ap.add_argument("--measure", type=int, default=10_000)
    ap.add_argument("--window-hours", type=float, default=72.0)
    ap.add_argument("--evict-every", type=int, default=1000)
    ap.add_argument("--serialize", action="store_true")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--blocking", choices=("global", "country"), default="global")
    args = ap.parse_args()
    from marsad.streams.native import limit_native_threads
    from marsad.streams.settings import Settings

    limit_native_threads(Settings().native_threads)  # as the dedup worker runs
    window = timedelta(hours=args.window_hours)
    total = args.in_window + args.measure
    store_cls: type[MutableMapping] = SerializingStore if args.serialize else dict
    stories_store, events_store = store_cls(), store_cls()
    from marsad.streams.pipeline.dedup import PrefixedStore  # the lead's per-key view

    buckets: dict[str, tuple[StoryClusterer, EventMerger]] = {}
    cpu = 0.0
    warm_cpu = 0.0
    rss_start = rss_mb()
    n_stories_new = 0
    for i, doc in enumerate(make_docs(total, args.in_window, args.window_hours)):
        t = time.process_time()
        key = blocking_key(doc, args.blocking)
        b = buckets.get(key)
        if b is None:
            b = buckets[key] = (StoryClusterer(PrefixedStore(stories_store, key + "|"), window=window),
                                EventMerger(PrefixedStore(events_store, key + "|"), window=window))
        up = b[0].assign(doc)
        n_stories_new += up.is_new
        evs = b[1].merge(doc, up.story_id)
        if evs:
            b[0].attach_events(up.story_id, [e.event_id for e in evs])
        if i % args.evict_every == 0:
            for c, m in buckets.values():
                c.evict(doc.article.published_at)
                m.evict(doc.article.published_at)
        dt = time.process_time() - t
        if i >= args.in_window:
            cpu += dt
        else:
            warm_cpu += dt
    open_stories = sum(len(c) for c, _ in buckets.values())
    out = {
        "bench": "dedup_stories_events",
        "articles_in_window": args.in_window, "measured_articles": args.measure,
        "cpu_ms_per_article": round(cpu * 1000 / args.measure, 3),
        "cpu_ms_per_article_fill": round(warm_cpu * 1000 / args.in_window, 3),
        "open_stories": open_stories, "open_events": sum(len(m) for _, m in buckets.values()),
        "store_keys": {"stories": len(stories_store), "events": len(events_store)},
        "blocking_keys": len(buckets),
        "rss_mb": round(rss_mb(), 1), "rss_mb_growth": round(rss_mb() - rss_start, 1),
        "serialize": args.serialize, "blocking": args.blocking,
        "changelog_mb_written": round(SerializingStore.bytes_written / 2**20, 1) if args.serialize else None,
    }
    if not args.no_embed:
        out["use_embedding_cpu_ms"] = embedding_cost()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
