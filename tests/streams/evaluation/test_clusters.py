from __future__ import annotations

from pathlib import Path

import pytest

from marsad.streams.evaluation.clusters import (
    bcubed_scores,
    detokenize,
    evaluate_clusters,
    load_documents,
    pairwise_scores,
    read_conll,
)

from tests.support.conll import airbus_reports

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "stories"
DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "clustering"


@pytest.fixture(scope="session")
def encoder():
    """The USE model, loaded once per test session."""
    from marsad.streams.pipeline.stories.embed import get_encoder

    return get_encoder()


def test_pairwise_hand_computed():
    gold = ["a", "a", "a", "b"]
    pred = ["x", "x", "y", "y"]
    # gold pairs: (0,1) (0,2) (1,2); predicted pairs: (0,1) (2,3); tp = 1
    s = pairwise_scores(gold, pred)
    assert s["precision"] == 0.5 and s["recall"] == round(1 / 3, 4) and s["f1"] == 0.4
    assert pairwise_scores(gold, gold)["f1"] == 1.0


def test_bcubed_hand_computed():
    gold = ["a", "a", "a", "b"]
    pred = ["x", "x", "y", "y"]
    # precision per doc: 1, 1, 1/2, 1/2 -> 0.75; recall: 2/3, 2/3, 1/3, 1 -> 2/3
    s = bcubed_scores(gold, pred)
    assert s["precision"] == 0.75 and s["recall"] == round(2 / 3, 4)
    assert s["f1"] == round(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3), 4)


def test_reader_and_gold():
    docs = read_conll(FIX / "wcl_tiny.conll")
    assert [d for d, _ in docs] == ["0/-/0_L", "0/-/0_R", "1/-/1_L"]
    assert detokenize(docs[0][1][1]) == "Two died, officials said."
    items = load_documents([FIX / "wcl_tiny.conll"])
    assert [i.gold for i in items] == ["0/-", "0/-", "1/-"]
    assert items[0].title == "Storm hits coast." and items[0].body == "Two died, officials said."
    multi = load_documents([FIX / "en" / "tiny.conll", FIX / "es" / "tiny.conll"])
    assert [(i.gold, i.language) for i in multi] == [("corpus_x/1", "en"), ("corpus_x/2", "en"),
                                                      ("corpus_x/1", "es")]
    assert len({i.key for i in multi}) == 3


def test_a_directory_stands_for_its_conll_files_in_path_order(tmp_path):
    for lang in ("es", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "tiny.conll").write_bytes((FIX / lang / "tiny.conll").read_bytes())
    (tmp_path / "README.txt").write_text("not a conll file")
    items = load_documents([tmp_path])
    assert [(i.gold, i.language) for i in items] == [("corpus_x/1", "en"), ("corpus_x/2", "en"),
                                                      ("corpus_x/1", "es")]


def test_evaluate_on_fixture(encoder):
    out = evaluate_clusters([FIX / "wcl_tiny.conll"])
    assert out["documents"] == 3 and out["gold_clusters"] == 2
    assert set(out["pairwise"]) == {"precision", "recall", "f1"}


@pytest.mark.data
@pytest.mark.skipif(not (DATA / "newswcl50" / "NewsWCL50.conll").exists(), reason="shared data absent")
def test_newswcl50_runs(encoder):
    out = evaluate_clusters([DATA / "newswcl50" / "NewsWCL50.conll"])
    assert out["documents"] == 50 and out["pairwise"]["f1"] > 0.5



def test_datelines_separate_reports_written_years_apart(encoder, tmp_path):
    """Two different events worded alike merge without time; their datelines keep them apart."""
    corpus = airbus_reports(tmp_path / "c.conll", "June 13 , 2005", "May 2 , 2011")
    assert [d.dateline.date().isoformat() for d in load_documents([corpus])] == ["2005-06-13", "2011-05-02"]
    dated = evaluate_clusters([corpus])
    blind = evaluate_clusters([corpus], datelines=False)
    assert dated["published_time"] == "datelines" and dated["system_clusters"] == 2
    assert blind["published_time"].startswith("fixed") and blind["system_clusters"] == 1


def test_one_undated_document_leaves_every_document_at_the_fixed_time(encoder, tmp_path):
    out = evaluate_clusters([airbus_reports(tmp_path / "c.conll", "June 13 , 2005", None)])
    assert out["documents_with_dateline"] == 1 and out["published_time"].startswith("fixed")
    assert out["system_clusters"] == 1
