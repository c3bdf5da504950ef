"""Sentence-level event classifier for Arabic ASSAULT and PROTEST (reporting vs. mere mention).

The trigger lexicon finds candidate sentences with high recall; most sentences that contain
هجوم or اغتيال talk *about* violence (commentary, trials, anniversaries) rather than report an
event. A logistic regression scores each candidate sentence from

* word 1-2-grams over clitic-stripped folded tokens (``w:``),
* character 3-4-grams inside folded words (``c:``),
* trigger-rule features from the extractor's own analysis of the sentence (``r:``): trigger
  weight/count, verbal vs. support-verb vs. bare definite nominal trigger, source/target actors
  found, casualty/crowd quantities, a concrete (day-level) time expression, a place, the status
  the extractor gave it (ongoing/claimed/alleged), negation, future/modality, allegation and
  reporting cues, the trigger's position in the sentence and the sentence length.

Each block is L2-normalised. The model file keeps only the vocabulary seen at least twice in
training and its weights, so inference is a few dictionary look-ups per sentence (no sklearn).
The stage calls :func:`predict` once per document over all candidate sentences.

Strong candidates (heavy verbal/support-verb trigger + actor + concrete time or place; see
``events._strong``) are kept whatever the score; the others must clear the threshold, which is
chosen on 5-fold out-of-fold predictions of exactly that combined decision.

Reproducible training (sklearn needed only here)::

    python -m marsad.streams.pipeline.events.classifier /work/shared/data/events/ar-event-gsr

writes ``streams/resources/events/ar_event_clf.v2.npz`` and prints the cross-validated scores.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

from .resources import RESOURCE_DIR, cues

MODEL_PATH = RESOURCE_DIR / "ar_event_clf.v2.npz"
TYPES = ("ASSAULT", "PROTEST")
_SEED = 0


# ------------------------------------------------------------------ features
@lru_cache(maxsize=1)
def _cue_sets():
    c = cues("ar")
    first = lambda lst: {p.split()[0] for p in lst}  # noqa: E731
    return {
        "neg": set(c["negation"]),
        "future": set(c["future"]) | {"سوف"},
        "allege": first(c["allegation"]),
        "claim": first(c["claim"]),
        "report": set(c["reporting"]),
        "deny": set(c["denial"]),
        "modal": {"قد", "ربما", "يمكن", "يجب", "ينبغي", "لو", "اذا", "ان", "احتمال", "محتمل", "خشيه", "مخاوف", "تحذير", "حذر", "حذرت", "يحذر", "تهديد", "هدد", "هددت", "يهدد"},
        "meta": {"ذكري", "محاكمه", "المحاكمه", "قضيه", "تحقيق", "التحقيق", "ادان", "ادانت", "يدين", "تدين", "استنكر", "استنكرت", "ندد", "نددت", "منذ", "عام", "سنوات", "اعوام", "تقرير", "ادانه", "مسؤوليه"},
    }


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    from .arabic import bare

    return bare(word)


@lru_cache(maxsize=65536)
def _char_grams(word: str) -> tuple[str, ...]:
    s = f" {word} "
    return tuple("c:" + s[i:i + n] for n in (3, 4) for i in range(len(s) - n + 1))


def _l2(d: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(v * v for v in d.values()))
    return {k: v / n for k, v in d.items()} if n else d


def features(rec: dict, event_type: str) -> dict[str, float]:
    """Feature dict of one analysed sentence (``events.analyse`` record) for ``event_type``."""
    sent = rec["sent"]
    toks = sent.tokens
    words = [t.text for t in toks if t.text[:1].isalnum()]
    bares = [_bare(w) for w in words]
    wf: dict[str, float] = {}
    for i, w in enumerate(bares):
        wf["w:" + w] = wf.get("w:" + w, 0.0) + 1.0
        if i:
            k = "w:" + bares[i - 1] + "_" + w
            wf[k] = wf.get(k, 0.0) + 1.0
    cf: dict[str, float] = {}
    for w in words:
        for k in _char_grams(w):
            cf[k] = cf.get(k, 0.0) + 1.0
    out = _l2(wf)
    out.update(_l2(cf))
    out.update(_rule_features(rec, event_type, words))
    return out


def _rule_features(rec: dict, event_type: str, words: list[str]) -> dict[str, float]:
    cs = _cue_sets()
    cands = [c for c in rec["cands"] if c.type == event_type and c.status != "announced"]
    strong = [s for c, s in zip(rec["cands"], rec.get("strong", [False] * len(rec["cands"]))) if c.type == event_type and c.status != "announced"]
    f: dict[str, float] = {"r:bias": 1.0}
    if not cands:
        return f
    n_tok = max(1, len(rec["sent"].tokens))
    first = min(c.tok[0] for c in cands)
    f["r:weight"] = max(c.trigger.weight for c in cands)
    f["r:n_trig"] = min(3, len(cands)) / 3.0
    f["r:verbal"] = float(any(c.verbal for c in cands))
    f["r:light"] = float(any(c.light_verb for c in cands))
    f["r:strong"] = float(any(strong))
    f["r:source"] = float(any(c.sources for c in cands))
    f["r:target"] = float(any(c.targets for c in cands))
    f["r:agentless"] = float(all(c.agentless for c in cands))
    f["r:pronoun"] = float(any(c.pronoun_source for c in cands))
    f["r:ongoing"] = float(any(c.status == "ongoing" for c in cands))
    f["r:claimed"] = float(any(c.status in ("claimed", "alleged") for c in cands))
    f["r:location"] = float(any(c.location is not None for c in cands))
    toks = rec["sent"].tokens
    bare_nom = [c for c in cands if not c.verbal and not c.light_verb]
    f["r:bare_nominal"] = float(len(bare_nom) == len(cands))
    f["r:definite_nominal"] = float(bool(bare_nom) and all(toks[c.tok[0]].text.startswith(("ال", "وال", "بال", "لل", "فال")) for c in bare_nom))
    kinds = {q.kind for _, _, q in rec["qtys"]}
    f["r:casualties"] = float(bool(kinds & {"killed", "injured", "arrested", "missing"}))
    f["r:crowd"] = float("other" in kinds or "fighters" in kinds)
    prec = {t[2].precision for t in rec["times"]}
    f["r:time_day"] = float(bool(prec & {"day", "part_of_day"}))
    f["r:time_coarse"] = float(bool(prec & {"month", "year", "range", "week"}))
    f["r:time_none"] = float(not prec)
    f["r:position"] = first / n_tok
    f["r:early"] = float(first < 6)
    f["r:length"] = min(n_tok, 80) / 80.0
    for et in rec.get("entity_types", ()):
        f["r:ent_" + et] = 1.0
    bw = [_strip(w) for w in words[: max(1, first)]]
    for name in ("neg", "future", "allege", "claim", "report", "deny", "modal", "meta"):
        if any(w in cs[name] for w in bw):
            f["r:cue_" + name] = 1.0
    if any(_strip(w) in cs["meta"] for w in words):
        f["r:meta_any"] = 1.0
    return f


def _strip(w: str) -> str:
    return w[1:] if len(w) > 2 and w[0] in "وف" else w


# ------------------------------------------------------------------ model
@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not MODEL_PATH.exists():
        return None
    data = np.load(MODEL_PATH, allow_pickle=False)
    meta = json.loads(str(data["meta"]))
    out = {}
    for t in TYPES:
        if f"coef_{t}" not in data:
            continue
        vocab = str(data[f"vocab_{t}"]).split("\n")
        coef = data[f"coef_{t}"].astype(np.float64).tolist()
        out[t] = (dict(zip(vocab, coef)), float(data[f"intercept_{t}"]), float(meta["thresholds"][t]))
    return out


def available() -> bool:
    return bool(_model())


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def predict(feats: list[dict[str, float]], types: list[str]) -> list[float | None]:
    """Probabilities, one per (feature dict, event type); None where no model for the type."""
    m = _model() or {}
    out: list[float | None] = []
    for f, t in zip(feats, types):
        if t not in m:
            out.append(None)
            continue
        w, b, _ = m[t]
        get = w.get
        z = b
        for k, v in f.items():
            c = get(k)
            if c is not None:
                z += v * c
        out.append(_sigmoid(z))
    return out


def threshold(event_type: str) -> float:
    m = _model()
    return m[event_type][2] if m and event_type in m else 0.5


# ------------------------------------------------------------------ training
def _load_rows(path: Path) -> tuple[list[str], np.ndarray]:
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["label"].strip().lower() in ("yes", "easy no", "difficult no", "hard no")]
    return [r["text"] for r in rows], np.array([r["label"].strip().lower() == "yes" for r in rows], dtype=int)


def _analyse_text(text: str, with_entities: bool = True) -> list[dict]:
    """The stage's own first pass over one labelled text (entity stage first, as in the service)."""
    from marsad.streams.evaluation.events import _stages, make_doc

    from . import analyse

    doc = make_doc(text, "ar")
    for stage in _stages(with_entities):
        if stage.name != "events.v1":
            try:
                doc = stage(doc)
            except Exception:
                pass
    return analyse(doc)[1]


