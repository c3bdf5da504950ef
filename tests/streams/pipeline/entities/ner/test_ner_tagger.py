"""The public loader: shipped Arabic CRF and spaCy English/French taggers."""

import pytest

from marsad.streams.pipeline.entities.ner import NerSpan, load_tagger

SEED = (
    'وأضاف المسؤول الإعلامي بـ"قوات سورية الديمقراطية"، مصطفى بالي، "ستنطلق المعركة هذه '
    'الليلة". إلى ذلك، شنّت طائرات التحالف الدولي هجوماً على الجيب الأخير لتنظيم "داعش" '
    "في ريف دير الزور، شرقي سورية."
)


def _found(text, spans, surface, label):
    return any(text[s.start:s.end].endswith(surface) and s.label == label
               and len(text[s.start:s.end]) <= len(surface) + 5 for s in spans)


def test_arabic_tagger_finds_person_and_place():
    tagger = load_tagger("ar")
    assert tagger is not None
    assert load_tagger("ar") is tagger  # cached
    spans = tagger.tag(SEED)
    assert all(isinstance(s, NerSpan) and 0 <= s.start < s.end <= len(SEED) for s in spans)
    assert all(0.0 <= s.score <= 1.0 for s in spans)
    assert _found(SEED, spans, "مصطفى بالي", "PER")
    assert _found(SEED, spans, "دير الزور", "LOC")


def test_arabic_span_drops_attached_conjunction():
    tagger = load_tagger("ar")
    text = "وصل الوفد إلى بغداد والقاهرة أمس."
    spans = tagger.tag(text)
    assert "القاهرة" in [text[s.start:s.end] for s in spans]


def test_a_name_that_starts_with_a_preposition_letter_keeps_it():
    tagger = load_tagger("ar")
    text = "قال بلاتر إنه لن يستقيل من رئاسة الفيفا."  # not ب + لاتر, a town the geocoder never matches
    assert "بلاتر" in [text[s.start:s.end] for s in tagger.tag(text)]
    text = "وصل الوفد بحلب أمس."
    assert "حلب" in [text[s.start:s.end] for s in tagger.tag(text)]


def test_arabic_tag_tokens_is_iob():
    tagger = load_tagger("ar")
    toks = ["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس"]
    tags = tagger.tag_tokens(toks)
    assert len(tags) == len(toks)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert tags[-1] == "B-LOC"


def test_unknown_language_has_no_tagger():
    assert load_tagger("xx") is None


def test_english_tagger_finds_org():
    tagger = load_tagger("en")
    if tagger is None:
        pytest.skip("spaCy English model not installed")
    text = "Reuters reported that Microsoft opened an office in Paris."
    spans = tagger.tag(text)
    assert any(s.label == "ORG" and text[s.start:s.end] in ("Reuters", "Microsoft") for s in spans)
    assert any(s.label == "LOC" and text[s.start:s.end] == "Paris" for s in spans)
    tags = tagger.tag_tokens(["Reuters", "said", "Paris", "is", "calm", "."])
    assert tags[0] == "B-ORG"
