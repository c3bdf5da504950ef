"""Story clustering evaluation on cross-document coreference corpora (CoNLL format).

Reads CoNLL files (``#begin document <id>; part 000`` headers, then one token per line:
doc id, sentence, token index, token, coreference), rebuilds each document's text (sentence 0
as the title, the rest as the body), runs the *service's* code over the documents in file
order (the stateless stages normalize/language/sentences and, when importable, entities; then
``blocking_key`` routing, global by default as in the service, to one :class:`StoryClusterer`
per key, as the lead's dedup step does)
and scores the story ids against the gold clustering.

Gold: with three-part doc ids (``topic/subtopic/doc``, e.g. NewsWCL50) a story is
``topic/subtopic``; with two-part ids (``corpus/doc``, e.g. MEANTIME, one file per language)
documents with the same id in different files are one story.

The corpora carry no publication time column. When every document opens with a dateline
(:mod:`marsad.streams.pipeline.stories.datelines`; MEANTIME's do), its date is the document's
publication time, as an article in the stream carries its own, and the story window applies.
Otherwise (a corpus whose documents are not all dated, or ``datelines=False``, the CLI's
``--no-datelines``) every document gets the same fixed time (``FIXED_TIME``, 2020-01-01 00:00
UTC) and time proximity separates nothing: the time-blind figure. All or none, because a
dated and an undated report of one story would sit years apart and never meet.

Usage::

    python -m marsad.streams.evaluation.clusters /work/shared/data/clustering/newswcl50/NewsWCL50.conll
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.streams.pipeline.stories.datelines import LINES_READ, dateline

FIXED_TIME = datetime(2020, 1, 1, tzinfo=UTC)
EVAL_LANGUAGES = ("ar", "en", "fr", "es", "de", "it", "nl", "tr", "pl", "zh", "ru")

_BEGIN = re.compile(r"#begin document \(?([^);]+)\)?;?")
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}'’”]|n't|'s|'re|'ve|'ll|'d|'m)(?=\s|$)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“‘]) ")


@dataclass(frozen=True)
class EvalDoc:
    key: str          # unique system key (file index + doc id)
    doc_id: str       # id as in the file
    gold: str         # gold story
    title: str
    body: str
    language: str | None
    source: str       # file it came from
    dateline: datetime | None = None  # the date its text opens with, if any


def detokenize(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def read_conll(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Documents of a CoNLL file in file order: ``(doc_id, sentences as token lists)``."""
    docs: list[tuple[str, list[list[str]]]] = []
    current: str | None = None
    sents: dict[int, list[str]] = {}
    order: list[int] = []

    def flush() -> None:
        if current is not None:
            docs.append((current, [sents[i] for i in order]))

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#begin document"):
                flush()
                m = _BEGIN.match(line)
                current = m.group(1).strip() if m else line.split(" ", 2)[-1]
                sents, order = {}, []
                continue
            if line.startswith("#end document") or not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 4 or current is None:
                continue
            try:
                s = int(cols[1])
            except ValueError:
                continue
            if s not in sents:
                sents[s] = []
                order.append(s)
            sents[s].append(cols[3])
    flush()
    return docs


_LANG_DIRS = {"en", "es", "it", "nl", "ar", "de", "fr", "tr"}


