"""The coarse NER view: the name span of a KB mention drops descriptors and articles."""

from marsad.streams.pipeline.entities.coarse import coarse_spans


def _names(stage, text, language):
    out = stage.extract(text, language)
    return {text[s:e]: label for s, e, label in coarse_spans(out, text, stage.kb)}


def test_english_article_before_a_kb_alias_is_dropped(stage_no_ner):
    text = "Officials at the White House said the plan was ready."
    entities = [e for e in stage_no_ner.extract(text, "en") if e.canonical_id == "kb:white-house"]
    assert [e.surface for e in entities] == ["the White House"]  # published whole, for linking
    assert _names(stage_no_ner, text, "en") == {"White House": "ORG"}


def test_arabic_descriptor_still_dropped_and_other_words_kept(stage_no_ner):
    names = _names(stage_no_ner, "شنّت طائرات التحالف الدولي غارات على المدينة.", "ar")
    assert "التحالف الدولي" in names
    assert not any(n.startswith("طائرات") for n in names)
