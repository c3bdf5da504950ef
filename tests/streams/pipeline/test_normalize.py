from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.streams.pipeline.normalize import compose_text, fold, looks_like_html, strip_html


def test_fold_maps_every_folded_char_back_to_its_original_offset():
    text = "قالَ أحمدُ ـــ إنّ ٢٠ ألفاً على"
    folded = fold(text)
    assert folded.text == "قال احمد  ان 20 الفا علي"
    start = folded.text.index("احمد")
    assert text[slice(*folded.to_original(start, start + 4))] == "أحمدُ"[:4]
    assert text[slice(*folded.to_original(folded.text.index("20"), folded.text.index("20") + 2))] == "٢٠"


def test_fold_removes_invisible_and_bidi_marks_and_lowercases():
    folded = fold("\u200eSDF\u202b قسد\u200b")
    assert folded.text == "sdf قسد"
    assert len(folded.origin) == len(folded.text) + 1


def test_fold_handles_nfkc_expansion_with_offsets():
    text = "ﻻ شيء ﬁnal"  # lam-alef ligature and 'fi' ligature expand under NFKC
    folded = fold(text)
    assert folded.text.startswith("لا شيء fi")
    i = folded.text.index("final")
    assert text[slice(*folded.to_original(i, i + 5))] == "ﬁnal"


def test_alef_maqsura_is_folded_only_in_the_matching_view():
    text, body_start = compose_text("", "سيطر على المدينة")
    assert "على" in text
    assert "علي" in fold(text).text


def test_html_is_stripped_into_lines_and_scripts_dropped():
    html = "<p>First &amp; <b>bold</b></p><script>alert(1)</script><p>Second<br>line</p>"
    assert looks_like_html(html)
    assert strip_html(html) == "First & bold\nSecond\nline"


def test_plain_text_with_angle_brackets_is_not_treated_as_html():
    assert not looks_like_html("Casualties rose to < 20 and > 5 in the area")


def test_compose_text_puts_the_title_before_the_body():
    text, start = compose_text("Title", "Body text.")
    assert text == "Title\n\nBody text." and text[start:] == "Body text."
    assert compose_text("", "  Body  ") == ("Body", 0)


def test_html_with_thousands_of_tags_takes_the_linear_path_and_keeps_the_text():
    html = "<p>line</p>" * 3000 + "<script>var x = '<b>';</script><p>end &amp; more</p>"
    text = strip_html(html)
    assert text.endswith("end & more") and "var x" not in text and text.count("line") == 3000


def test_a_body_with_no_visible_text_is_dead_lettered_as_empty():
    from datetime import UTC, datetime

    import pytest

    from marsad.schemas import RawArticle
    from marsad.streams.errors import RejectedInput
    from marsad.streams.pipeline.doc import Doc, FoldedText
    from marsad.streams.pipeline.normalize import Normalize

    article = RawArticle(id="a", outlet="o", body="<script>alert(1)</script>", published_at=datetime.now(UTC))
    with pytest.raises(RejectedInput) as raised:
        Normalize()(Doc(article=article, text="", body_start=0, folded=FoldedText("", (0,))))
    assert raised.value.reason == "empty_body"


def _fold_one_by_one(text: str):
    """The definition of the NFKC path: every character folded on its own."""
    import unicodedata

    from marsad.streams.pipeline.normalize import _FOLD_TABLE

    out, origin = [], []
    for i, ch in enumerate(text):
        for piece in unicodedata.normalize("NFKC", ch).translate(_FOLD_TABLE).lower():
            out.append(piece)
            origin.append(i)
    return "".join(out), (*origin, len(text))


_MIXED = "".join(map(chr, [*range(0x20, 0x7F), *range(0x600, 0x6FF), 0xA0, 0xB2, 0x130, 0x3A3, 0x640, 0x200F,
                           0xFB01, 0xFDFA, 0xFE8D, 0xFEFB, 0xFF21, 0x2126, 0x1D400]))


@given(st.text(alphabet=_MIXED, max_size=80))
@settings(max_examples=500, deadline=None)
def test_bulk_runs_fold_exactly_as_one_character_at_a_time(text):
    import unicodedata

    folded = fold(text)
    if not unicodedata.is_normalized("NFKC", text):
        assert (folded.text, folded.origin) == _fold_one_by_one(text)
    assert len(folded.origin) == len(folded.text) + 1
