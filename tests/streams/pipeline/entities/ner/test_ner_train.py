"""The training module's data splits, written as CoNLL files for ``marsad eval ner``."""

from __future__ import annotations

from marsad.streams.pipeline.entities.ner.corpus import read_conll, read_newsfane
from marsad.streams.pipeline.entities.ner.train import split_newsfane, write_heldout


def _data(root):
    nf = root / "ar-newsfane-gold"
    nf.mkdir(parents=True)
    lines = []
    for i in range(300):  # NewsFANE: no blank lines, a leading U+200E mark, fine classes
        lines += [f"\u200eزار\tO", f"\u200eالوزير{i}\tB-Politician", f"\u200eدمشق\tB-Population-Center",
                  "\u200e.\tO"]
    (nf / "NewsFANE_Gold_test.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    wj = root / "ar-wojood-sample"
    wj.mkdir()
    for name in ("train.txt", "val.txt", "test.txt"):
        (wj / name).write_text("سمير B-PERS\nفي O\nبغداد B-GPE\n\nقال O\n\n", encoding="utf-8")
    return nf / "NewsFANE_Gold_test.txt"


def test_heldout_files_hold_exactly_the_heldout_sentences_with_coarse_tags(tmp_path):
    newsfane = _data(tmp_path / "data")
    result = write_heldout(tmp_path / "data", tmp_path / "out")
    _, held = split_newsfane(list(read_newsfane(newsfane)))
    assert held, "the fixture should put some blocks in the hold-out"
    written = list(read_conll(tmp_path / "out" / "newsfane_heldout.conll"))
    assert written == held
    assert {t for s in written for _, t in s} <= {"O", "B-PER", "B-LOC"}
    assert list(read_conll(tmp_path / "out" / "wojood_test.conll")) == [
        [("سمير", "B-PER"), ("في", "O"), ("بغداد", "B-LOC")], [("قال", "O")]]
    assert sorted(result["sentences"].values()) == sorted([len(held), 2])
