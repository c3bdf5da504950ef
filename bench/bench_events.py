"""CPU time of the event stage per 3 KB article (time.process_time, after a warm-up).

python bench/bench_events.py [--repeat N]  ->  one JSON line.
"""

from __future__ import annotations

import argparse
import json
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
    args = ap.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    text = (seed * 3)[:3 * 1024 // 2]  # Arabic is 2 bytes/char in UTF-8: ~3 KB
    while len(text.encode("utf-8")) < 3072:
        text += seed[:200]
    doc = make(text)
    stage = EventStage()
    for _ in range(5):
        stage(doc)
    t0 = time.process_time()
    for _ in range(args.repeat):
        out = stage(doc)
    ms = (time.process_time() - t0) * 1000 / args.repeat
    print(json.dumps({"bench": "events.v1", "article_bytes": len(text.encode("utf-8")), "cpu_ms_per_article": round(ms, 2), "events": len(out.events), "repeat": args.repeat}))


if __name__ == "__main__":
    main()
