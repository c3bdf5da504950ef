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
    assert content_words("The storm killed 12 people in Gaza on Monday") == {
        "storm", "killed", "people", "gaza", "monday"}
    assert content_words("北京大学") == {"北京", "京大", "大学"}
    assert content_words("") == frozenset()


def test_content_words_are_stemmed_in_the_document_language():
    assert content_words("Storms killed people", "en") == content_words("storm kills peoples", "en")
    assert content_words("Stürme töteten Menschen", "de") == content_words("Sturm tötet Menschen", "de")
    # no stemmer for the language: lower-cased words
    assert content_words("Storms killed", "xx") == {"storms", "killed"}


def test_arabic_words_meet_across_clitics_article_and_plural():
    # the conjunction and the prepositions before the article are removed, the article and
    # the plural ending by the stemmer, and the spelling variants folded: one form each
    with_clitics = content_words("والحكومة بالمبادرة للمتظاهرين")
    with_article = content_words("الحكومة المبادره المتظاهرون")
    assert with_clitics == with_article and len(with_article) == 3
    assert content_words("أطلقت") == content_words("اطلقت")
    # the three-letter stem of a common verb (قال) is too short to count
    assert content_words("وقال") == frozenset()


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
    assert sig.body_vec is not None and {"storm", "coast", "peopl"} <= sig.words
    assert sig.title_words == {"storm", "coast"}  # "hits" stems to "hit": too short
    assert doc_signature(doc, unit(1)).body_vec is None
    bare = doc_signature(doc, unit(1), with_words=False)
    assert bare.words == frozenset() and bare.title_words == frozenset()


def test_title_words_fall_back_to_the_first_sentence():
    from marsad.streams.pipeline.stories.similarity import title_text

    titled = make_doc("a", "Storm hits coast", "Two people died.")
    assert title_text(titled) == "Storm hits coast"
    from marsad.schemas import Span

    untitled = make_doc("b", "", "Storm hits the coast. Two people died.")
    assert title_text(untitled) == untitled.text  # no sentences found: the start of the text
    split = untitled.evolve(sentences=(Span(start=0, end=21, text="Storm hits the coast."),
                                       Span(start=22, end=38, text="Two people died.")))
    assert title_text(split) == "Storm hits the coast."


def test_title_word_overlap_is_a_feature_and_missing_without_titles():
    v = unit(1)
    a = Signature(v, title_words=frozenset({"storm", "coast"}))
    b = Signature(v, title_words=frozenset({"storm", "coast", "flood"}))
    assert _named(a, b)["title_words"] == 1.0
    assert math.isnan(_named(a, Signature(v))["title_words"])


def test_title_in_text_averages_the_directions_that_can_be_read():
    v = unit(1)
    a = Signature(v, words=frozenset({"storm", "coast", "flood"}), title_words=frozenset({"storm", "coast"}))
    b = Signature(v, words=frozenset({"storm", "rescue"}), title_words=frozenset({"rescue", "flood", "boat", "crew"}))
    # a's title in b's text: 1 of 2; b's title in a's text: 1 of 4
    assert _named(a, b)["title_in_text"] == pytest.approx((1 / 2 + 1 / 4) / 2)
    # b has no title: only a's title in b's text counts
    untitled = Signature(v, words=b.words)
    assert _named(a, untitled)["title_in_text"] == pytest.approx(1 / 2)
    assert math.isnan(_named(Signature(v, title_words=a.title_words), Signature(v))["title_in_text"])


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
    from marsad.streams.pipeline.stories.similarity import MONOTONE_FEATURES

    assert model.weights["cos"] > 0 and model.weights["cos_body"] > 0
    assert all(model.weights[name] >= 0 for name in MONOTONE_FEATURES)
    # the title overlaps carry the lexical evidence (``words`` adds nothing once they are in)
    assert model.weights["title_words"] > 0 and 0.0 < model.impute["title_words"] < 1.0
    assert model.weights["title_in_text"] > 0 and 0.0 < model.impute["title_in_text"] < 1.0
    assert "GroupKFold" in model.meta.get("cv_folds", "") and 0.0 < model.impute["words"] < 1.0
    assert set(model.meta["cv"]["per_pair"]) >= {"ar-ar", "en-en"}


def test_fit_keeps_overlap_weights_non_negative_but_not_the_others():
    # "words" rises with the cosine but, given the cosine, lowers the odds in these data; an
    # unbounded fit would give it a negative weight, the monotone fit stops it at 0. "ctry" is
    # not an overlap the fit bounds: its weight may go below 0.
    rng = np.random.default_rng(1)
    n = 400
    X = np.zeros((n, len(FEATURES)))
    cos = rng.uniform(0, 1, n)
    same = rng.uniform(0, 1, n) < cos
    X[:, FEATURES.index("cos")] = cos
    X[:, FEATURES.index("words")] = np.clip(cos - 0.5 * same + rng.normal(0, 0.05, n), 0, 1)
    X[:, FEATURES.index("ctry")] = np.clip(1.0 - same + rng.normal(0, 0.05, n), 0, 1)
    X[:, FEATURES.index("time")] = 1.0
    overall = np.where(same, 1.0, 4.0)
    model = fit(X, overall)
    assert model.weights["words"] == 0.0 and model.weights["cos"] > 0 and model.weights["ctry"] < 0
    p = model.score_features(X)
    assert p[same].mean() > p[~same].mean()
