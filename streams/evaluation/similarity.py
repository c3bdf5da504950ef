"""Story-similarity evaluation on SemEval-2022 Task 8 pairs (multilingual news similarity).

Each pair's two texts (title, two spaces, then head/tail snippet) go through the service's
stateless stages (normalize, language, sentences, entities when importable) and the story
similarity model (:mod:`marsad.streams.pipeline.stories.similarity`) scores them in [0, 1],
higher = more similar. Gold ``Overall`` runs the other way (1 = same story ... 4 =
unrelated), so we report Pearson of the score against ``5 - Overall`` (higher is better;
identical to minus the Pearson against ``Overall``). The pairs carry no dates: both sides get
the same fixed time, so the time feature is constant here.

``train_similarity`` fits the shipped model file on these pairs and reports 10-fold
cross-validated figures (the model is evaluated on pairs it was not fitted on). Folds are
grouped (:func:`pair_groups`): pairs that share an article, or an identical text under another
id, stay in one fold, so no text is scored by a model that saw it in training.

Usage::

    python -m marsad.streams.evaluation.similarity /work/shared/data/similarity/semeval2022-t8/pairs.csv
    python -m marsad.streams.evaluation.similarity PATH --train   # refit, CV report, save model
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

csv.field_size_limit(sys.maxsize)


def read_pairs(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row.get("Overall", "").strip()]


#: Longest title read off a line break (a longer first line is a body paragraph, not a title).
MAX_TITLE_CHARS = 300


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)`` of a SemEval text: the sample joins title and snippet with two spaces,
    or (about a quarter of the texts) with a line break; without either there is no title."""
    title, sep, body = text.partition("  ")
    if sep and title.strip():
        return title.strip(), body.strip()
    stripped = text.strip()
    title, sep, body = stripped.partition("\n")
    if sep and len(title) <= MAX_TITLE_CHARS and title.strip() and body.strip():
        return title.strip(), body.strip()
    return "", stripped


def pair_features(rows: Sequence[dict[str, str]], model=None) -> tuple[np.ndarray, list[str]]:
    """Feature matrix (one row per pair) computed with the service's code, and pair languages."""
    from marsad.streams.evaluation.clusters import make_doc_builder
    from marsad.streams.pipeline.stories.embed import embed_batch, embed_body_batch
    from marsad.streams.pipeline.stories.similarity import FEATURES, default_model, doc_signature, features

    model = model or default_model()
    build = make_doc_builder()
    docs = []
    for i, row in enumerate(rows):
        for side in ("1", "2"):
            title, body = split_title(row["text" + side])
            docs.append(build(f"{row.get('pair_id', i)}:{side}:{i}", title, body or title,
                              language=row.get("lang" + side) or None))
    vecs = embed_batch(docs)
    body = embed_body_batch(docs)
    sigs = [doc_signature(d, vecs[k], body[k]) for k, d in enumerate(docs)]
    X = np.zeros((len(rows), len(FEATURES)))
    for i in range(len(rows)):
        X[i] = features(sigs[2 * i], sigs[2 * i + 1], time_scale_h=model.time_scale_h)
    langs = [f"{r['lang1']}-{r['lang2']}" for r in rows]
    return X, langs


def _report(scores: np.ndarray, target: np.ndarray, langs: Sequence[str]) -> dict[str, Any]:
    from marsad.streams.pipeline.stories.similarity import pearson

    groups: dict[str, list[int]] = defaultdict(list)
    for i, lang in enumerate(langs):
        groups[lang].append(i)
    per = {k: round(pearson(scores[v], target[v]), 4) for k, v in sorted(groups.items())}
    return {"pearson": round(pearson(scores, target), 4), "per_pair": per,
            "pairs_per_language": {k: len(v) for k, v in sorted(groups.items())}, "pairs": int(len(target))}


def _cosine_only(X: np.ndarray) -> np.ndarray:
    """The lead cosine alone (the baseline); a pair with a page that is not an article has none
    and stands at the mean, as the model's score of it does."""
    cos = X[:, 0]
    return np.where(np.isnan(cos), np.nanmean(cos), cos)


def evaluate_similarity(path: Path, fmt: str = "semeval2022", model=None) -> dict:
    """Pearson of the system's similarity vs ``5 - Overall`` (higher is better), overall and per pair."""
    if fmt != "semeval2022":
        raise ValueError(f"unknown format {fmt!r} (supported: 'semeval2022')")
    from marsad.streams.pipeline.stories.similarity import default_model

    model = model or default_model()
    rows = read_pairs(Path(path))
    X, langs = pair_features(rows, model)
    target = 5.0 - np.array([float(r["Overall"]) for r in rows])
    scores = model.score_features(X)
    out = _report(scores, target, langs)
    out["cosine_only"] = _report(_cosine_only(X), target, langs)["pearson"]
    out["target"] = "5 - Overall"
    return out