def _row_items(texts: list[str], event_type: str) -> list[list[tuple[dict, bool]]]:
    """Per text: (features, strong) for each sentence holding a non-announced candidate."""
    out = []
    for t in texts:
        items = []
        for rec in _analyse_text(t):
            cands = [(c, s) for c, s in zip(rec["cands"], rec.get("strong", [False] * len(rec["cands"]))) if c.type == event_type and c.status != "announced"]
            if cands:
                items.append((features(rec, event_type), any(s for _, s in cands)))
        out.append(items)
    return out


def _fit(dicts: list[dict], y: np.ndarray, C: float, min_df: int = 2):
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for d in dicts:
        for k in d:
            df[k] = df.get(k, 0) + 1
    vocab = sorted(k for k, n in df.items() if n >= min_df or k.startswith("r:"))
    index = {k: i for i, k in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, d in enumerate(dicts):
        for k, v in d.items():
            i = index.get(k)
            if i is not None:
                rows.append(r)
                cols.append(i)
                vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(dicts), len(vocab)))
    clf = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=_SEED)
    clf.fit(x, y)
    return vocab, clf.coef_[0], float(clf.intercept_[0])


def _score(w: dict[str, float], b: float, d: dict[str, float]) -> float:
    return _sigmoid(b + sum(v * w.get(k, 0.0) for k, v in d.items()))


