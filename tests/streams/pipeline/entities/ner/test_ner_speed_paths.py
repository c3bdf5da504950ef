"""The tagger's fast paths give what the plain ones give (the entity stage's output must not
change for speed): dict-based Snowball table lookups, model-filtered and UTF-8 encoded
features, the per-process memo in front of the name romanizer's index."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.streams.pipeline.entities.ner import stemmer
from marsad.streams.pipeline.entities.ner.features import FeatureExtractor
from marsad.streams.pipeline.entities.ner.gazetteer import Gazetteer
from marsad.streams.pipeline.entities.ner.text import fold, strip_article, strip_clitics, tokenize

SEED = Path(__file__).resolve().parents[4] / "fixtures" / "seed_ar.txt"

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


def test_dict_lookup_stemmer_stems_as_the_library():
    library = stemmer.library_stemmer()
    fast = stemmer._fast_stemmer()
    if type(fast) is type(library):
        pytest.skip("snowballstemmer runs its C accelerator: nothing to compare")
    words = _seed_words()
    assert len(words) > 300
    assert [fast.stemWord(w) for w in words] == [library.stemWord(w) for w in words]
    assert stemmer.stem("بالمدرسة") == library.stemWord("بالمدرسة")


def _sentences() -> list[list[str]]:
    text = SEED.read_text(encoding="utf-8")
    toks = [t for t, _, _ in tokenize(text)]
    # words that are themselves "|" or a quote, Latin and digits around them
    extra = ["قال", "|", "المتحدث", "|", "«", "Reuters", "|", "x", "»", "في", "2019", "|"]
    return [toks[:120], toks[120:], extra, extra[:1], []]


def test_model_features_are_the_training_features_the_model_knows():
    """With a model (``known``), the tagger's features are the training-mode features filtered
    to the model's attributes (the sentence-boundary and quote markers are always passed), in
    the same order, as UTF-8 bytes."""
    gaz = Gazetteer.load()
    sentences = _sentences()
    train = FeatureExtractor(gaz)  # no model: every attribute
    rows = [train.sentence(s) for s in sentences]
    encoded = FeatureExtractor(gaz, encode=True)
    assert [[[a.decode() for a in row] for row in encoded.sentence(s)] for s in sentences] == rows
    every = sorted({a for sent in rows for row in sent for a in row})
    # a model that knows every other attribute (pairs over "|" included), so filtering matters
    known = frozenset(every[::2]) | {a for a in every if "||" in a}
    assert any(a.startswith(("bg=", "bg+=", "ctx=")) and "|" in a for a in known)
    for encode in (False, True):
        tagger = FeatureExtractor(gaz, known, encode=encode)
        for tokens, plain in zip(sentences, rows):
            want = [[a for a in row if a in known or a in ("BOS", "EOS", "inq")]
                    for row in plain]
            got = tagger.sentence(tokens)
            if encode:
                assert all(isinstance(a, bytes) for row in got for a in row)
                got = [[a.decode() for a in row] for row in got]
            assert got == want
            assert tagger.sentence(tokens) == tagger.sentence(tokens)  # cached: the same


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
