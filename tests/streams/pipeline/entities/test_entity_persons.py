"""Person names from given names and titles, and the NER person spans the stage accepts."""

import pytest

from marsad.streams.pipeline.entities import persons


@pytest.mark.parametrize("text", [
    "وقال المتحدث باسم الجيش العراقي إن القوات تقدمت.",
    "وأوضح الناطق الرسمي باسم وزارة الداخلية أن الهجوم فشل.",
    "ونقلت الوكالة عن متحدث باسم الأمم المتحدة قوله إن القافلة وصلت.",
])
def test_in_the_name_of_after_a_spokesman_is_not_a_person(run, stage, make_doc, text):
    assert not [e for e in run(text) if e.type == "person"]  # rules only
    assert not [e for e in stage(make_doc(text)).entities
                if e.type == "person" and e.surface.startswith("باسم")]  # with the NER model


@pytest.mark.parametrize("text", [
    "وقال اللواء شنقريحة: باسم السيد رئيس الجمهورية، آمركم بالعمل تحت سلطته.",
    "وأعلن العقيد باسم رئيس الجمهورية تنصيب القائد الجديد.",
])
def test_in_the_name_of_before_a_title_is_not_a_person(run, stage, make_doc, text):
    for entities in (run(text), stage(make_doc(text)).entities):  # rules only, then with the NER model
        assert not [e.surface for e in entities if e.type == "person" and e.surface.startswith("باسم")]


def test_basim_is_still_a_name_after_a_title():
    text = "وقال الناشط باسم العلي إن القصف استمر."
    spans = persons.find_persons_in(text)
    assert [text[s.start:s.end] for s in spans] == ["باسم العلي"]
    assert not persons.ner_span_ok("المتحدث باسم الجيش", 8, 18)
    assert persons.ner_span_ok("الناشط باسم العلي", 7, 17)


def test_a_title_the_tagger_spans_is_cut_off_the_name(stage, make_doc):
    text = ("أشرف رئيس أركان الجيش الوطني الشعبي بالنيابة, اللواء السعيد شنقريحة، على تنصيب العميد "
            "عبد الغني راشدي مديرا عاما للأمن الداخلي.")
    names = [e for e in stage(make_doc(text)).entities if e.type == "person"]
    assert [e.surface for e in names] == ["السعيد شنقريحة", "عبد الغني راشدي"]
    assert "loua" not in names[0].canonical_id


def test_trim_titles_keeps_the_name_and_drops_a_bare_role():
    text = "اللواء السعيد شنقريحة"
    assert text[persons.trim_titles(text, 0, len(text)):] == "السعيد شنقريحة"
    role = "والرئيس الوزير"
    assert persons.trim_titles(role, 0, len(role)) == len(role)


@pytest.mark.parametrize("span, name", [
    ("رئيس الجمهورية", ""),                             # the Republic is no one's name
    ("وزير الخارجية سامح شكري", "سامح شكري"),
    ("رئيس الوزراء العراقي حيدر العبادي", "حيدر العبادي"),
    ("قائد الحرس الثوري اللواء حسين سلامي", "حسين سلامي"),
    ("اللواء السعيد شنقريحة", "السعيد شنقريحة"),          # a definite title governs nothing
])
def test_the_definite_words_a_title_governs_belong_to_the_role(span, name):
    assert span[persons.trim_titles(span, 0, len(span)):] == name


@pytest.mark.parametrize("text", [
    "وكان مدير منظمة الصحة العالمية قال أمس إن فيروس كورونا يمكن تصنيفه بأنه وباء عالمي.",
    "وطلب النائب العام الالتزام بتدابير وزارة الصحة بخصوص التعامل مع فيروس كورونا.",
    "أحمد موسى: إصابات كورونا ستزداد بسبب تكدس أولياء الأمور أمام لجان الثانوية.",
])
def test_a_virus_the_tagger_calls_a_person_is_not_one(stage, make_doc, text):
    """The tagger learned from news before 2020: to it 'فيروس كورونا' reads like a name, and every
    article of the pandemic shared a person called 'firous-kourouna'."""
    assert not [e.surface for e in stage(make_doc(text)).entities if e.type == "person" and "كورونا" in e.surface]
