"""Body-view cosine, content-word overlap and missing-feature imputation of the similarity model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from marsad.streams.pipeline.stories.similarity import (
    FEATURES,
    MODEL_PATH,
    Signature,
    SimilarityModel,
    content_words,
    doc_signature,
    doc_words,
    features,
    fit,
)
from tests.streams.pipeline.stories.conftest import make_doc, unit


def _named(a: Signature, b: Signature) -> dict[str, float]:
    return dict(zip(FEATURES, features(a, b)))


def test_content_words_skip_short_words_and_digits_and_split_cjk():
    assert content_words("The storm killed 12 people in Gaza on Monday") == {"storm", "killed", "people", "monday"}
    assert content_words("北京大学") == {"北京", "京大", "大学"}
    assert content_words("") == frozenset()


def test_doc_words_read_the_folded_text():
    # the alef with hamza and the ta marbuta are folded, so two spellings of one word match
    a = make_doc("a", "إطلاق المبادرة", "أطلقت الحكومة المبادرة الجديدة.", lang="ar")
    b = make_doc("b", "اطلاق المبادره", "اطلقت الحكومه المبادره الجديده.", lang="ar")
    assert doc_words(a) and doc_words(a) == doc_words(b)


def test_body_cosine_falls_back_to_the_lead_cosine():
    lead_a, lead_b = unit(1), unit(2)
    body_a, body_b = unit(3), unit(3)
    with_body = _named(Signature(lead_a, body_vec=body_a), Signature(lead_b, body_vec=body_b))
    assert math.isclose(with_body["cos_body"], 1.0, rel_tol=1e-5)
    one_side = _named(Signature(lead_a, body_vec=body_a), Signature(lead_b))
    assert math.isclose(one_side["cos_body"], float(lead_a @ lead_b), rel_tol=1e-5)


def test_word_overlap_is_missing_unless_both_sides_have_words():
    v = unit(1)
    a = Signature(v, words=frozenset({"storm", "coast", "killed"}))
    b = Signature(v, words=frozenset({"storm", "coast", "flood", "rescue"}))
    assert _named(a, b)["words"] == pytest.approx(2 / 3)
    assert math.isnan(_named(a, Signature(v))["words"])


def test_doc_signature_carries_body_vector_and_words():
    doc = make_doc("a", "Storm hits coast", "Two people died when a storm hit the coast.")
    sig = doc_signature(doc, unit(1), unit(2))
    assert sig.body_vec is not None and {"storm", "coast", "people"} <= sig.words
    assert doc_signature(doc, unit(1)).body_vec is None


def test_model_imputes_missing_features_with_the_training_mean():
    m = SimilarityModel(weights={"cos": 4.0, "words": 2.0}, bias=-2.0, impute={"words": 0.25})
    x = np.zeros(len(FEATURES))
    x[FEATURES.index("cos")] = 0.6
    filled = x.copy()
    filled[FEATURES.index("words")] = 0.25
    x[FEATURES.index("words")] = math.nan
    assert m.score_features(x) == pytest.approx(m.score_features(filled))
    assert m.score_features(np.vstack([x, filled])).shape == (2,)


def test_fit_fills_missing_values_and_keeps_their_mean():
    rng = np.random.default_rng(0)
    X = np.zeros((300, len(FEATURES)))
    cos = rng.uniform(0, 1, 300)
    X[:, FEATURES.index("cos")] = cos
    X[:, FEATURES.index("cos_body")] = np.clip(cos + rng.normal(0, 0.1, 300), 0, 1)
    words = np.clip(cos + rng.normal(0, 0.2, 300), 0, 1)
    words[::10] = np.nan
    X[:, FEATURES.index("words")] = words
    X[:, FEATURES.index("time")] = 1.0
    overall = np.clip(4 - 3 * cos + rng.normal(0, 0.3, 300), 1, 4)
    model = fit(X, overall)
    assert model.impute["words"] == pytest.approx(float(np.nanmean(words)), abs=1e-6)
    assert model.impute["cos"] == pytest.approx(float(cos.mean()), abs=1e-6)
    assert model.weights["cos"] + model.weights["cos_body"] > 0 and model.weights["words"] > 0
    assert not np.isnan(model.score_features(X)).any()


def test_shipped_model_file_scores_every_feature_and_documents_grouped_cv():
    model = SimilarityModel.load(MODEL_PATH)
    assert set(model.weights) == set(FEATURES)
    assert model.weights["cos"] > 0 and model.weights["cos_body"] > 0 and model.weights["words"] > 0
    assert "GroupKFold" in model.meta.get("cv_folds", "") and 0.0 < model.impute["words"] < 1.0
    assert set(model.meta["cv"]["per_pair"]) >= {"ar-ar", "en-en"}
