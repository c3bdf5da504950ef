from marsad.streams.pipeline.sentences import split_sentences


def test_arabic_sentences_split_on_periods_and_lines():
    text = "قال المتحدث إن الهجوم بدأ. وأضاف أن القوات تقدمت؟ نعم\nسطر جديد"
    assert [s.text for s in split_sentences(text)] == ["قال المتحدث إن الهجوم بدأ.", "وأضاف أن القوات تقدمت؟", "نعم", "سطر جديد"]


def test_abbreviations_initials_and_decimals_do_not_end_sentences():
    text = "Dr. Smith met J. Doe in the U.S. on Monday. Losses were 3.5 percent."
    assert [s.text for s in split_sentences(text)] == ["Dr. Smith met J. Doe in the U.S. on Monday.", "Losses were 3.5 percent."]


def test_offsets_index_the_text_and_run_on_text_is_cut():
    text = "word " * 1000
    spans = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert all(len(s.text) <= 2000 for s in spans) and len(spans) >= 3


def test_chinese_and_japanese_full_stops_end_sentences_without_a_space():
    text = "海地总统周三发表讲话。他呼吁团结！Then English. 東京は晴れ。"
    assert [s.text for s in split_sentences(text)] == ["海地总统周三发表讲话。", "他呼吁团结！", "Then English.", "東京は晴れ。"]
