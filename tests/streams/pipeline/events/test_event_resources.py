import re

from marsad.streams.pipeline.events import resources
from marsad.streams.pipeline.events.text import fold

MODES = {
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
}


def test_arabic_triggers_well_formed():
    trigs = resources.triggers_ar()
    assert len(trigs) > 150
    seen = set()
    for t in trigs:
        assert t.type in resources.PLOVER_TYPES
        assert 0 < t.weight <= 1
        assert t.pos in {"V", "N", "X"}
        assert t.frame in {"trans", "attack", "recip", "victim", "intrans"}
        assert fold(t.pattern).text == t.pattern, f"not folded: {t.pattern}"
        if t.type in MODES and t.mode:
            assert t.mode in MODES[t.type]
        key = (t.pattern, t.pos, t.type)
        assert key not in seen, key
        seen.add(key)


def test_english_triggers_and_cues_load():
    assert len(resources.triggers_en()) > 150
    for lang in ("ar", "en"):
        c = resources.cues(lang)
        for key in ("negation", "denial", "future", "allegation", "reporting"):
            assert c[key], key
        assert resources.timex(lang)["weekdays"]
        assert resources.quantities(lang)["kinds"]["killed"]


def test_arabic_cues_are_folded():
    """Every Arabic word of every cue list: an unfolded one ('على ذمة') never matches."""
    c = resources.cues("ar")
    lists = [v for k, v in c.items() if not k.startswith("_") and isinstance(v, list)]
    assert len(lists) > 30
    for words in lists:
        for w in words:
            if re.search("[\u0600-\u06ff]", w):
                assert fold(w).text == w, w


def test_arabic_time_words_are_folded():
    """The timex patterns run on folded text: an unfolded word ('بداية') never matches."""
    t = resources.timex("ar")
    words = [w for key in ("month_lead", "month_past", "month_next", "since", "onset") for w in t[key]]
    words += list(t["months"]) + list(t["weekdays"]) + list(t["periods"])
    assert len(words) > 60
    for w in words:
        assert fold(w).text == w, w


def test_acled_map():
    assert resources.acled_for("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert resources.acled_for("PROTEST", None) == ("Protests", "Peaceful protest")
    assert resources.acled_for("CONSULT", None) == (None, None)


def test_mode_refinements_name_a_kind_of_another_mode():
    assert resources.mode_refinements()["suicide-attack"] == "explosives"
    assert resources.modes_agree("suicide-attack", "explosives") and resources.modes_agree(None, "aerial")
    assert not resources.modes_agree("aerial", "firearms")
    assert resources.sub_events_agree("Suicide bomb", "Remote explosive/landmine/IED")
    assert not resources.sub_events_agree("Suicide bomb", "Air/drone strike")


def test_weapon_modes_are_assault_modes_with_folded_arabic_words():
    for lang in ("ar", "en"):
        table = resources.weapon_modes(lang)
        assert [mode for mode, _ in table][:2] == ["drone", "aerial"]  # the more specific mode first
        for mode, words in table:
            assert mode in MODES["ASSAULT"] and words
            if lang == "ar":
                assert all(fold(w).text == w for w in words), mode


def test_people_counting_nouns_are_folded_and_one_count_each():
    q = resources.quantities("ar")
    one, two = set(q["one_person"]), set(q["two_people"])
    assert len(one) > 50 and len(two) > 20 and not one & two
    for w in one | two | set(q["one_of"]):
        assert fold(w).text == w, w
    assert set(resources.quantities("en")["one_person"]) >= {"soldier", "civilian", "child"}
