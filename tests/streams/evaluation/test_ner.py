"""The NER evaluator: CoNLL reader variants and exact-span scoring arithmetic."""

import json
from pathlib import Path

import pytest

from marsad.streams.evaluation.ner import evaluate, read, score

TWO_COL = "\ufeff-DOCSTART- O\n\n\u200eقال O\n\u200eمحمد B-PERS\n\u200eعلي I-PERS\nفي O\nبغداد B-LOC\n\n" \
          "وزارة B-Government\nالداخلية I-Government\n"
FOUR_COL = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n" \
           "German JJ B-NP I-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n"


def test_reads_two_column_with_marks_docstart_and_pers(tmp_path):
    p = tmp_path / "ar.txt"
    p.write_text(TWO_COL, encoding="utf-8")
    sents = read(p)
    assert len(sents) == 2
    assert sents[0] == [("قال", "O"), ("محمد", "B-PER"), ("علي", "I-PER"), ("في", "O"), ("بغداد", "B-LOC")]
    assert [t for _, t in sents[1]] == ["B-ORG", "I-ORG"]  # fine NewsFANE class mapped


def test_reads_four_column_iob1(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text(FOUR_COL, encoding="utf-8")
    sents = read(p)
    assert [w for w, _ in sents[0]] == ["EU", "rejects", "German", "call", "."]
    assert [t for _, t in sents[0]] == ["B-ORG", "O", "B-MISC", "O", "O"]
    assert [t for _, t in sents[1]] == ["B-PER", "I-PER"]


def test_score_arithmetic_by_hand():
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "B-MISC"],
            ["B-LOC", "O", "B-ORG", "I-ORG"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O"],
            ["B-LOC", "O", "B-ORG", "O"]]
    # gold PER/ORG/LOC spans: PER(0,2) LOC(3,4) ORG(5,6) | LOC(0,1) ORG(2,4)  -> 5
    # predicted:              PER(0,2) ORG(3,4) ORG(5,6) | LOC(0,1) ORG(2,3)  -> 5
    # correct: PER(0,2), ORG(5,6), LOC(0,1) -> 3;  MISC ignored
    r = score(gold, pred)
    assert r["counts"] == {"gold": 5, "predicted": 5, "correct": 3, "sentences": 2, "tokens": 11}
    assert r["precision"] == r["recall"] == r["f1"] == 0.6
    assert r["per_type"]["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    # ORG: gold 2, pred 3, correct 1 -> p 1/3 r 1/2 f 0.4
    assert r["per_type"]["ORG"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4, "support": 2}
    # LOC: gold 2, pred 1, correct 1 -> p 1 r .5 f .6667
    assert r["per_type"]["LOC"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert set(r) == {"precision", "recall", "f1", "per_type", "counts"}


class _Echo:
    """A fake tagger that returns fixed tags, to test evaluate() without a model."""

    language = "ar"

    def tag_tokens(self, tokens):
        return ["B-PER" if t == "محمد" else "I-PER" if t == "علي" else "O" for t in tokens]


def test_evaluate_with_given_tagger(tmp_path):
    p = tmp_path / "ar.txt"
    p.write_text(TWO_COL, encoding="utf-8")
    r = evaluate([p], tagger=_Echo())
    assert r["counts"]["gold"] == 3 and r["counts"]["correct"] == 1 and r["counts"]["predicted"] == 1
    assert r["language"] == "ar"
    json.dumps(r)


DEV = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ner" / "ar-wojood-sample" / "test.txt"


@pytest.mark.data
def test_shipped_model_on_wojood_test(tmp_path):
    """Wojood is nested, so flatten it to a 2-column file first (held out from training)."""
    if not DEV.exists():
        pytest.skip("shared data absent")
    from marsad.streams.pipeline.entities.ner.corpus import read_wojood

    p = tmp_path / "wojood-test.conll"
    p.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in read_wojood(DEV)),
                 encoding="utf-8")
    r = evaluate([p])
    assert r["language"] == "ar"
    assert r["f1"] > 0.7


def test_project_char_spans_onto_tokens():
    from marsad.streams.evaluation.ner import project, sentence_doc

    doc, offs = sentence_doc(["\u200eقال", "مصطفى", "بالي", "في", "بغداد"], "ar")
    assert doc.text == "قال مصطفى بالي في بغداد" and offs[1] == (4, 9)
    # a span starting inside a token still claims it; the outer span wins over a nested one
    tags = project([(5, 14, "PER"), (18, 23, "LOC"), (18, 20, "ORG")], offs)
    assert tags == ["O", "B-PER", "I-PER", "O", "B-LOC"]


def test_evaluate_runs_the_entity_stage(tmp_path):
    p = tmp_path / "ar.txt"
    p.write_text(TWO_COL, encoding="utf-8")
    r = evaluate([p])
    assert r["system"] == "entities.v1" and r["counts"]["gold"] == 3
    assert r["per_type"]["LOC"]["recall"] == 1.0  # بغداد, from the gazetteer
