"""Train the Arabic CRF from NewsFANE Gold + the Wojood sample, reproducibly.

Split: NewsFANE has no document ids, so consecutive sentences are grouped in blocks of 10
(a pseudo-document, so that one story does not land on both sides) and a block is held out
when ``sha1(block text) % 100 < 12``. Wojood's own ``test.txt`` is held out as a second,
out-of-domain figure. The final model is trained on everything else, so the reported figures
are for the shipped model.

Training also writes two corpus-derived lists next to the model: ``gaz_per_first.corpus.txt``
(first names, from the training part only, so the hold-out figures stay honest) and
``ar-w-initial.corpus.txt`` (words whose initial و is a root letter, used to split the
conjunction off live text the way the corpora do).

    python -m marsad.streams.pipeline.entities.ner.train [--data ../shared/data/ner] [--out DIR]

The held-out parts, as ``token TAG`` CoNLL files for ``marsad eval ner`` (which scores the whole
entity stage, not the bare tagger these figures are for)::

    marsad train ner --heldout-conll /tmp/ner-heldout
    marsad eval ner --format conll /tmp/ner-heldout/newsfane_heldout.conll
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from .arabic import MODEL_NAME, W_INITIAL, ArabicCrfTagger
from .corpus import Sentence, read_newsfane, read_wojood, spans_of
from .features import FeatureExtractor
from .gazetteer import RESOURCES, Gazetteer
from .text import fold, strip_clitics

DEFAULT_DATA = Path(__file__).resolve().parents[5] / "shared" / "data" / "ner"
#: The shipped model's folder; ``marsad train ner`` writes here unless ``--out`` is given.
DEFAULT_OUT = RESOURCES
HOLDOUT_PERCENT = 12
BLOCK = 10
MERGE_PROB = 0.0
PARAMS = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
_CLITIC_TOKENS = frozenset({"و", "ف", "ب", "ل", "ك"})


def split_newsfane(sents: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    train, held = [], []
    for b in range(0, len(sents), BLOCK):
        block = sents[b:b + BLOCK]
        text = " ".join(t for s in block for t, _ in s)
        h = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 100
        (held if h < HOLDOUT_PERCENT else train).extend(block)
    return train, held


def merge_clitics(sent: Sentence, rng: random.Random) -> Sentence:
    """Re-attach some split proclitics (``و العراق`` -> ``والعراق``).

    NewsFANE/ANERcorp split و/ف/ب/ل/ك off words, live text does not; training on both forms
    lets the model handle either. The merged token takes the word's tag. Off by default
    (``MERGE_PROB = 0``): on the NewsFANE hold-out it cost ~0.8 F1 and the tagger instead
    splits the conjunction at run time (``ArabicCrfTagger.split_conjunction``).
    """
    out: Sentence = []
    i = 0
    while i < len(sent):
        tok, tag = sent[i]
        if (tok in _CLITIC_TOKENS and tag == "O" and i + 1 < len(sent)
                and sent[i + 1][0][:1].isalpha() and rng.random() < MERGE_PROB):
            nxt, ntag = sent[i + 1]
            out.append((tok + nxt, ntag))
            i += 2
            continue
        out.append((tok, tag))
        i += 1
    return out


def derive_first_names(sents: list[Sentence], min_count: int = 3) -> list[str]:
    """First words of multi-word PER names that are mostly used as a name start."""
    starts: Counter = Counter()
    total: Counter = Counter()
    for s in sents:
        words = [strip_clitics(fold(t))[1] for t, _ in s]
        for w in words:
            total[w] += 1
        for a, b, k in spans_of([t for _, t in s]):
            if k == "PER" and b - a >= 2:
                starts[words[a]] += 1
    return sorted(w for w, n in starts.items()
                  if n >= min_count and n >= 0.5 * total[w] and len(w) >= 2)


def _load_splits(data_dir: Path) -> tuple[list[Sentence], list[Sentence], list[Sentence], list[Sentence]]:
    """NewsFANE train and held-out parts, Wojood train+val and test."""
    nf = [s for p in sorted((data_dir / "ar-newsfane-gold").glob("NewsFANE*.txt"))
          for s in read_newsfane(p)]
    nf_train, nf_held = split_newsfane(nf)
    wj = data_dir / "ar-wojood-sample"
    wj_train = [s for n in ("train.txt", "val.txt") for s in read_wojood(wj / n)]
    return nf_train, nf_held, wj_train, list(read_wojood(wj / "test.txt"))


def write_heldout(data_dir: Path, out_dir: Path) -> dict:
    """The two held-out parts as ``token TAG`` CoNLL files (coarse IOB2 tags), for
    ``marsad eval ner``. Written outside the repository: the data's licences stay with it."""
    _, nf_held, _, wj_test = _load_splits(Path(data_dir))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, sents in (("newsfane_heldout.conll", nf_held), ("wojood_test.conll", wj_test)):
        path = out_dir / name
        path.write_text("".join("".join(f"{tok} {tag}\n" for tok, tag in s) + "\n"
                                for s in sents), encoding="utf-8")
        written[str(path)] = len(sents)
    return {"sentences": written}


def _train(sents: list[Sentence], fx: FeatureExtractor, path: Path, seed: int) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    rng = random.Random(seed)
    for s in sents:
        s = merge_clitics(s, rng)
        trainer.append(fx.sentence([t for t, _ in s]), [t for _, t in s])
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def _evaluate(tagger: ArabicCrfTagger, sents: list[Sentence]) -> dict:
    from marsad.streams.evaluation.ner import score

    gold = [[t for _, t in s] for s in sents]
    pred = [tagger.tag_tokens([w for w, _ in s]) for s in sents]
    return score(gold, pred)


def main(data_dir: Path = DEFAULT_DATA, out_dir: Path = DEFAULT_OUT, seed: int = 13) -> dict:
    t0 = time.time()
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nf_train, nf_held, wj_train, wj_held = _load_splits(data_dir)
    train = nf_train + wj_train

    names = derive_first_names(train)
    (out_dir / "gaz_per_first.corpus.txt").write_text(
        "# Derived by train.py from the training part of NewsFANE Gold + Wojood: first words\n"
        "# of multi-word PER names seen >= 3 times and mostly as a name start.\n"
        + "\n".join(names) + "\n", encoding="utf-8")
    w_words = sorted({fold(t) for s in nf_train for t, _ in s
                      if t.startswith("و") and len(fold(t)) >= 4})
    (out_dir / W_INITIAL).write_text(
        "# Derived by train.py: folded NewsFANE words starting with و (the conjunction is a\n"
        "# separate token there, so these are words whose و is a root letter).\n"
        + "\n".join(w_words) + "\n", encoding="utf-8")
    fx = FeatureExtractor(Gazetteer.load(RESOURCES, out_dir))
    model = out_dir / MODEL_NAME
    _train(train, fx, model, seed)
    train_s = time.time() - t0

    tagger = ArabicCrfTagger(model)
    metrics = {
        "model": str(model),
        "model_bytes": model.stat().st_size,
        "train_sentences": len(train),
        "train_tokens": sum(len(s) for s in train),
        "train_seconds": round(train_s, 1),
        "heldout_newsfane": _evaluate(tagger, nf_held),
        "heldout_wojood_test": _evaluate(tagger, wj_held),
        "params": PARAMS,
        "seed": seed,
    }
    return metrics


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    print(json.dumps(main(a.data, a.out, a.seed), ensure_ascii=False))
