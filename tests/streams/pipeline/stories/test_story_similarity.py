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
    jaccard,
    overlap,
    weighted_jaccard,
)
from tests.streams.pipeline.stories.conftest import T0, unit


def test_overlap_and_features():
    assert overlap({"a": 1, "b": 1}, {"a": 1}) == 1.0
    assert overlap({"a": 1, "b": 1}, {"a": 2, "c": 2}) == 0.5
    assert overlap({}, {"a": 1}) == 0.0
    assert weighted_jaccard({"a": 1, "b": 1}, {"a": 2, "c": 2}) == 1 / 5
    assert jaccard({"a", "b"}, {"b", "c"}) == 1 / 3 and jaccard(set(), {"a"}) == 0.0
    v = unit(1)
    a = Signature(v, {"x": 1}, {"ps": 1}, frozenset({"20"}), T0, T0, frozenset({"en"}), frozenset({"geo:1"}))
    b = Signature(v, {"x": 1, "y": 1}, {"ps": 1}, frozenset({"20", "3"}), T0 + timedelta(hours=48),
                  T0 + timedelta(hours=48), frozenset({"ar"}), frozenset({"geo:1", "geo:2"}))
    f = dict(zip(FEATURES, features(a, b)))
    assert math.isclose(f["cos"], 1.0, rel_tol=1e-5) and math.isclose(f["cos_x"], 1.0, rel_tol=1e-5)
    assert f["ent"] == 0.5 and f["ent_ovl"] == 1.0 and f["ent_both"] == 1.0
    assert f["place"] == 0.5 and f["ctry"] == 1.0 and f["num"] == 0.5
    assert math.isclose(f["time"], math.exp(-2))


def test_country_names_do_not_count_as_story_entities():
    from marsad.streams.pipeline.stories.similarity import doc_entities, doc_places
    from tests.streams.pipeline.stories.conftest import entity, make_doc, place

    syria = place("sy", 35.0, 38.5, gid=163843, kind="country", precision="country")
    raqqa = place("sy", 35.95, 39.01, gid=172955)
    d = make_doc("a", "t", "b.", entities=[entity("Syria", "geo:163843", where=syria),
                                           entity("Raqqa", "geo:172955", where=raqqa),
                                           entity("SDF", "org:sdf", kind="armed_group")])
    assert set(doc_entities(d)) == {"geo:172955", "org:sdf"} and doc_places(d) == {"geo:172955"}


def test_a_news_agency_cited_in_the_body_is_no_story_entity():
    """The Saudi Press Agency names most Saudi reports whatever they are about; an agency in the
    title is what the story is about."""
    from marsad.streams.pipeline.stories.similarity import doc_entities
    from tests.streams.pipeline.stories.conftest import entity, make_doc

    title = "Police arrest two suspects"
    body = " Police said, according to SPA, that two suspects were arrested."
    spa = entity("SPA", "kb:spa", kind="organisation", start=len(title) + body.index("SPA"))
    police = entity("Police", "name:police", kind="organisation", start=0)
    assert set(doc_entities(make_doc("a", title, body, entities=[police, spa]))) == {"name:police"}
    about = make_doc("b", "SPA opens a new bureau", "The agency said.", entities=[entity("SPA", "kb:spa", kind="organisation")])
    assert set(doc_entities(about)) == {"kb:spa"}


def test_model_is_monotone_in_cosine_and_fit_recovers_order():
    m = default_model()
    lo = np.zeros(len(FEATURES))
    lo[0], lo[-1] = 0.2, 1.0
    hi = lo.copy()
    hi[0] = 0.9
    assert m.score_features(hi) > m.score_features(lo)
    rng = np.random.default_rng(0)
    X = np.zeros((200, len(FEATURES)))
    X[:, 0] = rng.uniform(0, 1, 200)
    X[:, -1] = 1.0  # time: constant (no dates), keeps its prior and the bias absorbs it
    overall = 4 - 3 * X[:, 0] + rng.normal(0, 0.1, 200)
    model = fit(X, np.clip(overall, 1, 4))
    assert model.weights["cos"] > 0 and model.weights["time"] == 1.0 and model.weights["ent"] == 0.0
    p = model.score_features(X)
    assert p[X[:, 0] > 0.9].min() > 0.5 > p[X[:, 0] < 0.3].max()
    assert isinstance(model, SimilarityModel)


def test_a_pair_with_an_unreadable_side_scores_the_same_story_share_of_such_pairs():
    """Not the logistic at the mean features: a pair whose page is a login wall is scored by how
    often such pairs were the same story in training, shrunk toward the overall share."""
    from marsad.streams.pipeline.stories.similarity import UNREADABLE_PRIOR_PAIRS

    rng = np.random.default_rng(1)
    X = np.zeros((100, len(FEATURES)))
    X[:, 0] = rng.uniform(0, 1, 100)
    X[:, -1] = 1.0
    overall = np.where(X[:, 0] > 0.7, 1.0, 4.0)  # 30% same story among the readable pairs
    unreadable = np.full((10, len(FEATURES)), math.nan)
    unreadable[:, -1] = 1.0
    X = np.vstack([X, unreadable])
    overall = np.r_[overall, [1.0] * 8 + [4.0] * 2]  # 8 of the 10 unreadable pairs the same story
    model = fit(X, overall)
    share = (8 + UNREADABLE_PRIOR_PAIRS * np.mean(overall <= 2)) / (10 + UNREADABLE_PRIOR_PAIRS)
    assert math.isclose(model.unreadable, share, rel_tol=1e-5)
    scores = model.score_features(X)
    assert np.allclose(scores[100:], share)
    at_mean_features = 1.0 / (1.0 + math.exp(-float(model.logit(unreadable[0]))))
    assert scores[100] > at_mean_features + 0.2
    assert not np.isclose(scores[:100], share).all()  # readable pairs keep their own scores


def test_join_rule_uses_entity_and_number_evidence():
    from marsad.streams.pipeline.stories.similarity import JoinRule

    rule = JoinRule(threshold=0.76, entity_weight=0.3, number_weight=0.2, min_numbers=2)
    v = unit(1)
    story = Signature(v, {"org:airbus": 3, "per:x": 1}, {}, frozenset({"2007", "380", "12"}))
    # a translation: same ids and figures -> joins at a cosine below the threshold
    trans = Signature(v, {"org:airbus": 1, "per:x": 1}, {}, frozenset({"2007", "380"}))
    assert math.isclose(rule.score(trans, story, cos=0.7), 0.7 + 0.3 * 0.5 + 0.2 * 0.5)
    assert rule.score(trans, story, cos=0.7) >= rule.threshold
    # same topic, another event: one shared actor, other figures -> a high cosine is not enough
    other = Signature(v, {"org:airbus": 1, "per:y": 1, "per:z": 2}, {}, frozenset({"2008", "45", "17"}))
    assert rule.score(other, story, cos=0.85) < rule.threshold
    # no evidence on one side: the plain cosine decides
    bare = Signature(v, {}, {}, frozenset({"7"}))
    assert rule.evidence(bare, story) == (None, None) and rule.score(bare, story, cos=0.8) == 0.8


def test_shipped_join_rule_documents_its_selection():
    from marsad.streams.pipeline.stories.similarity import default_join_rule

    rule = default_join_rule()
    assert 0.5 < rule.threshold < 1.0 and rule.entity_weight >= 0 and rule.number_weight >= 0
    assert rule.meta.get("selection") and rule.meta.get("results")
