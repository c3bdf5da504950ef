from __future__ import annotations

import math
from datetime import timedelta

import numpy as np

from marsad.streams.pipeline.stories.similarity import (
    FEATURES,
    Signature,
    SimilarityModel,
    default_model,
    features,
    fit,
    overlap,
)
from tests.streams.pipeline.stories.conftest import T0, unit


def test_overlap_and_features():
    assert overlap({"a": 1, "b": 1}, {"a": 1}) == 1.0
    assert overlap({"a": 1, "b": 1}, {"a": 2, "c": 2}) == 0.5
    assert overlap({}, {"a": 1}) == 0.0
    v = unit(1)
    a = Signature(v, {"x": 1}, {"ps": 1}, frozenset({"20"}), T0, T0, frozenset({"en"}))
    b = Signature(v, {"x": 1, "y": 1}, {"ps": 1}, frozenset({"20", "3"}), T0 + timedelta(hours=48),
                  T0 + timedelta(hours=48), frozenset({"ar"}))
    f = dict(zip(FEATURES, features(a, b)))
    assert math.isclose(f["cos"], 1.0, rel_tol=1e-5) and math.isclose(f["cos_x"], 1.0, rel_tol=1e-5)
    assert f["ent"] == 1.0 and f["geo"] == 1.0 and f["num"] == 1.0
    assert math.isclose(f["time"], math.exp(-2))


def test_model_is_monotone_in_cosine_and_fit_recovers_order():
    m = default_model()
    lo = np.array([0.2, 0, 0, 0, 0, 0, 0, 1.0])
    hi = np.array([0.9, 0, 0, 0, 0, 0, 0, 1.0])
    assert m.score_features(hi) > m.score_features(lo)
    rng = np.random.default_rng(0)
    X = np.zeros((200, len(FEATURES)))
    X[:, 0] = rng.uniform(0, 1, 200)
    overall = 4 - 3 * X[:, 0] + rng.normal(0, 0.1, 200)
    model = fit(X, np.clip(overall, 1, 4))
    assert model.weights["cos"] > 0 and model.weights["ent"] == 2.0  # constant feature keeps its prior
    assert isinstance(model, SimilarityModel)