def conll_files(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a directory stands for its ``*.conll`` files, in sorted path order."""
    out: list[Path] = []
    for path in map(Path, paths):
        out.extend(sorted(path.rglob("*.conll")) if path.is_dir() else [path])
    return out


def load_documents(paths: Sequence[Path]) -> list[EvalDoc]:
    out: list[EvalDoc] = []
    for i, path in enumerate(conll_files(paths)):
        lang = path.parent.name if path.parent.name in _LANG_DIRS else None
        for doc_id, sents in read_conll(path):
            parts = doc_id.split("/")
            gold = "/".join(parts[:2]) if len(parts) >= 3 else doc_id
            texts = [detokenize([t for t in s if t not in ("\\n", "\\r")]) for s in sents if s]
            texts = [t for t in texts if t]
            title = texts[0] if texts else ""
            body = "\n".join(texts[1:]) if len(texts) > 1 else title
            out.append(EvalDoc(f"{i}:{doc_id}", doc_id, gold, title, body, lang, str(path),
                               dateline([title, *body.split("\n", LINES_READ)])))
    return out


# ---------------------------------------------------------------------- service code path
def stateless_stages(languages: Sequence[str] = EVAL_LANGUAGES, with_events: bool = False) -> list:
    """normalize, language, sentences, then entities (and events) when they can be imported."""
    from marsad.streams.pipeline.language import DetectLanguage
    from marsad.streams.pipeline.normalize import Normalize
    from marsad.streams.pipeline.sentences import SplitSentences

    stages: list = [Normalize(), DetectLanguage(tuple(languages)), SplitSentences()]
    optional = [("marsad.streams.pipeline.entities", "EntityStage")]
    if with_events:
        optional.append(("marsad.streams.pipeline.events", "EventStage"))
    for module, attr in optional:
        try:
            from importlib import import_module

            from marsad.streams.settings import Settings

            cls = getattr(import_module(module), attr)
            stages.append(cls.from_settings(Settings()) if hasattr(cls, "from_settings") else cls())
        except Exception as exc:  # not built yet, or its resources missing: run without it
            print(f"[eval] {module}.{attr} unavailable ({type(exc).__name__}: {exc}); running without it",
                  file=sys.stderr)
    return stages


def make_doc_builder(stages: list | None = None) -> Callable[..., Any]:
    from marsad.schemas import RawArticle
    from marsad.streams.errors import RejectedInput
    from marsad.streams.pipeline.doc import Doc, FoldedText

    stages = stateless_stages() if stages is None else stages

    def build(article_id: str, title: str, body: str, *, language: str | None = None,
              outlet: str = "eval", published_at: datetime = FIXED_TIME) -> Doc:
        raw = RawArticle(id=article_id, outlet=outlet, title=title, body=body or title or "-",
                         published_at=published_at, language=language)
        doc = Doc(article=raw, text="", body_start=0, folded=FoldedText("", (0,)))
        for stage in stages:
            try:
                doc = stage(doc)
            except RejectedInput:
                if stage.name.startswith("language"):
                    doc = doc.evolve(language=language or "und")
                else:
                    raise
        return doc

    return build


def run_clustering(docs: Sequence[Any], window: timedelta = timedelta(hours=72), embeddings=None,
                   blocking: str = "global", **clusterer_args: Any) -> list[str]:
    """Story id per document, routed by blocking key to one clusterer per key (as in the stream;
    ``blocking`` is the service setting ``dedup_blocking``, global by default)."""
    from marsad.streams.pipeline.stories import StoryClusterer, blocking_key, embed_batch

    vecs = embed_batch(list(docs)) if embeddings is None else embeddings
    buckets: dict[str, StoryClusterer] = {}
    out = []
    for doc, vec in zip(docs, vecs):
        key = blocking_key(doc, blocking)
        if key not in buckets:
            buckets[key] = StoryClusterer({}, window=window, **clusterer_args)
        out.append(buckets[key].assign(doc, embedding=vec).story_id)
    return out


# ---------------------------------------------------------------------- metrics
def _prf(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def pairwise_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Precision/recall/F1 over all unordered document pairs put together."""
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        g, p = gold[i] == gold[j], pred[i] == pred[j]
        tp += g and p
        fp += p and not g
        fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return _prf(precision, recall)


def bcubed_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """B-cubed: per-document precision/recall of its cluster, averaged over documents."""
    n = len(gold)
    if n == 0:
        return _prf(1.0, 1.0)
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    prec = rec = 0.0
    for i in range(n):
        shared = len(by_gold[gold[i]] & by_pred[pred[i]])
        prec += shared / len(by_pred[pred[i]])
        rec += shared / len(by_gold[gold[i]])
    return _prf(prec / n, rec / n)


def score_clustering(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    return {
        "pairwise": pairwise_scores(gold, pred),
        "bcubed": bcubed_scores(gold, pred),
        "documents": len(gold),
        "gold_clusters": len(set(gold)),
        "system_clusters": len(set(pred)),
        "system_singletons": sum(1 for c, k in _counts(pred).items() if k == 1),
    }


def _counts(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for x in items:
        out[x] += 1
    return out


def publication_times(items: Sequence[Any]) -> list[datetime] | None:
    """Each document's ``dateline`` when every document has one, else None (all or none: see the
    module docstring)."""
    times = [it.dateline for it in items]
    return times if times and all(times) else None


def evaluate_clusters(paths: list[Path], fmt: str = "cdcr-conll", blocking: str = "global",
                      datelines: bool = True, **clusterer_args: Any) -> dict:
    """Cluster the documents of ``paths`` (in file order) and score against the gold stories."""
    if fmt != "cdcr-conll":
        raise ValueError(f"unknown format {fmt!r} (supported: 'cdcr-conll')")
    started = time.perf_counter()
    items = load_documents([Path(p) for p in paths])
    build = make_doc_builder()
    times = publication_times(items) if datelines else None
    docs = [build(it.key, it.title, it.body, language=it.language, outlet=Path(it.source).parent.name,
                  published_at=t) for it, t in zip(items, times or [FIXED_TIME] * len(items))]
    pred = run_clustering(docs, blocking=blocking, **clusterer_args)
    result = score_clustering([it.gold for it in items], pred)
    result["files"] = [str(p) for p in paths]
    result["published_time"] = "datelines" if times else "fixed " + FIXED_TIME.isoformat()
    result["documents_with_dateline"] = sum(1 for it in items if it.dateline)
    from marsad.streams.pipeline.stories import blocking_key

    result["blocking"] = blocking
    result["blocking_keys"] = len({blocking_key(d, blocking) for d in docs})
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--blocking", choices=("global", "country"), default="global",
                    help="routing of the dedup step (service setting dedup_blocking; default global)")
    ap.add_argument("--no-datelines", action="store_true",
                    help="give every document the same fixed time even where all are dated (time-blind figure)")
    args = ap.parse_args(argv)
    extra: dict[str, Any] = {"threshold": args.threshold} if args.threshold is not None else {}
    extra["blocking"] = args.blocking
    print(json.dumps(evaluate_clusters(args.paths, datelines=not args.no_datelines, **extra)))


if __name__ == "__main__":
    main()