def _decide(items: list[tuple[dict, bool]], probs: list[float], th: float) -> bool:
    return any(s or p >= th for (_, s), p in zip(items, probs))


def cross_validate(items, y: np.ndarray, C: float, extra=(), folds: int = 5, seed: int = _SEED) -> dict:
    """Out-of-fold F1 of the stage's combined decision (strong OR score >= threshold) over all
    rows of the file (rows without a candidate are predicted negative), for each threshold."""
    from sklearn.model_selection import StratifiedKFold

    oof: list[list[float]] = [[] for _ in items]
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        dicts, labels = [], []
        for i in tr:
            for d, _ in items[i]:
                dicts.append(d)
                labels.append(y[i])
        for d in extra:
            dicts.append(d)
            labels.append(1)
        vocab, coef, b = _fit(dicts, np.array(labels), C)
        w = dict(zip(vocab, coef.tolist()))
        for i in te:
            oof[i] = [_score(w, b, d) for d, _ in items[i]]
    curve = []
    for th in np.arange(0.1, 0.95, 0.025):
        pred = np.array([_decide(items[i], oof[i], th) for i in range(len(y))])
        curve.append((th, _prf(pred, y)))
    best_f1 = max(m["f1"] for _, m in curve)
    # the middle of the best plateau (within 0.005 of the best F1) is less noisy than its argmax
    plateau = [th for th, m in curve if m["f1"] >= best_f1 - 0.005]
    th = float(np.median(plateau))
    pred = np.array([_decide(items[i], oof[i], th) for i in range(len(y))])
    strong_only = np.array([any(s for _, s in items[i]) for i in range(len(y))])
    lexicon = np.array([bool(items[i]) for i in range(len(y))])
    return {"threshold": round(th, 3), **_prf(pred, y), "folds": folds, "C": C,
            "strong_rule_only": _prf(strong_only, y), "lexicon_only": _prf(lexicon, y)}


