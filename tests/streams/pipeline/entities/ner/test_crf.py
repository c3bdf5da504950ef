"""The numpy/numba CRF decoder gives crfsuite's labels and marginals for the same weights."""

from __future__ import annotations

import random

import numpy as np
import pycrfsuite

from marsad.streams.pipeline.entities.ner.crf import CrfWeights

LABELS = ("O", "B-PER", "I-PER", "B-LOC")


def _toy_model(path) -> str:
    """A small crfsuite model trained on random sequences: arbitrary weights and transitions."""
    rng = random.Random(7)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(60):
        n = rng.randint(1, 12)
        xs = [[f"a{rng.randint(0, 9)}", f"b{rng.randint(0, 4)}"] for _ in range(n)]
        ys = [LABELS[(int(x[0][1]) + int(x[1][1])) % 4] if rng.random() < 0.8
              else rng.choice(LABELS) for x in xs]
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 60})
    model = str(path / "toy.crfsuite")
    trainer.train(model)
    return model


def test_decode_and_marginals_match_crfsuite(tmp_path):
    model = _toy_model(tmp_path)
    crf = CrfWeights.from_crfsuite(model)
    reference = pycrfsuite.Tagger()
    reference.open(model)
    rng = random.Random(11)
    for n in (1, 2, 3, 7, 40, 200):
        for _ in range(5):
            xs = [[f"a{rng.randint(0, 12)}", f"b{rng.randint(0, 6)}"] for _ in range(n)]
            scores = np.array([crf.state[[crf.row(a) for a in x]].sum(0) for x in xs])
            want = reference.tag(xs)
            assert crf.decode(scores) == want
            marginals = crf.marginals(scores)
            np.testing.assert_allclose(marginals.sum(1), 1.0)
            for t in range(n):
                for k, label in enumerate(crf.labels):
                    # crfsuite's exp is a fast approximation: agree to 1e-5
                    assert abs(marginals[t, k] - reference.marginal(label, t)) < 1e-5


def test_unknown_attributes_score_nothing(tmp_path):
    crf = CrfWeights.from_crfsuite(_toy_model(tmp_path))
    assert crf.row("never-seen") == crf.none
    assert not crf.state[crf.none].any()
    assert crf.decode(np.zeros((0, len(crf.labels)))) == []