#: Precision of "same story" (``Overall <= 2``) the clusterer's join threshold must reach on the
#: cross-validated SemEval scores. A join must be stricter than a pairwise "similar": SemEval's
#: grade 2 still admits articles of one topic that report different events, and a wrong join
#: merges two whole stories. The threshold is the lowest score whose CV precision reaches this.
JOIN_PRECISION = 0.90


def best_threshold(scores: np.ndarray, overall: np.ndarray, same_story_max: float = 2.0) -> tuple[float, float]:
    """Score threshold maximising F1 of 'same story' (Overall <= ``same_story_max``)."""
    positive = overall <= same_story_max
    best = (0.5, 0.0)
    for t in np.unique(np.round(scores, 3)):
        pred = scores >= t
        tp = float(np.sum(pred & positive))
        if tp == 0:
            continue
        p, r = tp / pred.sum(), tp / positive.sum()
        f = 2 * p * r / (p + r)
        if f > best[1]:
            best = (float(t), f)
    return best


def precision_threshold(scores: np.ndarray, overall: np.ndarray, precision: float = JOIN_PRECISION,
                        same_story_max: float = 2.0) -> tuple[float, float]:
    """Lowest score threshold (0.01 steps) whose precision of 'same story' reaches ``precision``;
    returns it with the recall there."""
    positive = overall <= same_story_max
    for t in np.round(np.arange(0.30, 0.995, 0.01), 2):
        pred = scores >= t
        if pred.sum() and float(np.sum(pred & positive)) / pred.sum() >= precision:
            return float(t), float(np.sum(pred & positive)) / max(1, positive.sum())
    return 0.99, 0.0


def pair_groups(rows: Sequence[dict[str, str]]) -> list[int]:
    """Cross-validation group of each pair: connected components of the graph linking a pair to
    its two article ids (from ``pair_id`` ``ID1_ID2``) and its two texts. Pairs sharing an article
    (or a scraped text repeated under another id) land in the same group."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    nodes = []
    for i, row in enumerate(rows):
        ids = (row.get("pair_id") or f"row{i}").split("_")
        if len(ids) != 2:
            ids = [f"row{i}:1", f"row{i}:2"]
        here = [f"id:{ids[0]}", f"id:{ids[1]}", "text:" + row["text1"], "text:" + row["text2"]]
        for other in here[1:]:
            parent[find(other)] = find(here[0])
        nodes.append(here[0])
    roots: dict[str, int] = {}
    return [roots.setdefault(find(node), len(roots)) for node in nodes]


def train_similarity(path: Path, folds: int = 10, save: bool = True) -> dict:
    """Fit the similarity model on the pairs, report grouped k-fold CV figures, save the model file."""
    from sklearn.model_selection import GroupKFold

    from marsad.streams.pipeline.stories.similarity import SAME_STORY_MAX, fit

    rows = read_pairs(Path(path))
    X, langs = pair_features(rows)
    overall = np.array([float(r["Overall"]) for r in rows])
    target = 5.0 - overall
    cv_scores = np.zeros(len(rows))
    for train, test in GroupKFold(folds).split(X, overall, pair_groups(rows)):
        cv_scores[test] = fit(X[train], overall[train]).score_features(X[test])
    f1_threshold, f1 = best_threshold(cv_scores, overall, SAME_STORY_MAX)
    threshold, recall = precision_threshold(cv_scores, overall, JOIN_PRECISION, SAME_STORY_MAX)
    model = fit(X, overall)
    model.meta = {
        "trained_on": str(path), "pairs": len(rows), "entities": bool(np.nanmax(X[:, 4]) > np.nanmin(X[:, 4])),
        "target": f"P(same story), same story = Overall <= {SAME_STORY_MAX}, logistic",
        "threshold": threshold,
        "cv_folds": f"{folds}-fold GroupKFold, groups = pairs linked by a shared article id or text",
        "threshold_rule": f"join threshold of the online clusterer: lowest score whose {folds}-fold CV "
                          f"precision of same story reaches {JOIN_PRECISION} (JOIN_PRECISION in "
                          "marsad.streams.evaluation.similarity)",
        "threshold_cv_recall": round(recall, 4),
        "semeval_f1_threshold": round(f1_threshold, 3),
        "semeval_f1_threshold_rule": f"max F1 of same story on {folds}-fold CV scores (too loose for joins)",
        "threshold_cv_f1": round(f1, 4),
        "cv": _report(cv_scores, target, langs),
        "cosine_only": _report(_cosine_only(X), target, langs),
    }
    if save:
        model.save()
    return {"cv": model.meta["cv"], "cosine_only": model.meta["cosine_only"]["pearson"],
            "threshold": threshold, "threshold_cv_recall": model.meta["threshold_cv_recall"],
            "semeval_f1_threshold": model.meta["semeval_f1_threshold"], "threshold_cv_f1": model.meta["threshold_cv_f1"],
            "weights": model.weights, "bias": model.bias}


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--train", action="store_true", help="refit and save the model (reports CV figures)")
    args = ap.parse_args(argv)
    print(json.dumps(train_similarity(args.path) if args.train else evaluate_similarity(args.path)))


if __name__ == "__main__":
    main()