def _prf(pred: np.ndarray, y: np.ndarray) -> dict:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "precision": round(p, 4), "recall": round(r, 4)}


def _extra_positives(spans_json: Path, known: set[str], event_type: str) -> list[dict]:
    """Sentences of the spans file (gold events with coded actors) that are not among the CSV's
    labelled yes/no rows (absent or 'ambiguous' there): extra training positives (never scored)."""
    if not spans_json.exists():
        return []
    recs = json.loads(spans_json.read_text(encoding="utf-8"))
    texts = [r["text"] for r in recs if r.get("text") and r["text"] not in known]
    return [d for items in _row_items(texts, event_type) for d, _ in items]


def prepare(data_dir: Path, event_type: str):
    """Analysed rows of one ar-event-gsr file: (items per row, labels, extra positive dicts)."""
    data_dir = Path(data_dir)
    stem = event_type.lower()
    texts, y = _load_rows(data_dir / f"{stem}_gsr.csv")
    items = _row_items(texts, event_type)
    extra = _extra_positives(data_dir / f"{stem}_spans.json", set(texts), event_type)
    return items, y, extra


def train(data_dir: Path, out: Path = MODEL_PATH, grid=(0.5, 1.0, 2.0, 4.0), prepared: dict | None = None) -> dict:
    data_dir = Path(data_dir)
    arrays: dict[str, np.ndarray] = {}
    report: dict = {"thresholds": {}, "cv": {}, "n": {}, "version": "v2", "seed": _SEED}
    for event_type in TYPES:
        items, y, extra = (prepared or {}).get(event_type) or prepare(data_dir, event_type)
        best = None
        for C in grid:
            cv = cross_validate(items, y, C, extra)
            print(event_type, json.dumps(cv), file=sys.stderr)
            if best is None or cv["f1"] > best["f1"]:
                best = cv
        dicts, labels = [], []
        for i, its in enumerate(items):
            for d, _ in its:
                dicts.append(d)
                labels.append(y[i])
        dicts.extend(extra)
        labels.extend([1] * len(extra))
        vocab, coef, b = _fit(dicts, np.array(labels), best["C"])
        keep = [i for i, c in enumerate(coef) if abs(c) >= 1e-3]
        arrays[f"vocab_{event_type}"] = np.array("\n".join(vocab[i] for i in keep))
        arrays[f"coef_{event_type}"] = np.array([coef[i] for i in keep], dtype=np.float16)
        arrays[f"intercept_{event_type}"] = np.array(b, dtype=np.float32)
        report["thresholds"][event_type] = best["threshold"]
        report["cv"][event_type] = best
        report["n"][event_type] = {"rows": int(len(y)), "positives": int(y.sum()), "candidate_sentences": len(dicts), "extra_positives": len(extra), "features": len(keep)}
    np.savez_compressed(out, meta=np.array(json.dumps(report)), **arrays)
    _model.cache_clear()
    return report


if __name__ == "__main__":  # pragma: no cover
    base = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/events/ar-event-gsr")
    print(json.dumps(train(base), indent=1, ensure_ascii=False))
