from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.streams.evaluation.similarity import best_threshold, evaluate_similarity, read_pairs, split_title
from marsad.streams.pipeline.stories.similarity import pearson

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "stories"
DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "similarity" / "semeval2022-t8" / "pairs.csv"


@pytest.fixture(scope="session")
def encoder():
    """The USE model, loaded once per test session."""
    from marsad.streams.pipeline.stories.embed import get_encoder

    return get_encoder()


def test_pearson_hand_computed():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # x = [1,2,3,4], y = [1,3,2,4]: cov = 4/... r = 0.8
    assert pearson([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)


def test_reader_and_title_split():
    rows = read_pairs(FIX / "semeval_tiny.csv")
    assert len(rows) == 4 and rows[1]["lang2"] == "ar" and rows[2]["Overall"] == "1.5"
    assert split_title("Title here  Body text.") == ("Title here", "Body text.")
    assert split_title("no title") == ("", "no title")
    # about a quarter of the sample separates title and snippet by a line break
    assert split_title("Title here\nBody text.\nMore.") == ("Title here", "Body text.\nMore.")
    assert split_title("x" * 400 + "\nrest") == ("", "x" * 400 + "\nrest")  # a paragraph, not a title


def test_best_threshold():
    scores = np.array([0.9, 0.8, 0.3, 0.2])
    overall = np.array([1.0, 1.0, 4.0, 3.0])
    t, f1 = best_threshold(scores, overall)
    assert t == pytest.approx(0.8) and f1 == 1.0


def test_evaluate_on_fixture(encoder):
    out = evaluate_similarity(FIX / "semeval_tiny.csv")
    assert out["pairs"] == 4 and out["target"] == "5 - Overall"
    assert out["pearson"] > 0.5  # same-story pairs score higher than unrelated ones
    assert set(out["per_pair"]) == {"ar-ar", "en-ar", "en-en"}


@pytest.mark.data
@pytest.mark.skipif(not DATA.exists(), reason="shared data absent")
def test_semeval_sample_runs(encoder):
    out = evaluate_similarity(DATA)
    assert out["pairs"] == 1283 and out["pearson"] > 0.65


def test_pair_groups_keep_shared_articles_and_texts_together():
    from marsad.streams.evaluation.similarity import pair_groups

    rows = [
        {"pair_id": "1_2", "text1": "a", "text2": "b"},
        {"pair_id": "2_3", "text1": "b", "text2": "c"},    # shares article 2 with the first pair
        {"pair_id": "4_5", "text1": "d", "text2": "e"},
        {"pair_id": "6_7", "text1": "e2", "text2": "c"},   # same text as article 3 under another id
        {"pair_id": "8_9", "text1": "f", "text2": "g"},
        {"pair_id": "odd", "text1": "h", "text2": "i"},    # no ID1_ID2 form: its own group
    ]
    g = pair_groups(rows)
    assert g[0] == g[1] == g[3] and len({g[0], g[2], g[4], g[5]}) == 4
