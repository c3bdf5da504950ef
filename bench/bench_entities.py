"""CPU cost of the whole EntityStage per ~3 KB Arabic article.

    python bench/bench_entities.py [--runs 200] [--no-ner]

Builds a 3,000-byte (UTF-8) Arabic article from the seed fixture, warms the stage up (KB, gazetteer and
NER models load once per process), then measures ``time.process_time`` over many runs and
prints one JSON line: CPU ms per article, per KB of text, and the load time.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime, timezone
from pathlib import Path

from marsad.schemas import RawArticle
from marsad.streams.pipeline.doc import Doc, FoldedText

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_ar.txt"


def make_doc(target_bytes: int = 3000) -> Doc:
    """The seed article's paragraphs repeated under its title: ``target_bytes`` of UTF-8 in
    all (title + blank line + body; 3,000 bytes by default, exactly)."""
    seed = SEED.read_text(encoding="utf-8").strip()
    paragraphs = seed.split("\n")
    title = "قسد تبدأ هجوماً على آخر جيب لداعش في الباغوز"
    head = f"{title}\n\n"
    budget = target_bytes - len(head.encode("utf-8"))
    body, i = "", 0
    while len(body.encode("utf-8")) < budget:
        body += paragraphs[i % len(paragraphs)] + "\n"
        i += 1
    body = body.encode("utf-8")[:budget].decode("utf-8", "ignore")
    body += "." * (budget - len(body.encode("utf-8")))  # a cut 2-byte letter: pad to the byte
    text = head + body
    article = RawArticle(id="bench", outlet="bench", title=title, body=body,
                         published_at=datetime(2019, 2, 9, tzinfo=timezone.utc), language="ar")
    return Doc(article=article, text=text, body_start=len(head),
               folded=FoldedText(text, tuple(range(len(text) + 1))), language="ar")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--no-ner", action="store_true", help="KB/gazetteer/rules only")
    args = ap.parse_args()

    from marsad.streams.pipeline.entities import EntityStage

    t0 = time.perf_counter()
    stage = EntityStage() if not args.no_ner else EntityStage(use_ner=False)
    doc = make_doc()
    for _ in range(5):  # warm-up: loads the NER model, fills caches
        out = stage(doc)
    load_s = time.perf_counter() - t0

    # best of 5 batches: the CPU time of other jobs on a shared machine only ever adds
    batches = []
    for _ in range(5):
        c0 = time.process_time()
        for _ in range(max(1, args.runs // 5)):
            out = stage(doc)
        batches.append((time.process_time() - c0) * 1000 / max(1, args.runs // 5))
    cpu_ms = min(batches)
    size = len(doc.text.encode("utf-8"))
    from marsad.streams.pipeline.entities.stage import _tagger

    print(json.dumps({
        "bench": "entities.v1",
        "article_bytes": size,
        "article_chars": len(doc.text),
        "runs": args.runs,
        "ner": (not args.no_ner) and _tagger("ar") is not None,
        "cpu_ms_per_article": round(cpu_ms, 3),
        "cpu_ms_per_3000_bytes": round(cpu_ms * 3000 / size, 3),
        "cpu_ms_batches": [round(b, 3) for b in batches],
        "entities": len(out.entities),
        "load_and_warmup_s": round(load_s, 2),
    }))


if __name__ == "__main__":
    main()
