"""Label mapping from corpus types to PER/ORG/LOC/MISC, IOB handling, nested Wojood flattening."""

from marsad.streams.pipeline.entities.ner.corpus import coarse_type, read_wojood, to_iob2


def test_newsfane_fine_classes_map_to_coarse():
    assert coarse_type("Politician", "newsfane") == "PER"
    assert coarse_type("Athlete", "newsfane") == "PER"
    assert coarse_type("Nation", "newsfane") == "LOC"
    assert coarse_type("Population-Center", "newsfane") == "LOC"
    assert coarse_type("GPE-Cluster", "newsfane") == "LOC"
    assert coarse_type("Government", "newsfane") == "ORG"
    assert coarse_type("Media", "newsfane") == "ORG"
    assert coarse_type("Non-Governmental", "newsfane") == "ORG"
    assert coarse_type("Group", "newsfane") == "MISC"


def test_wojood_and_conll_types():
    assert coarse_type("PERS", "wojood") == "PER"
    assert coarse_type("GPE", "wojood") == "LOC"
    assert coarse_type("DATE", "wojood") is None
    assert coarse_type("PERS") == coarse_type("PER") == "PER"
    assert coarse_type("LOC") == "LOC"


def test_to_iob2_handles_iob1_fine_types_and_type_changes():
    assert to_iob2(["I-PERS", "I-PERS", "O", "I-LOC"]) == ["B-PER", "I-PER", "O", "B-LOC"]
    assert to_iob2(["B-Nation", "I-Nation", "I-Politician"]) == ["B-LOC", "I-LOC", "B-PER"]
    assert to_iob2(["\u200eB-ORG", "O"]) == ["B-ORG", "O"]


def test_wojood_nested_flattening(tmp_path):
    p = tmp_path / "w.txt"
    p.write_text(
        "مراسلة O\nسكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\n"
        "نابلس I-OCC B-GPE\n$#$ O\n\nالأسد B-PERS\n",
        encoding="utf-8",
    )
    sents = list(read_wojood(p))
    assert [t for _, t in sents[0]] == ["O", "O", "B-ORG", "I-ORG", "O", "B-LOC"]
    assert sents[1] == [("الأسد", "B-PER")]
