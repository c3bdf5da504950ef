"""The tagger's fast paths give what the plain ones give (the entity stage's output must not
change for speed): PyStemmer's stems, cached per-token weight vectors, the per-process memo in
front of the name romanizer's index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from marsad.streams.pipeline.entities.ner import features, stemmer
from marsad.streams.pipeline.entities.ner.arabic import MODEL_NAME
from marsad.streams.pipeline.entities.ner.crf import CrfWeights
from marsad.streams.pipeline.entities.ner.features import FeatureExtractor
from marsad.streams.pipeline.entities.ner.gazetteer import RESOURCES, Gazetteer
from marsad.streams.pipeline.entities.ner.text import fold, strip_article, strip_clitics, tokenize

SEED = Path(__file__).resolve().parents[4] / "fixtures" / "seed_ar.txt"
MODEL = RESOURCES / MODEL_NAME

#: Words that exercise the stemmer's rules: diacritics, hamza seats, alef maqsura, ta marbuta,
#: presentation forms and Arabic-Indic digits (normalised first), noun/verb prefixes and
#: suffixes, doubled prefixes, very short words, Latin.
STEMMER_WORDS = (
    "مُحَمَّدٌ", "ﺍﻟﺴﻼﻡ", "١٢٣", "أأكل", "آمنوا", "إسلامية", "بالمدرسة", "كالبيت", "وللمعلمين",
    "فسيكتبونها", "سنكتب", "يكتبان", "تكتبين", "استتبع", "المسلمون", "المعلمات", "كتابهم",
    "كتابكما", "كتابنا", "مستشفى", "الهدى", "سماء", "شيء", "مسؤول", "رئيس", "وبالوالدين",
    "لل", "ال", "و", "في", "من", "Baghdad", "x1", "ـــ", "ىى", "اااا", "بببب", "كككك",
)


def _seed_words() -> list[str]:
    words = set(STEMMER_WORDS)
    for tok, _, _ in tokenize(SEED.read_text(encoding="utf-8")):
        words.add(tok)
        words.add(strip_article(strip_clitics(fold(tok) or tok)[1]))
    return sorted(words)


def test_compiled_stemmer_stems_as_the_pure_python_one_the_model_was_trained_with():
    from snowballstemmer.arabic_stemmer import ArabicStemmer

    reference = ArabicStemmer()
    words = _seed_words()
    assert len(words) > 300
    assert [stemmer.stem(w) for w in words] == [reference.stemWord(w) for w in words]


def _sentences() -> list[list[str]]:
    text = SEED.read_text(encoding="utf-8")
    toks = [t for t, _, _ in tokenize(text)]
    # words that are themselves "|" or a quote, Latin and digits around them
    extra = ["قال", "|", "المتحدث", "|", "«", "Reuters", "|", "x", "»", "في", "2019", "|"]
    return [toks[:120], toks[120:], extra, extra[:2], extra[:1], []]


@pytest.mark.parametrize("cache_bound", [200_000, 130, 20])
def test_emissions_are_the_summed_weights_of_the_training_features(cache_bound, monkeypatch):
    """Inference sums cached per-token vectors; it must score exactly the attributes training
    gives each token (a pair over "|", quotes, gazetteer spans and sentence ends included),
    also when the bounded token cache fills up and starts over (or one text alone overfills
    it)."""
    monkeypatch.setattr(features, "_MAX_TOKENS", cache_bound)
    crf = CrfWeights.from_crfsuite(MODEL)
    gaz = Gazetteer.load(RESOURCES, MODEL.parent)
    train, infer = FeatureExtractor(gaz), FeatureExtractor(gaz, crf)
    reference = pycrfsuite.Tagger()
    reference.open(str(MODEL))
    attrs = set()
    for tokens in _sentences() * 2:  # the second time from the cache
        rows = train.sentence(tokens)
        want = np.array([crf.state[[crf.row(a) for a in row]].sum(0) for row in rows])
        got = infer.emissions(tokens)
        assert got.shape == (len(tokens), len(crf.labels))
        np.testing.assert_allclose(got, want.reshape(got.shape), rtol=0, atol=1e-9)
        assert crf.decode(got) == (reference.tag(rows) if rows else [])
        attrs.update(a for row in rows for a in row)
    known = [a for a in attrs if a in crf.index]
    assert any(a.startswith(("-1:loc", "+1:loc", "loc:")) for a in known)  # spans scored
    assert any(a.startswith(("bg=", "bg+=", "ctx=")) for a in known)  # pairs scored
    assert "inq" in known and "BOS" in known and "EOS" in known


def test_romanizer_index_memo_answers_as_the_index():
    from marsad.streams.pipeline.entities import persons

    tr = persons._transliterator()
    if tr is None or tr.index is None:
        pytest.skip("arabic-name-romanizer or its index is not installed")
    index = tr.index._index
    for key in ("محمد", "عبد", "الله", "مصطفى", "بالي", "no-such-name"):
        for _ in range(2):  # the second answer comes from the memo
            assert tr.index.lookup_unit(key) == index.lookup_unit(key)
            assert tr.index.lookup_unit(key, "SY", "given") == index.lookup_unit(key, "SY", "given")
            assert tr.index.lookup_full(key) == index.lookup_full(key)
    answer = tr.index.lookup_unit("محمد")
    answer.clear()  # a caller's copy: the memo keeps its own
    assert tr.index.lookup_unit("محمد") == index.lookup_unit("محمد")
