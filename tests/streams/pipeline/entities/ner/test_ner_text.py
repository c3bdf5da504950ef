"""Tokeniser offsets, folding and clitic handling of the Arabic NER front end."""

from marsad.streams.pipeline.entities.ner.text import fold, is_arabic, strip_clitics, tokenize


def test_tokenize_offsets_round_trip():
    text = 'وأضاف المسؤول بـ"قوات سورية"، مصطفى بالي ٢٠١٤.'
    toks = tokenize(text)
    assert all(text[s:e] == t for t, s, e in toks)
    words = [t for t, _, _ in toks]
    assert words[:4] == ["وأضاف", "المسؤول", "بـ", '"']
    assert "،" in words and "." in words and "٢٠١٤" in words


def test_tokenize_keeps_diacritics_and_tatweel_inside_words():
    text = "شنّت طائـــرات"
    assert [t for t, _, _ in tokenize(text)] == ["شنّت", "طائـــرات"]


def test_fold_unifies_variants():
    assert fold("أحمد") == fold("احمد") == fold("إحمد") == fold("آحمد")
    assert fold("مدرسة") == "مدرسه"
    assert fold("مصطفى") == "مصطفي"
    assert fold("شنّت") == "شنت"
    assert fold("طائـــرات") == "طايرات"
    assert fold("٢٠١٩") == "2019"
    assert fold("\u200eالعراق") == "العراق"


def test_strip_clitics_keeps_article_on_stem():
    assert strip_clitics(fold("والعراق")) == ("و", "العراق")
    assert strip_clitics(fold("بالعراق")) == ("ب", "العراق")
    assert strip_clitics(fold("للأمم")) == ("ل", "الامم")
    assert strip_clitics(fold("وبدمشق")) == ("وب", "دمشق")
    assert strip_clitics(fold("العراق")) == ("", "العراق")
    assert strip_clitics(fold("في")) == ("", "في")


def test_is_arabic():
    assert is_arabic("قال الرئيس")
    assert not is_arabic("The president said")
