"""CPU time of the event stage per 3 KB article (time.process_time, after a warm-up).

python bench/bench_events.py [--repeat N] [--rounds R] [--english CONLL]  ->  one JSON line each.

Each figure is the median over R rounds (and the fastest and slowest round): CPU time on a
shared virtual machine varies by a third from one run to the next.

The Arabic figure repeats the seed article cut to 3 KB. ``--english`` also times English news:
the documents of a CoNLL file with document ids (MEANTIME English:
``../shared/data/clustering/meantime/en/meantime.conll``), each cut to its first 3 KB, run once
each through the service's stateless stages before the event stage (which parses the
sentences that hold events of two types or a trigger without a plain subject, see
``events/syntax.py``). BLAS runs with ``MARSAD_NATIVE_THREADS`` threads, as in the NLP pool.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

from marsad.schemas import RawArticle
from marsad.streams.pipeline import Doc, FoldedText
from marsad.streams.pipeline.events import EventStage

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed_ar_events.txt"


def make(text: str) -> Doc:
    return Doc(
        article=RawArticle(id="bench", outlet="bench", title="", body=text, published_at=datetime(2019, 2, 9, tzinfo=timezone.utc)),
        text=text, body_start=0, folded=FoldedText(text, tuple(range(len(text) + 1))), language="ar",
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--english", type=Path, help="CoNLL file of English news documents (MEANTIME en)")
    args = ap.parse_args()
    from marsad.streams.native import limit_native_threads
    from marsad.streams.settings import Settings

    limit_native_threads(Settings().native_threads)  # as the NLP pool runs the stages
    seed = SEED.read_text(encoding="utf-8")
    text = (seed * 3)[:3 * 1024 // 2]  # Arabic is 2 bytes/char in UTF-8: ~3 KB
    while len(text.encode("utf-8")) < 3072:
        text += seed[:200]
    doc = make(text)
    stage = EventStage()
    for _ in range(5):
        stage(doc)
    rounds = []
    for _ in range(args.rounds):
        t0 = time.process_time()
        for _ in range(args.repeat):
            out = stage(doc)
        rounds.append((time.process_time() - t0) * 1000 / args.repeat)
    print(json.dumps({"bench": "events.v1", "article_bytes": len(text.encode("utf-8")), **_spread("cpu_ms_per_article", rounds),
                      "events": len(out.events), "repeat": args.repeat}))
    if args.english:
        print(json.dumps(english(stage, args.english, args.rounds)))


def _spread(name: str, rounds: list[float]) -> dict:
    return {name: round(statistics.median(rounds), 2), "rounds": len(rounds), "fastest": round(min(rounds), 2), "slowest": round(max(rounds), 2)}


def english(stage: EventStage, conll: Path, rounds: int = 5, limit_bytes: int = 3000) -> dict:
    from marsad.streams.evaluation.clusters import load_documents, make_doc_builder

    build = make_doc_builder()
    docs = []
    for d in load_documents([conll]):
        room = limit_bytes - len(d.title.encode("utf-8")) - 2  # the text is title, blank line, body
        body = d.body.encode("utf-8")[:max(0, room)].decode("utf-8", "ignore")
        docs.append(build(d.key, d.title, body, language="en"))
    for doc in docs[:5]:
        stage(doc)
    timed = docs[5:]
    mean_bytes = sum(len(d.text.encode("utf-8")) for d in timed) / len(timed)
    per_3000 = []
    for _ in range(rounds):
        t0 = time.process_time()
        for doc in timed:
            stage(doc)
        per_3000.append((time.process_time() - t0) * 1000 / len(timed) * 3000 / mean_bytes)
    return {"bench": "events.v1", "language": "en", "corpus": str(conll), "articles": len(timed),
            "mean_bytes": round(mean_bytes), **_spread("cpu_ms_per_3000_bytes", per_3000)}


if __name__ == "__main__":
    main()
