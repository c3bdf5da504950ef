"""CPU cost of the whole EntityStage per 3 KB Arabic article, on distinct real articles.

    python bench/bench_entities.py [--articles PATH] [--measured 300] [--warmup 1000]
                                   [--cold 200] [--bytes 3000] [--no-ner] [--dump FILE]

Why this shape: the stage keeps per-process caches (token features, stems, names), so timing
one article over and over measures cache hits only. Instead every timed article is a different
SaudiNewsNet article (``--articles``, read with :func:`marsad.streams.sources.iter_messages`)
whose body is cut so that the analysed text (title, blank line, body) is at most ``--bytes``
of UTF-8 (3,000 by default; articles shorter than that are skipped). Documents are built the
way the pipeline builds them (validate, then the normalize, language and sentences stages);
only non-empty Arabic ones are kept. Three disjoint sets, in corpus order:

* ``cold``: timed right after the models load and the worker's warm-up texts
  (``runner.WARM_UP_TEXTS``) ran: a freshly started worker, caches nearly empty;
* ``warmup``: run untimed, to bring the caches to the steady state of a long-running worker;
* ``measured``: timed once each (``time.process_time`` around the stage call): mean, p50, p95.

Prints one JSON line. ``cpu_ms_per_3000_bytes`` scales the mean by the mean text size. The
machine may be shared: run it a few times and keep the minimum and the spread.

Without the corpus (``/work/shared`` absent) it falls back to the seed article padded to 3,000
bytes and repeated (``"mode": "seed"``): every cache hits there, so that figure is optimistic.

``--dump FILE`` writes the entities of the measured articles as JSON lines, to check that a
speed change keeps the output identical (keep the "before" file outside the repository)::

    python bench/bench_entities.py --bytes 0 --cold 0 --warmup 0 --dump /tmp/before.jsonl
    # ... change the stage ...
    python bench/bench_entities.py --bytes 0 --cold 0 --warmup 0 --dump /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

(``--bytes 0`` keeps whole articles.)
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import statistics
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import orjson

from marsad.schemas import RawArticle
from marsad.streams.pipeline.doc import Doc, FoldedText
from marsad.streams.pipeline.runner import WARM_UP_TEXTS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_ar.txt"
CORPUS = ROOT.parent / "shared" / "data" / "stream" / "saudinewsnet" / "dataset"


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


def cut_body(title: str, body: str, target_bytes: int) -> str | None:
    """``body`` cut so that ``title + blank line + body`` is at most ``target_bytes`` of UTF-8
    (at a character boundary); ``None`` when the article is shorter than that."""
    head = len(f"{title.strip()}\n\n".encode()) if title.strip() else 0
    raw = body.strip().encode("utf-8")
    budget = target_bytes - head
    if budget <= 0 or len(raw) < budget:
        return None
    return raw[:budget].decode("utf-8", "ignore")


def build_doc(data: dict) -> Doc:
    """A document as the pipeline builds it before the entity stage: validated, then the
    normalize, language and sentences stages. Raises ``RejectedInput`` as the pipeline would."""
    from marsad.streams.pipeline.validate import decode_article

    stages, settings = _front_stages()
    doc = Doc(article=decode_article(orjson.dumps(data), settings.max_article_bytes),
              text="", body_start=0, folded=FoldedText("", (0,)))
    for stage in stages:
        doc = stage(doc)
    return doc


@lru_cache(maxsize=1)
def _front_stages():
    from marsad.streams.pipeline.registry import build_stages
    from marsad.streams.settings import Settings

    settings = Settings()
    stages = [s for s in build_stages(settings)
              if s.name.split(".")[0] in ("normalize", "language", "sentences")]
    return stages, settings


def corpus_docs(path: Path, target_bytes: int) -> Iterator[Doc]:
    """Distinct Arabic documents of the corpus, built as the pipeline builds them."""
    from marsad.streams.errors import RejectedInput
    from marsad.streams.sources import iter_messages

    seen: set[bytes] = set()
    for _key, raw in iter_messages([path]):
        data = orjson.loads(raw)
        if target_bytes:
            body = cut_body(data.get("title") or "", data.get("body") or "", target_bytes)
            if body is None:
                continue
            data["body"] = body
        try:
            doc = build_doc(data)
        except RejectedInput:
            continue
        digest = hashlib.blake2b(doc.text.encode(), digest_size=16).digest()
        if doc.language != "ar" or digest in seen:
            continue
        seen.add(digest)
        yield doc


def timed(stage, docs: list[Doc]) -> tuple[list[float], list[Doc]]:
    """CPU ms of one stage call per document, and the outputs."""
    costs, outs = [], []
    for doc in docs:
        c0 = time.process_time()
        out = stage(doc)
        costs.append((time.process_time() - c0) * 1000)
        outs.append(out)
    return costs, outs


def summary(costs: list[float], docs: list[Doc]) -> dict:
    mean = statistics.fmean(costs)
    size = statistics.fmean(len(d.text.encode("utf-8")) for d in docs)
    return {"articles": len(costs), "mean_bytes": round(size), "cpu_ms_mean": round(mean, 3),
            "cpu_ms_p50": round(statistics.median(costs), 3),
            "cpu_ms_p95": round(sorted(costs)[int(0.95 * (len(costs) - 1))], 3),
            "cpu_ms_per_3000_bytes": round(mean * 3000 / size, 3)}


def dump(path: Path, outs: list[Doc]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc in outs:
            ents = [e.model_dump(mode="json") for e in doc.entities]
            fh.write(json.dumps({"id": doc.article.id, "entities": ents}, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=CORPUS)
    ap.add_argument("--measured", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=1000)
    ap.add_argument("--cold", type=int, default=200)
    ap.add_argument("--bytes", type=int, default=3000, help="cut texts to this many bytes; 0: whole")
    ap.add_argument("--no-ner", action="store_true", help="KB/gazetteer/rules only")
    ap.add_argument("--dump", type=Path, help="write the measured articles' entities (JSON lines)")
    args = ap.parse_args()

    from marsad.streams.pipeline.entities import EntityStage
    from marsad.streams.pipeline.entities.stage import _tagger

    t0 = time.perf_counter()
    stage = EntityStage() if not args.no_ner else EntityStage(use_ner=False)
    # a worker loads its models once, then warms up on the pipeline's warm-up texts
    for text in WARM_UP_TEXTS:
        stage(build_doc({"id": "warm-up", "outlet": "marsad", "title": "", "body": text,
                         "published_at": "2019-02-09T12:00:00+00:00"}))
    load_s = time.perf_counter() - t0
    result: dict = {"bench": "entities.v2", "ner": (not args.no_ner) and _tagger("ar") is not None,
                    "load_and_warmup_s": round(load_s, 2)}

    if args.articles.exists():
        t1 = time.perf_counter()
        source = corpus_docs(args.articles, args.bytes)
        cold = [d for _, d in zip(range(args.cold), source)]
        warm = [d for _, d in zip(range(args.warmup), source)]
        measured = [d for _, d in zip(range(args.measured), source)]
        if not measured:
            raise SystemExit(f"{args.articles}: fewer than {args.cold + args.warmup + 1} "
                             f"Arabic articles of {args.bytes} bytes or more")
        result.update(mode="corpus", corpus=str(args.articles), target_bytes=args.bytes,
                      build_docs_s=round(time.perf_counter() - t1, 1))
        # As a worker after warm-up (``Pipeline.warm_up``): models out of the collector's reach;
        # here the prepared documents too, which a worker never holds by the thousand.
        gc.collect()
        gc.freeze()
        if cold:
            result["cold"] = summary(timed(stage, cold)[0], cold)
        for doc in warm:
            stage(doc)
        result["warmup_articles"] = len(warm)
        costs, outs = timed(stage, measured)
        result["measured"] = summary(costs, measured)
        result["entities_mean"] = round(statistics.fmean(len(o.entities) for o in outs), 2)
        if args.dump:
            dump(args.dump, outs)
    else:
        doc = make_doc(args.bytes or 3000)
        for _ in range(5):
            stage(doc)
        costs, outs = timed(stage, [doc] * args.measured)
        result.update(mode="seed", note=f"{args.articles} absent: one seed article repeated, "
                      "every cache hits (optimistic)", measured=summary(costs, [doc] * len(costs)))
        if args.dump:
            dump(args.dump, outs[:1])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
