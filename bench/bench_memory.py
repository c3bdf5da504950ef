"""Memory over a long stream: RSS of the whole pipeline (stateless stages and the dedup step with
its window) every ``--every`` articles, offline, as ``marsad process`` runs it.

    python bench/bench_memory.py [--articles PATH] [--count 31030] [--every 1000] [--passes 1]

The stateless stages keep bounded caches (token features, stems) and the dedup step keeps the
stories, copies and events of the last 72 hours of publication time; neither may grow with the
number of articles once warm. SaudiNewsNet covers 31,030 articles over about seven weeks, so the
window turns over many times in one pass. With ``--passes N`` the corpus is replayed with new
article ids and publication times shifted past the window (the texts repeat, so caches are
kinder than on new text: use it only to reach a larger count).

Prints a JSON line per checkpoint and a final one with ``growth_pct`` from a fifth of the run
to its end (the issue's 20k -> 100k ratio) and the peak.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path

import orjson

from marsad.schemas import DeadLetter
from marsad.streams.native import limit_native_threads
from marsad.streams.pipeline.dedup import Deduplicator, memory_stores
from marsad.streams.pipeline.runner import Pipeline
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    return int(re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) / 1024


def replayed(raw: bytes, cycle: int) -> bytes:
    if cycle == 0:
        return raw
    article = orjson.loads(raw)
    article["id"] = f"{article['id']}#{cycle}"
    published = datetime.fromisoformat(article["published_at"]) + timedelta(days=120 * cycle)
    article["published_at"] = published.isoformat()
    return orjson.dumps(article)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=ROOT.parent / "shared/data/stream/saudinewsnet/dataset")
    ap.add_argument("--count", type=int, default=31_030)
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--passes", type=int, default=1)
    args = ap.parse_args()
    settings = Settings()
    limit_native_threads(settings.native_threads)
    pipeline = Pipeline.from_settings(settings)
    pipeline.warm_up()
    dedup = Deduplicator(settings, memory_stores())
    samples: list[tuple[int, float]] = [(0, rss_mb())]
    done, started = 0, time.perf_counter()
    for cycle in range(args.passes):
        for _key, raw in iter_messages([args.articles], args.count):
            result = pipeline.run(replayed(raw, cycle))
            if not isinstance(result, DeadLetter):
                dedup.process(result)
            done += 1
            if done % args.every == 0:
                samples.append((done, rss_mb()))
                stored = {name: len(store) for name, store in dedup.stores.items()}
                print(json.dumps({"articles": done, "rss_mb": round(samples[-1][1], 1), "stored_keys": stored,
                                  "articles_per_s": round(done / (time.perf_counter() - started), 1)}), flush=True)
    at_fifth = next(rss for n, rss in samples if n >= done // 5)
    end = samples[-1][1]
    print(json.dumps({"articles": done, "rss_mb": {"at_fifth": round(at_fifth, 1), "end": round(end, 1),
                                                   "peak": round(max(r for _, r in samples), 1),
                                                   "growth_pct": round(100 * (end - at_fifth) / at_fifth, 2)}}))


if __name__ == "__main__":
    main()
