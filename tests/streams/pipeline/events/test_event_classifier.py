import json

import numpy as np
import pytest

from marsad.streams.pipeline.events import analyse, classifier
from marsad.streams.evaluation.events import make_doc

pytestmark = pytest.mark.skipif(not classifier.MODEL_PATH.exists(), reason="no trained model")


def _recs(text):
    return analyse(make_doc(text, "ar"))[1]


def test_model_meta_has_cross_validated_scores():
    meta = json.loads(str(np.load(classifier.MODEL_PATH)["meta"]))
    assert meta["version"] == classifier.FEATURE_VERSION
    for t in classifier.TYPES:
        assert 0.0 < meta["thresholds"][t] < 1.0
        assert 0.0 <= meta["cv"][t]["f1"] <= 1.0 and meta["cv"][t]["folds"] == 5 and meta["cv"][t]["grouped_by_text"]
        assert 0.0 <= meta["cv_nested"][t]["f1"] <= 1.0 and len(meta["cv_nested"][t]["chosen"]) == 5
        assert 0.0 <= meta["actors_cv"][t]["both_correct"] <= 1.0


def test_clause_cues_tell_a_main_predicate_from_a_mention():
    report = next(r for r in _recs("قتل مسلحون 5 جنود أمس في هجوم على حاجز للجيش.") if any(c.type == "ASSAULT" for c in r["cands"]))
    mention = next(r for r in _recs("وتحدث الوزير عن التحقيق بعد الهجوم على السفارة.") if any(c.type == "ASSAULT" for c in r["cands"]))
    f_report, f_mention = classifier.features(report, "ASSAULT"), classifier.features(mention, "ASSAULT")
    assert f_report["r:main_pred"] == 1.0 and f_report["r:num_near"] == 1.0 and f_report["r:time_word"] == 1.0
    assert f_mention["r:main_pred"] == 0.0 and f_mention["r:after_sub"] == 1.0


def test_using_swaps_the_model_for_one_block():
    text = "تظاهر آلاف الطلاب أمام البرلمان احتجاجا على القانون."
    rec = next(r for r in _recs(text) if any(c.type == "PROTEST" for c in r["cands"]))
    feats = classifier.features(rec, "PROTEST")
    with classifier.using({"PROTEST": ({"r:bias": 5.0}, 0.0, 0.3)}):
        assert classifier.threshold("PROTEST") == 0.3
        assert classifier.predict([feats], ["PROTEST"])[0] > 0.99
        assert classifier.predict([feats], ["ASSAULT"]) == [None]
    assert classifier.threshold("PROTEST") != 0.3


def test_batched_prediction_matches_single():
    texts = ["قتل مسلحون 5 جنود أمس في هجوم على حاجز للجيش.في بلدة العريش.",
             "تظاهر آلاف الطلاب أمام البرلمان احتجاجا على القانون."]
    feats, types = [], []
    for text, typ in zip(texts, ("ASSAULT", "PROTEST")):
        rec = next(r for r in _recs(text) if any(c.type == typ for c in r["cands"]))
        feats.append(classifier.features(rec, typ))
        types.append(typ)
    batch = classifier.predict(feats, types)
    single = [classifier.predict([f], [t])[0] for f, t in zip(feats, types)]
    assert batch == single and all(0.0 < p < 1.0 for p in batch)


def test_features_are_deterministic_and_blocked():
    rec = next(r for r in _recs("شنت طائرات حربية غارات على مدينة إدلب اليوم.") if r["cands"])
    f1, f2 = classifier.features(rec, "ASSAULT"), classifier.features(rec, "ASSAULT")
    assert f1 == f2
    assert any(k.startswith("w:") for k in f1) and any(k.startswith("c:") for k in f1) and f1["r:bias"] == 1.0


def test_the_most_regularised_c_within_tolerance_is_picked():
    results = [{"C": 0.5, "selection_f1": 0.642}, {"C": 1.0, "selection_f1": 0.645}, {"C": 2.0, "selection_f1": 0.6465},
               {"C": 4.0, "selection_f1": 0.62}]
    assert classifier._most_regularised(results)["C"] == 0.5
    assert classifier._most_regularised([{"C": 0.5, "selection_f1": 0.60}, {"C": 2.0, "selection_f1": 0.65}])["C"] == 2.0


