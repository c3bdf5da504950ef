"""Selection of the story clusterer's join rule, and an estimate of how it does on unseen topics.

The five numbers of :class:`~marsad.streams.pipeline.stories.similarity.JoinRule`
(``resources/stories/join_rule.json``) are chosen on two clustering corpora, NewsWCL50 (several
outlets per event) and MEANTIME en+es+it+nl (translations of one article, among 30 other
articles on the same topic): the grid point with the best worse-of-the-two pairwise F1. That
makes the corpora's own figures in-sample. :func:`cross_validate` re-runs the selection with a
group of topics held out each time and scores the held-out topics with the parameters chosen
without them:

- a fold holds one MEANTIME sub-corpus (airbus, apple, gm, stock: its 30 stories are all about
  one company or market, so every negative pair is a hard one, same topic and different event)
  and every fourth NewsWCL50 event;
- held-out documents are clustered fold by fold, so pairs across folds are never joined; those
  are the easy negatives, and within a fold all of the hard ones remain.

The same code as ``marsad eval clusters`` builds and clusters the documents, but time-blind:
every document gets the one fixed time even where MEANTIME's datelines date them. The rule must
tell two events of one topic apart by what the articles say, as it must in the stream when both
happen within the story window; with their datelines, MEANTIME's events are mostly years apart
and the window alone separates them.

Usage::

    python -m marsad.streams.evaluation.join_rule \\
        --corpus newswcl50=/work/shared/data/clustering/newswcl50/NewsWCL50.conll \\
        --corpus meantime=/work/shared/data/clustering/meantime/en,/work/shared/data/clustering/meantime/es,...
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from marsad.streams.evaluation.clusters import (
    load_documents,
    make_doc_builder,
    pairwise_scores,
    publication_times,
    run_clustering,
)
from marsad.streams.pipeline.stories import embed_batch
from marsad.streams.pipeline.stories.similarity import JoinRule

#: The selection grid (756 points): threshold, entity weight, number weight, minimum numbers.
GRID = tuple(itertools.product(np.round(np.arange(0.72, 0.805, 0.01), 2), np.round(np.arange(0.20, 0.505, 0.05), 2),
                               np.round(np.arange(0.10, 0.355, 0.05), 2), (2, 3)))
FOLDS = 4


@dataclass(frozen=True)
class Item:
    topic: str
    gold: str
    doc: Any
    vec: np.ndarray
    dateline: datetime | None = None


def topic_of(gold: str) -> str:
    """The topic of a gold story id: ``corpus_airbus/100911`` -> ``corpus_airbus``; ``3/-`` -> ``3``."""
    return gold.split("/", 1)[0]


def load_corpus(paths: Sequence[Path]) -> list[Item]:
    evals = load_documents([Path(p) for p in paths])
    build = make_doc_builder()
    docs = [build(e.key, e.title, e.body, language=e.language, outlet=Path(e.source).parent.name) for e in evals]
    return [Item(topic_of(e.gold), e.gold, d, v, e.dateline) for e, d, v in zip(evals, docs, embed_batch(docs))]


def dated(items: Sequence[Item]) -> list[Item] | None:
    """The items with their datelines as publication times, when all have one (else None)."""
    times = publication_times(items)
    if times is None:
        return None
    return [replace(it, doc=it.doc.evolve(article=it.doc.article.model_copy(update={"published_at": t})))
            for it, t in zip(items, times)]


def fold_of_topics(items: Sequence[Item], folds: int = FOLDS) -> dict[str, int]:
    """Topics in order of first appearance, dealt round-robin to the folds."""
    order = list(dict.fromkeys(it.topic for it in items))
    return {t: k % folds for k, t in enumerate(order)}


def rule_of(point: Sequence[float]) -> JoinRule:
    threshold, entity_weight, number_weight, min_numbers = point
    return JoinRule(threshold=float(threshold), entity_weight=float(entity_weight),
                    number_weight=float(number_weight), min_numbers=int(min_numbers))


def cluster(items: Sequence[Item], rule: JoinRule) -> list[str]:
    return run_clustering([it.doc for it in items], embeddings=np.array([it.vec for it in items]), rule=rule)


def pairwise_f1(items: Sequence[Item], rule: JoinRule) -> float:
    return pairwise_scores([it.gold for it in items], cluster(items, rule))["f1"]


def select(corpora: dict[str, list[Item]], grid=GRID) -> tuple[tuple, dict[str, float]]:
    """The grid point with the best worse-of-the-corpora pairwise F1 (ties: the better sum;
    then the first in grid order), and its F1 per corpus."""
    best: tuple | None = None
    for point in grid:
        rule = rule_of(point)
        f1 = {name: pairwise_f1(items, rule) for name, items in corpora.items()}
        key = (min(f1.values()), sum(f1.values()))
        if best is None or key > best[0]:
            best = (key, point, f1)
    assert best is not None, "empty grid"
    return tuple(float(x) for x in best[1]), best[2]


def cross_validate(corpora: dict[str, list[Item]], folds: int = FOLDS, grid=GRID) -> dict:
    """Out-of-fold pairwise F1 per corpus, topics grouped into ``folds`` folds (module docstring).
    A corpus whose documents all carry a dateline is also scored with the fold's rule and the
    datelines as publication times (``out_of_fold_with_datelines``), as ``marsad eval clusters``
    scores it."""
    fold = {name: fold_of_topics(items, folds) for name, items in corpora.items()}
    gold: dict[str, list[str]] = {name: [] for name in corpora}
    pred: dict[str, list[str]] = {name: [] for name in corpora}
    with_dates = {name: d for name, items in corpora.items() if (d := dated(items)) is not None}
    pred_dated: dict[str, list[str]] = {name: [] for name in with_dates}
    chosen = []
    for k in range(folds):
        train = {n: [it for it in items if fold[n][it.topic] != k] for n, items in corpora.items()}
        point, train_f1 = select(train, grid)
        rule = rule_of(point)
        held_f1 = {}
        for name, items in corpora.items():
            held = [it for it in items if fold[name][it.topic] == k]
            stories = cluster(held, rule)
            gold[name] += [it.gold for it in held]
            pred[name] += [f"{k}:{s}" for s in stories]
            held_f1[name] = pairwise_scores([it.gold for it in held], stories)["f1"]
            if name in with_dates:
                held_dated = [it for it in with_dates[name] if fold[name][it.topic] == k]
                pred_dated[name] += [f"{k}:{s}" for s in cluster(held_dated, rule)]
        chosen.append({"fold": k, "rule": point, "train_f1": train_f1, "held_out_f1": held_f1,
                       "held_out_topics": {n: sorted(t for t, f in fold[n].items() if f == k) for n in corpora}})
    return {"out_of_fold": {n: pairwise_scores(gold[n], pred[n]) for n in corpora},
            "out_of_fold_with_datelines": {n: pairwise_scores(gold[n], pred_dated[n]) for n in with_dates},
            "folds": chosen}


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", required=True, metavar="NAME=PATH[,PATH...]",
                    help="a corpus for the selection (CoNLL files or folders, as for marsad eval clusters)")
    ap.add_argument("--folds", type=int, default=FOLDS)
    args = ap.parse_args(argv)
    corpora = {}
    for spec in args.corpus:
        name, _, paths = spec.partition("=")
        corpora[name] = load_corpus([Path(p) for p in paths.split(",") if p])
    point, f1 = select(corpora)
    print(json.dumps({"in_sample": {"rule": point, "pairwise_f1": f1},
                      "topic_cv": cross_validate(corpora, args.folds)}))


if __name__ == "__main__":
    main()
