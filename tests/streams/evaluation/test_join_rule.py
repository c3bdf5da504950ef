from __future__ import annotations

from pathlib import Path

import pytest

from marsad.streams.evaluation.join_rule import (
    GRID,
    Item,
    cross_validate,
    dated,
    fold_of_topics,
    load_corpus,
    select,
    topic_of,
)

from tests.support.conll import airbus_reports

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "stories"


@pytest.fixture(scope="module")
def tiny():
    """Two reports of one storm (cosine 0.51) and an unrelated election report."""
    return load_corpus([FIX / "wcl_tiny.conll"])


def test_topics_of_both_id_layouts_and_their_folds():
    assert topic_of("corpus_airbus/100911") == "corpus_airbus"
    assert topic_of("3/-") == "3"
    items = [Item(t, f"{t}/-", None, None) for t in ("a", "b", "a", "c", "d", "e")]
    assert fold_of_topics(items, folds=4) == {"a": 0, "b": 1, "c": 2, "d": 3, "e": 0}


def test_the_grid_is_the_documented_one():
    assert len(GRID) == 756
    assert (0.75, 0.3, 0.25, 3) in {(float(a), float(b), float(c), int(d)) for a, b, c, d in GRID}


def test_select_takes_the_point_with_the_best_worse_corpus(tiny):
    too_strict, joins_the_storm = (0.9, 0.3, 0.25, 3), (0.45, 0.3, 0.25, 3)
    point, f1 = select({"one": tiny, "same": tiny}, grid=(too_strict, joins_the_storm))
    assert point == joins_the_storm and f1 == {"one": 1.0, "same": 1.0}


def test_held_out_topics_are_scored_with_a_rule_chosen_without_them(tiny):
    out = cross_validate({"tiny": tiny}, folds=2, grid=((0.9, 0.3, 0.25, 3), (0.45, 0.3, 0.25, 3)))
    assert [f["held_out_topics"]["tiny"] for f in out["folds"]] == [["0"], ["1"]]
    # fold 0 (the storm) is chosen on the election alone, where every point scores alike, so the
    # first point wins and the storm's two reports stay apart
    assert out["folds"][0]["rule"] == (0.9, 0.3, 0.25, 3.0)
    assert out["out_of_fold"]["tiny"]["recall"] == 0.0


def test_a_dated_corpus_is_also_scored_with_its_datelines(tmp_path):
    """Two different events worded alike: time-blind, the held-out fold merges them; with their
    datelines (years apart) the same rule keeps them apart."""
    corpus = load_corpus([airbus_reports(tmp_path / "x.conll", "June 13 , 2005", "May 2 , 2011")])
    assert dated(corpus) is not None and dated(corpus[:1] + [Item("t", "t/1", None, None)]) is None
    out = cross_validate({"x": corpus}, folds=1, grid=((0.75, 0.3, 0.25, 3),))
    assert out["out_of_fold"]["x"]["precision"] == 0.0
    assert out["out_of_fold_with_datelines"]["x"]["precision"] == 1.0