def test_nested_cross_validation_runs_on_a_labelled_file(tmp_path):
    """The training entry point end to end on a small file written here (the dev data is not in
    the repository): every outer fold picks a C and a threshold."""
    import csv

    attacks = ["قتل مسلحون {} جنود في هجوم على حاجز للجيش.", "قصفت الطائرات مواقع المسلحين وقتلت {} منهم.",
               "أصيب {} مدنيين في انفجار عبوة ناسفة."]
    others = ["وتحدث الوزير {} مرات عن الهجوم على السفارة.", "ندد البرلمان بالهجوم الذي وقع قبل {} أعوام.",
              "ناقش المجلس {} تقارير عن الغارات السابقة."]  # attack words, no attack reported
    with (tmp_path / "assault_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["", "label", "text", "event_type"])
        for n in range(3, 11):
            for t in attacks:
                w.writerow([n, "yes", t.format(n), "ASSAULT"])
            for t in others:
                w.writerow([n, "easy no", t.format(n), "ASSAULT"])
    data = classifier.prepare(tmp_path, "ASSAULT")
    scores, models, _ = classifier.nested_cv(data, grid=((0.5, 0.25), (1.0, 1.0)), folds=2)
    assert len(scores["chosen"]) == len(models) == 2 and scores["f1"] > 0.5


def test_a_smaller_rule_scale_costs_a_rule_weight_more():
    """The rule block is fitted scaled down against the n-grams and stored for raw values: a rule
    feature that alone separates the classes gets a smaller weight at scale 0.25 than at 1."""
    pytest.importorskip("sklearn")
    rng = np.random.RandomState(0)
    dicts, y = [], []
    for i in range(60):
        label = i % 2
        d = {f"w:{rng.randint(30)}": 1.0, f"c:{rng.randint(30)}": 1.0, "r:bias": 1.0}
        if label:
            d["r:verbal"] = 1.0
        dicts.append(d)
        y.append(label)
    weight = {s: dict(zip(*classifier._fit(dicts, np.array(y), 1.0, s)[:2]))["r:verbal"] for s in (0.25, 1.0)}
    assert 0.0 < weight[0.25] < weight[1.0]


def test_a_name_is_read_as_its_entity_type():
    """Names seen in training (Tal Afar, a Pakistani tribe) must not make a sentence an attack:
    a token of a named entity is a type in the word n-grams and has no character grams."""
    rec = next(r for r in classifier._analyse_text("قتل مسلحون خمسة جنود في هجوم على حاجز في مدينة الموصل.") if r["cands"])
    feats = classifier.features(rec, "ASSAULT")
    assert "w:<location>" in feats and "w:موصل" not in feats and "w:الموصل" not in feats
    assert not any(k.startswith("c:") and "موصل" in k for k in feats)
    assert "w:جنود" in feats and any(k.startswith("c:") and "جنو" in k for k in feats)


def test_the_threshold_counts_the_span_files_events_in_its_recall():
    """Precision comes from the CSV (the only sample with negatives), recall from every gold
    event: a threshold that drops the span file's protests is not the best one."""
    one = [({}, False)]
    data = classifier.Prepared(["p", "n1", "n2", "n3"], np.array([1, 0, 0, 0]), [one] * 4, ["e1", "e2"], [one, one], [])
    rows = [0, 1, 2, 3]
    csv_only = classifier.Scores(rows={0: [0.9], 1: [0.6], 2: [0.3], 3: [0.2]})
    with_events = classifier.Scores(rows=csv_only.rows, extras={0: [0.7], 1: [0.65]})
    assert classifier._pick_threshold(data, rows, csv_only)[0] > 0.7
    th, f1 = classifier._pick_threshold(data, rows, with_events)
    assert 0.6 < th <= 0.65 and f1 == 1.0


def test_training_one_type_keeps_the_others(tmp_path):
    """Retraining ASSAULT leaves the PROTEST model of the file as it was (weights and meta)."""
    pytest.importorskip("sklearn")
    import csv
    import shutil

    model = tmp_path / "model.npz"
    shutil.copy(classifier.MODEL_PATH, model)
    with (tmp_path / "assault_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["", "label", "text", "event_type"])
        for n in range(3, 13):
            w.writerow([n, "yes", f"قتل مسلحون {n} جنود في هجوم على حاجز للجيش.", "ASSAULT"])
            w.writerow([n, "easy no", f"ندد البرلمان بالهجوم الذي وقع قبل {n} أعوام.", "ASSAULT"])
    with np.load(model) as npz:
        before = dict(npz)
    meta_before = json.loads(str(before["meta"]))
    classifier.train(tmp_path, out=model, grid=((0.5, 0.25),), types=("ASSAULT",))
    with np.load(model) as npz:
        after = dict(npz)
    meta = json.loads(str(after["meta"]))
    assert np.array_equal(after["coef_PROTEST"], before["coef_PROTEST"]) and str(after["vocab_PROTEST"]) == str(before["vocab_PROTEST"])
    assert all(meta[sec]["PROTEST"] == meta_before[sec]["PROTEST"] for sec in ("thresholds", "cv", "cv_nested", "actors_cv"))
    assert meta["n"]["ASSAULT"]["rows"] == 20 and not np.array_equal(after["coef_ASSAULT"], before["coef_ASSAULT"])


def test_training_an_unknown_type_says_which_types_there_are(tmp_path):
    with pytest.raises(ValueError, match="ASSAULT, PROTEST"):
        classifier.train(tmp_path, out=tmp_path / "model.npz", types=("protest",))
