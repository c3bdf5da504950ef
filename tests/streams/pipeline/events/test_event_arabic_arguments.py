"""Arabic argument rules found by the actor error analysis on the ar-event-gsr span files:
passive reading of undiacritised killing verbs, agent phrases far from the trigger, partitive
'من', subjects before قد, the Taliban homograph, verbs after an attacker noun, protest targets;
victims of a casualty noun under a result verb (أسفر عن مقتل X), the people named after بينهم,
reflexive suicide bombings (فجّر نفسه قرب X), counted subjects before the verb, protesters as
one side of بين X و Y, clause boundaries between two triggers, and كان opening a coordinated
clause; explosions whose subject is the device, quotations bounding a subject, the weak 'armed'
noun giving way to a stronger trigger, a count opening the object, people before an objectless
killing verb as its victims, the reflexive ending a bomber subject, tens in the nominative;
what a protest is against (a protested event's party, those opposed, slogans), and what ends
a verb's subject (the object of a definite verb-subject-object clause, a بـ phrase); a definite
event noun taking no genitive, members and counted people as victims, what an attack verb hits;
casualties lent to the one attack beside them, an oblique plural opening the object; weak
triggers their own phrase supports (a gathering with a crowd count, a projectile launched at a
target); where a phrase ends (a coordinated verb, a place after بـ, a time word, a claim verb, an
indefinite noun after a name or a definite noun); a counted subject before an attack verb that
has no passive reading, a written damma, a quotation after its speaker, a group's name that looks
like a support verb, the shooters between أطلق and النار, weapon and place phrases after a
target. Sentences are written for these tests (no shared data)."""

import pytest

from marsad.streams.evaluation.events import make_doc, run_stage
from marsad.streams.pipeline.events import analyse, classifier

from tests.support.events import arabic_roles as _roles


def _cands(text, typ):
    out = []
    for rec in analyse(make_doc(text, "ar"))[1]:
        toks = rec["sent"].tokens
        words = lambda sp: " ".join(t.text for t in toks[sp[0]:sp[1]])  # noqa: E731
        for c in rec["cands"]:
            if c.type == typ:
                out.append({"trigger": words(c.tok), "sources": [words(s) for s in c.sources], "targets": [words(s) for s in c.targets], "type": c.type})
    return out


def _all_types(text):
    return {c.type for rec in analyse(make_doc(text, "ar"))[1] for c in rec["cands"]}


def test_clause_initial_killing_verb_with_people_after_it_is_passive():
    got = _cands("وقتل شخص بعد تعرضه للضرب.", "ASSAULT")
    kill = next(c for c in got if c["trigger"] == "وقتل")
    assert kill["sources"] == [] and kill["targets"] == ["شخص"]


def test_active_killing_verb_keeps_its_agent():
    got = _cands("وقتل مفجر انتحاري 42 مجندا في الجيش في نوفمبر.", "ASSAULT")
    kill = next(c for c in got if c["trigger"] == "وقتل")
    assert any("مفجر" in s for s in kill["sources"])


def test_time_adverbs_between_verb_and_counted_victims_are_skipped():
    got = _cands("قتل أمس سبعة من عناصر الشرطة الأفغانية في غرب افغانستان.", "ASSAULT")
    kill = next(c for c in got if c["trigger"] == "قتل")
    assert kill["targets"] and kill["targets"][0].startswith("عناصر")


def test_partitive_min_is_not_an_agent():
    got = _cands("أصيب فجر أمس ثلاثة من عناصر القوة التنفيذية في انفجار عبوة جانبية.", "ASSAULT")
    hurt = next(c for c in got if c["trigger"] == "اصيب")
    assert not any("عناصر" in s for s in hurt["sources"])
    assert any("عناصر" in t for t in hurt["targets"])


def test_explicit_agent_phrase_is_found_past_a_parenthesis():
    got = _cands("وأعلنت الشرطة أن المدير خطف في وسط مدينة تيزي وزو (110 كلم شرق العاصمة) من قبل أربعة مسلحين.", "ASSAULT")
    assert any(any("مسلحين" in s for s in c["sources"]) for c in got)


def test_subject_before_qad_and_taliban_is_not_a_request_verb():
    text = "وكانت حركة طالبان قد خطفت 23 من الكوريين الجنوبيين في يوليو."
    assert "REQUEST" not in _all_types(text)
    kidnap = next(c for c in _cands(text, "ASSAULT") if c["trigger"] == "خطفت")
    assert kidnap["sources"] == ["حركه طالبان"]
    assert any("الكوريين" in t for t in kidnap["targets"])


def test_verb_after_attacker_noun_carries_the_event():
    got = _cands("ان مسلحين مجهولين خطفوا قبل ظهر أمس أميركيا في البصرة.", "ASSAULT")
    kidnap = next(c for c in got if c["trigger"] == "خطفوا")
    assert kidnap["sources"] == ["مسلحين مجهولين"] and kidnap["targets"] == ["اميركيا"]


def test_protest_target_is_a_party_not_an_issue():
    party = _cands("تظاهر مئات الطلاب أمس احتجاجا على الحكومة في العاصمة.", "PROTEST")
    assert any(any("الحكومه" in t for t in c["targets"]) for c in party)
    issue = _cands("تظاهر مئات الطلاب أمس احتجاجا على الظلم في العاصمة.", "PROTEST")
    assert all(c["targets"] == [] for c in issue)


def test_what_protesters_face_after_ala_is_a_party_not_a_place_or_a_cause():
    place = _cands("وشكل مئات من المتظاهرين سلسلة بشرية على مشارف المطار للاحتجاج على الظلم.", "PROTEST")
    assert all(c["targets"] == [] for c in place)
    cause = _cands("اشتبك المتظاهرون مع الشرطة على خلفية مقتل شاب.", "PROTEST")
    assert not any(t.startswith("خلفيه") for c in cause for t in c["targets"])
    party = _cands("احتشد المتظاهرون في الساحة ضد الحكومة.", "PROTEST")
    assert any(t.startswith("الحكومه") for c in party for t in c["targets"])


def test_a_state_named_or_by_its_nationality_is_what_a_protest_is_against():
    adjective = _cands("ورفع المتظاهرون لافتات عبروا فيها عن رفضهم للسياسات الاميركية في المنطقة.", "PROTEST")
    assert any("الاميركيه" in t for c in adjective for t in c["targets"])
    departure = _cands("وهتف المتظاهرون مطالبين برحيل السلطات العسكرية في البلاد.", "PROTEST")
    assert any("السلطات العسكريه" in t for c in departure for t in c["targets"])
    # a state further inside qualifies the issue: 'the continuing Iraq war' is not a party
    issue = _cands("تجمع آلاف المتظاهرين أمس احتجاجا على استمرار حرب العراق.", "PROTEST")
    assert all(c["targets"] == [] for c in issue)


def test_national_names_states_and_their_adjectives_not_short_homographs():
    from marsad.streams.pipeline.events.arabic import national

    def is_national(text):
        sent = analyse(make_doc(text, "ar"))[1][0]["sent"]
        return national(sent, (0, len(sent.tokens)))

    assert is_national("أميركا") and is_national("الغارات الإسرائيلية") and is_national("تركيا")
    assert not is_national("سور المدينة") and not is_national("ترك المكان")


def test_min_after_a_word_of_nearness_is_a_place_not_an_agent():
    got = _cands("وقع هجوم بالقذائف على مدرسة للبنات بالقرب من السفارة الاميركية في صنعاء.", "ASSAULT")
    assert got and not any("السفاره" in src for c in got for src in c["sources"])
    agent = _cands("وقع هجوم بالقذائف على مدرسة للبنات من قبل مسلحين مجهولين.", "ASSAULT")
    assert any("مسلحين" in src for c in agent for src in c["sources"])


def test_crowd_noun_is_not_replaced_by_a_later_from_phrase():
    got = _cands("تجمع آلاف المتظاهرين القادمين من ولايات بعيدة أمام البرلمان.", "PROTEST")
    assert any(any("المتظاهرين" in s for s in c["sources"]) for c in got)
    assert not any(any(s.startswith("ولايات") for s in c["sources"]) for c in got)


def _by_trigger(got, trigger):
    return next(c for c in got if c["trigger"] == trigger)


def test_casualty_noun_after_a_result_verb_takes_its_victim():
    got = _cands("انفجرت سيارة مفخخة في السوق مما أدى إلى مقتل قائد الشرطة المحلية.", "ASSAULT")
    kill = _by_trigger(got, "مقتل")
    assert any(t.startswith("قائد الشرطه") for t in kill["targets"])


def test_result_verb_does_not_lend_a_far_noun_a_victim_across_a_comma():
    got = _cands("انفجرت عبوة ناسفة في سوق المدينة، وأسفرت عن مقتل خمسة مدنيين على الأقل وإصابة آخرين بجروح، وفق مصادر أمنية.", "ASSAULT")
    kill = _by_trigger(got, "مقتل")
    assert any("مدنيين" in t for t in kill["targets"])
    assert not any("مصادر" in t for c in got for t in c["targets"])


def test_group_named_after_beinahum_is_part_of_the_target():
    got = _cands("انفجرت عبوة ناسفة في سوق المدينة، وأسفرت عن مقتل عشرة أشخاص بينهم ثلاثة من رجال الشرطة.", "ASSAULT")
    kill = _by_trigger(got, "مقتل")
    assert any(t.startswith("عشره") for t in kill["targets"])
    assert "رجال الشرطه" in kill["targets"]


def test_reflexive_object_is_not_the_bomber_and_the_party_beside_it_is_the_target():
    got = _cands("قالت الشرطة إن انتحاريا فجر نفسه قرب موكب محافظ المدينة.", "ASSAULT")
    blast = _by_trigger(got, "فجر")
    assert not any("نفسه" in s for s in blast["sources"])
    assert any(t.startswith("موكب") for t in blast["targets"])


def test_reflexive_bombing_near_a_mere_place_has_no_target():
    got = _cands("فجر انتحاري نفسه قرب سوق المدينة.", "ASSAULT")
    blast = _by_trigger(got, "فجر")
    assert blast["targets"] == []


def test_counted_subject_before_a_plural_verb_is_its_agent():
    got = _cands("وقال أحد المنظمين إن أكثر من 250 شخصا تظاهروا وسط المدينة.", "PROTEST")
    demo = _by_trigger(got, "تظاهروا")
    assert any("شخصا" in s for s in demo["sources"])


def test_protesters_face_the_other_side_of_a_bein_pair():
    got = _cands("شهدت العاصمة مواجهات بين الشرطة والمتظاهرين ليلة السبت.", "PROTEST")
    crowd = _by_trigger(got, "والمتظاهرين")
    assert crowd["targets"] == ["الشرطه"]
    got = _cands("اندلعت صدامات بين المتظاهرين وقوات الأمن في وسط المدينة.", "PROTEST")
    crowd = _by_trigger(got, "المتظاهرين")
    assert any(t.startswith("وقوات الامن") for t in crowd["targets"])


def test_clause_boundary_between_two_triggers_keeps_both_events():
    got = _cands("وقال سكان إن جنودا نفذوا الغارة وانهم اختطفوا مواطنا من القرية.", "ASSAULT")
    assert any(c["trigger"] == "اختطفوا" for c in got)


def test_kana_opens_the_clause_of_a_coordinated_verb():
    got = _cands("وكان مسلحو الحركة قاموا بعدة عمليات وخطفوا 50 شخصا.", "ASSAULT")
    kidnap = _by_trigger(got, "وخطفوا")
    assert any("مسلحو" in s for s in kidnap["sources"])


def test_explosion_subject_is_the_device_and_its_target_follows_ala():
    got = _cands("وقال مصدر امني إن «عبوة ناسفة انفجرت على دورية بريطانية قرب البصرة».", "ASSAULT")
    blast = _by_trigger(got, "انفجرت")
    assert blast["sources"] == [] and blast["targets"][0].startswith("دوريه بريطانيه")
    got = _cands("وانفجرت خمس قذائف هاون في موقع غير بعيد من مقر رئيس الوزراء.", "ASSAULT")
    assert _by_trigger(got, "وانفجرت")["sources"] == []


def test_quotation_and_bianna_bound_a_subject_before_the_verb():
    got = _cands("وأفادت المصادر بأن «خمسة مدنيين قتلوا في انفجار سيارة مفخخة».", "ASSAULT")
    kill = _by_trigger(got, "قتلوا")
    assert kill["sources"] == [] and kill["targets"] == ["خمسه مدنيين"]


@pytest.mark.parametrize("text, victims", [
    # the subject found is the counted noun alone; the whole count is the victim, never the agent
    ("قال شهود إن أكثر من 27 شخصا قتلوا كما أصيب العشرات في انفجار.", "شخصا"),
    # a time adverb between the verb and what follows it
    ("وذكرت مصادر أن 9 متمردين قتلوا ليلا في غارة جوية على خور المكسر.", "9 متمردين"),
    # a number glued to its noun
    ("قتل 14جنديا افغانيا على الاقل صباح أمس في غارة على حاجز للجيش.", "14 جنديا"),
    # the nominative plural of a people noun after a bare قتل is its passive subject
    ("وقتل المدنيون عندما أطلق المتمردون النيران على البلدة.", "المدنيون"),
])
def test_people_killed_are_the_victims_not_the_killers(text, victims):
    kill = next(c for c in _cands(text, "ASSAULT") if c["trigger"].endswith(("قتلوا", "قتل")))
    assert kill["sources"] == [] and any(victims in t for t in kill["targets"])


def test_weak_armed_noun_gives_way_to_the_kidnapping_after_it():
    got = _cands("ففي نابلس قام مسلحون مقنعون بخطف نائب رئيس البلدية من سيارته.", "ASSAULT")
    kidnap = _by_trigger(got, "بخطف")
    assert kidnap["sources"] == ["مسلحون مقنعون"] and kidnap["targets"][0].startswith("نائب رئيس البلديه")


def test_suicide_bomber_after_a_verb_is_its_subject():
    got = _cands("من ناحية ثانية، استهدف انتحاري اجتماعا لقوات الصحوة في بغداد امس.", "ASSAULT")
    assert _by_trigger(got, "استهدف")["sources"] == ["انتحاري"]


def test_a_suicide_bomber_blowing_himself_up_is_a_suicide_bombing():
    (bombing,) = [e for e in run_stage("فجر انتحاري نفسه في مسجد مما أدى لاستشهاد 15 شخصا.", "ar").events if e.type == "ASSAULT"]
    assert bombing.mode == "suicide-attack" and bombing.acled_sub_event_type == "Suicide bomb"
    (bombing,) = [e for e in run_stage("فجر مسلحون عبوة ناسفة قرب دورية للشرطة.", "ar").events if e.type == "ASSAULT"]
    assert bombing.mode == "explosives"


def test_number_word_ends_a_verb_initial_subject():
    got = _cands("وقتل الارهابيون ثلاثة رهائن في القرية.", "ASSAULT")
    kill = _by_trigger(got, "وقتل")
    assert kill["sources"] == ["الارهابيون"] and kill["targets"][0].startswith("ثلاثه رهائن")


def test_people_before_a_killing_verb_without_object_are_its_victims():
    got = _cands("وقال الضابط إن «جنديا عراقيا قتل وأصيب آخر بجروح في هجوم مسلح».", "ASSAULT")
    kill = _by_trigger(got, "قتل")
    assert kill["sources"] == [] and kill["targets"] == ["جنديا عراقيا"]
    got = _cands("وقال مصدر ان المسلحين قتلوا خمسة جنود أمس.", "ASSAULT")
    kill = _by_trigger(got, "قتلوا")
    assert kill["sources"] == ["المسلحين"] and kill["targets"][0].startswith("خمسه جنود")


def test_reflexive_ends_the_bomber_subject_and_the_place_beside_is_the_target():
    got = _cands("وآخرها كان يوم الجمعة عندما فجر انتحاري نفسه بجانب دورية عسكرية ألمانية.", "ASSAULT")
    blast = _by_trigger(got, "فجر")
    assert blast["sources"] == ["انتحاري"] and blast["targets"][0].startswith("دوريه عسكريه")


def test_tens_in_the_nominative_make_a_counted_passive_victim():
    got = _cands("قتل اربعون شخصا امس في حوادث عنف متفرقة.", "ASSAULT")
    kill = _by_trigger(got, "قتل")
    assert kill["sources"] == [] and kill["targets"] == ["اربعون شخصا"]


def test_a_trigger_of_another_type_can_be_the_object():
    got = _cands("استهدف انتحاري اجتماعا لقوات الصحوة في بغداد امس.", "ASSAULT")
    assert _by_trigger(got, "استهدف")["targets"][0].startswith("اجتماعا لقوات الصحوه")


def test_targeting_participle_further_on_names_the_target():
    got = _cands("وكانت القوات الاميركية وجهت عدة ضربات جوية داخل الصومال، خلال الاشهر القليلة الماضية، مستهدفة مقاتلي الحركة.", "ASSAULT")
    strike = next(c for c in got if c["trigger"].startswith("ضربات"))
    assert strike["targets"] and strike["targets"][0].startswith("مقاتلي")


def test_members_named_with_a_possessive_stand_for_their_organisation():
    got = _cands("وقال الجيش الاميركي ان جنوده قتلوا خمسة مسلحين أمس.", "ASSAULT")
    assert _by_trigger(got, "قتلوا")["sources"] == ["الجيش الاميركي"]
    got = _cands("من جهته، اعلن الجيش الاميركي مقتل أحد جنوده في انفجار قنبلة قرب بعقوبة.", "ASSAULT")
    assert _by_trigger(got, "مقتل")["targets"] == ["الجيش الاميركي"]


def test_the_survivor_of_an_attempt_is_its_target():
    got = _cands("نجا قائد شرطة النجدة في بغداد، أمس، من محاولة اغتيال اثر انفجار سيارة مفخخة.", "ASSAULT")
    assert any(c["targets"] == ["قائد شرطه النجده"] for c in got)


def test_casualties_of_accidents_and_diseases_are_no_attack():
    assert "ASSAULT" not in _all_types("لقي شخص مصرعه وأصيب 7 آخرون إثر حادث انقلاب سيارة، وقع فجر اليوم الثلاثاء على طريق الهجرة.")
    assert "ASSAULT" not in _all_types("وقتلت إنفلونزا الطيور أكثر من 48 مليون طائر منذ ديسمبر.")
    assert "ASSAULT" not in _all_types("335 قتيلا في الهند بسبب موجة حر")
    assert "ASSAULT" not in _all_types("انفجر الإطار الأمامي ما تسبب في انقلابها ووفاة طفلة وأصيب 7 آخرون.")
    assert "ASSAULT" not in _all_types("وقتلت الأمطار الغزيرة أكثر من 100 شخص في أنحاء متفرقة من البلاد.")
    assert "ASSAULT" not in _all_types("مقتل 27 شخصا في خروج قطارين عن السكة بسبب الفيضانات")
    assert "ASSAULT" not in _all_types("إن 24 مسلحا كانوا على متن طقمين لقوا مصرعهم إثر جرفهم بسيول في الوادي.")
    assert "ASSAULT" in _all_types("وقتل ثلاثة أشخاص في حادث إطلاق نار في السوق.")
    assert "ASSAULT" in _all_types("أضرم مسلحون النار في منزل ما أدى إلى حريق ومقتل طفلين.")


def test_adverbs_and_counts_of_strikes_are_no_agents():
    got = _cands("ميدانيا قتل نحو 30 مسلحا حوثيا في القرية.", "ASSAULT")
    assert _by_trigger(got, "قتل")["sources"] == []
    got = _cands("كما شن أكثر من 40 غارة على مواقع للحوثيين في محافظة صعدة.", "ASSAULT")
    assert all(s["sources"] == [] for s in got)
    got = _cands("وقد رد الجيش بعملية استمرت خمسة أيام، قتل خلالها 241 مسلحا.", "ASSAULT")
    kill = _by_trigger(got, "قتل")
    assert kill["sources"] == [] and kill["targets"] == ["241 مسلحا"]


def test_a_time_word_ends_a_verb_initial_subject():
    got = _cands("وشن سلاح الجو التركي الجمعة اولى غاراته على مواقع للتنظيم.", "ASSAULT")
    assert any(c["sources"] == ["سلاح الجو التركي"] for c in got)


def test_an_attack_in_words_is_a_criticism():
    assert _all_types("شن وزير الخارجية هجوما لاذعا على الحكومة في خطابه أمس.") == {"ACCUSE"}
    assert "ASSAULT" in _all_types("هاجم مسلحون حاجزا للجيش وقتلوا ثلاثة جنود.")


def test_snatching_the_limelight_or_a_win_is_no_abduction():
    assert "ASSAULT" not in _all_types("وخطفت النجمة الأنظار في حفل افتتاح المهرجان أمس.")
    assert "ASSAULT" not in _all_types("الحوثيون يخطفون فرحة طفلة بالعيد")  # they steal a girl's joy
    assert "ASSAULT" not in _all_types("وخطف الهلال الفوز من النصر في الدقيقة الأخيرة.")
    assert "ASSAULT" in _all_types("وخطف مسلحون مهندسا أجنبيا في بغداد أمس.")


def test_the_party_behind_a_protested_event_is_the_target():
    visit = _cands("تظاهر المئات احتجاجا على زيارة الرئيس الأميركي إلى المنطقة.", "PROTEST")
    assert any(t.startswith("الرئيس الاميركي") for c in visit for t in c["targets"])
    raids = _cands("تظاهر المئات احتجاجا على الغارات الإسرائيلية.", "PROTEST")
    assert any(t == "الاسرائيليه" for c in raids for t in c["targets"])
    cause = _cands("تظاهر المئات احتجاجا على مقتل شاب.", "PROTEST")
    assert all(c["targets"] == [] for c in cause)


def test_a_protest_against_those_its_protesters_oppose_or_chant_against():
    opposed = _cands("تظاهر الآلاف من المتظاهرين المناوئين للحكومة أمام البرلمان.", "PROTEST")
    assert any("للحكومه" in t for c in opposed for t in c["targets"])
    slogan = _cands("وتجمع المتظاهرون في الساحة وهم يرددون «الموت لأميركا» و«الموت لإسرائيل».", "PROTEST")
    assert any(t == "لاميركا" for c in slogan for t in c["targets"])


def test_the_embassy_or_ministry_a_protest_gathers_at_is_its_target():
    """With nothing else named, the state body before which protesters gather is whom the protest
    addresses; a magazine's offices are a place, not a party."""
    consulate = _cands("وتظاهر نحو 15 شخصا أمام القنصلية اليونانية في برلين.", "PROTEST")
    assert any(t == "القنصليه اليونانيه" for c in consulate for t in c["targets"])
    pentagon = _cands("تجمع آلاف المتظاهرين بالقرب من مبنى وزارة الدفاع الأميركية ظهر أمس.", "PROTEST")
    assert any(t.startswith("مبني وزاره الدفاع") for c in pentagon for t in c["targets"])
    parliament = _cands("الا ان قرابة ستة آلاف متظاهر تجمعوا امام البرلمان في المساء للهتاف.", "PROTEST")
    assert any(c["targets"] == ["البرلمان"] for c in parliament)
    magazine = _cands("ودعا متظاهرون أمام مقر المجلة في الدار البيضاء الى الافراج عن الصحافيين.", "PROTEST")
    assert all(c["targets"] == [] for c in magazine)
    ministry = _cands("كما أكدت تنظيم وقفات احتجاجية أمام وزارة الداخلية بمشاركة ممثلي النقابات.", "PROTEST")
    assert any(c["targets"] == ["وزاره الداخليه"] for c in ministry)  # not who took part


def test_a_demand_far_into_a_long_protest_sentence_still_names_its_target():
    chants = _cands("ورفع المتظاهرون صورا للرئيس المصري الراحل جمال عبد الناصر، كتبوا عليها «رمز العزة»، وصورا أخرى "
                    "للرئيس الفلسطيني الراحل ياسر عرفات وصور القتل في العراق وفلسطين، مرددين شعارات تطالب بطرد "
                    "السفيرين الأميركي والإسرائيلي من القاهرة.", "PROTEST")
    assert any(t.startswith("السفيرين") for c in chants for t in c["targets"])


def test_a_purpose_phrase_ends_the_protesters_noun_phrase():
    got = _cands("تظاهر المئات للمطالبة باستقالة الائتلاف الحاكم.", "PROTEST")
    assert [c["sources"] for c in got] == [["المئات"]]
    assert any(t.startswith("الائتلاف الحاكم") for c in got for t in c["targets"])


def test_a_definite_subject_ends_where_the_object_begins():
    police = _cands("اعتقلت الشرطة المتظاهرين أمس.", "COERCE")
    assert police[0]["sources"] == ["الشرطه"] and police[0]["targets"] == ["المتظاهرين"]
    checkpoint = _cands("هاجم المسلحون الحاجز العسكري.", "ASSAULT")
    assert checkpoint[0]["sources"] == ["المسلحون"] and checkpoint[0]["targets"] == ["الحاجز العسكري"]
    positions = _cands("قصف الجيش الحر مواقع النظام.", "ASSAULT")
    assert positions[0]["sources"] == ["الجيش الحر"]
    both = _cands("هاجم الجيش والشرطة المسلحين.", "ASSAULT")
    assert both[0]["sources"] == ["الجيش", "والشرطه"] and both[0]["targets"] == ["المسلحين"]
    # a nationality adjective and a count are no object
    assert _cands("قتل الجيش السوري المسلحين.", "ASSAULT")[0]["sources"] == ["الجيش السوري"]
    assert _cands("احتشد آلاف المتظاهرين في الساحة.", "PROTEST")[0]["sources"] == ["الاف المتظاهرين"]


def test_a_subject_takes_no_bal_phrase_and_no_complementizer():
    threat = _cands("هددت الحكومة بالرد على الهجوم.", "THREATEN")
    assert threat[0]["sources"] == ["الحكومه"]
    vow = _cands("وتوعدت بالعثور على المدبرين.", "THREATEN")
    assert vow and vow[0]["sources"] == []


def test_a_ba_phrase_after_a_definite_subject_is_the_verbs_complement():
    council = _cands("ووافق مجلس الأمن بإجماع أعضائه على القرار.", "AGREE")
    assert council[0]["sources"] == ["مجلس الامن"]


def test_a_ba_phrase_after_a_state_is_the_verbs_complement():
    iran = _cands("هددت إيران بإغلاق مضيق هرمز.", "THREATEN")
    assert iran[0]["sources"] == ["ايران"]


def test_a_linked_name_ends_the_subject_where_the_object_begins():
    assert _roles("اتهم الرئيس بوتين الغرب بالسعي إلى إضعاف روسيا.", "ACCUSE") == [(["الرئيس بوتين"], ["الغرب"])]
    assert _roles("زار رئيس الوزراء العراقي طهران أمس.", "CONSULT") == [(["رئيس الوزراء العراقي"], ["طهران"])]
    # a name after a title is its apposition, and a family name is part of the name
    assert _roles("زار وزير الخارجية الأمريكي جون كيري القاهرة أمس.", "CONSULT") == [(["وزير الخارجية الأمريكي جون كيري"], ["القاهرة"])]
    assert _roles("اتهم الأمير خالد الفيصل الحكومة بالتقصير.", "ACCUSE") == [(["الأمير خالد الفيصل"], ["الحكومة"])]


def test_a_verb_after_a_relative_pronoun_takes_the_antecedent_as_subject():
    assert _roles("وقال المتحدث إن قوات النظام التي انسحبت من المدينة قصفت الأحياء.", "RETREAT") == [(["قوات النظام"], [])]
    # not the main clause's subject: the detainees refuse, not the authorities
    assert _roles("وتطالب السلطات الأمريكية بتسليمها الموقوفين الذين يرفضون ذلك.", "REJECT") == [([], [])]


def test_an_event_noun_subject_leaves_what_follows_the_verb_as_its_object():
    assert _roles("غارة أمريكية تقتل 14 جنديا أفغانيا", "ASSAULT") == [(["أمريكية"], ["14 جنديا أفغانيا"])]
    assert _roles("وقال إن هجوما انتحاريا استهدف حاجزا للجيش.", "ASSAULT") == [([], ["حاجزا للجيش"])]


def test_a_pronoun_after_a_preposition_is_no_actor():
    assert _roles("وقد أفرج عنه بعد أن دفع كفالة قدرها 10 ملايين دولار.", "RETREAT") == [([], [])]


def test_the_latter_is_the_last_actor_named_before_it():
    assert _roles("فاز بلاتر في الانتخابات على الأمير الأردني علي بن الحسين بعد أن انسحب الأخير قبل الجولة الثانية.",
                  "RETREAT") == [(["علي بن الحسين"], [])]


def test_a_bare_stem_after_a_time_subordinator_is_a_verb_with_its_subject():
    got = _cands("وبينما تظاهر أمس نحو مائتي شخص أمام مقر نقابة الصحافيين في القاهرة.", "PROTEST")
    assert got[0]["trigger"] == "تظاهر" and got[0]["sources"] == ["نحو مائتي شخص"]


def test_a_definite_event_noun_takes_no_genitive():
    # 'the aforementioned charge': an adjective, not whom the charge is against
    assert _cands("ودفع المحامي ببطلان الاتهام المذكور.", "ACCUSE")[0]["targets"] == []
    # release from 'عن', aid to 'لـ', past the adjectives
    assert _roles("دعا المبعوث الأممي إلى الإفراج فوراً عن الصحافيين المختطفين.", "RETREAT") == [([], ["الصحافيين المختطفين"])]
    assert _roles("أمر الملك بتقديم المساعدات العاجلة للشعب اليمني.", "AID") == [([], ["للشعب اليمني"])]
    assert _cands("وباشرت النيابة التحقيق مع متهمين في القضية.", "ACCUSE")[0]["targets"] == ["متهمين"]  # a phrase trigger


def test_members_counted_and_arrested_are_victims_not_agents():
    # 'من' after members names whose they are, not who killed them
    assert _cands("قتل ثلاثة عناصر من الجيش والشرطة في تفجير سيارة مفخخة.", "ASSAULT")[0]["sources"] == []
    # an undiacritised arrest verb before a count is passive
    assert _roles("اعتقل أكثر من 200 مدرس خلال عملية قمع لمظاهرة في طهران.", "COERCE") == [([], ["مدرس"])]
    assert _cands("قتل ضابط و3 جنود بالجيش المصري في انفجار عبوة ناسفة.", "ASSAULT")[0]["targets"] == ["ضابط و3 جنود"]


def test_where_an_object_ends_and_a_title_goes_on():
    assert _roles("وقالت مصادر إن القوات الإسرائيلية قتلت فلسطينيا بالرصاص أمس.", "ASSAULT") == [(["القوات الإسرائيلية"], ["فلسطينيا"])]
    assert _roles("واتهم المتحدث باسم الرئاسة التركية بعض السياسيين باستغلال التفجير.", "ACCUSE") == [(["المتحدث باسم الرئاسة التركية"], ["بعض السياسيين"])]


def test_what_an_attack_verb_hits():
    assert _roles("قصفت الطائرات الروسية مواقع المعارضة في ريف إدلب.", "ASSAULT") == [(["الطائرات الروسية"], ["المعارضة"])]
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _roles("وقصفت المدفعية التركية القوات الكردية أمس.", "ASSAULT") == [(["المدفعية التركية"], ["القوات الكردية"])]
    town = [e for e in run_stage("قصفت الطائرات الروسية بلدة كفرنبل في ريف إدلب.", "ar").events if e.type == "ASSAULT"]
    assert [(e.target_actors, e.location.text) for e in town] == [([], "كفرنبل")]  # a place is where, not whom
    assert _cands("قتل مسلحون شخصين في هجوم على سينما.", "ASSAULT")[0]["sources"] == ["مسلحون"]  # a dual is a count
    # a counted noun before 'من' names whose members were killed, not who killed them
    assert _roles("قتل 25 عنصرًا من تنظيم داعش وأصيب 30 آخرون في مدينة الفلوجة.", "ASSAULT")[0] == ([], ["25 عنصرًا من تنظيم داعش"])
    assert _roles("وقتل عامل في شركة السكك الحديدية في هجوم بالأسلحة.", "ASSAULT")[0] == ([], ["عامل"])


def test_a_place_that_came_under_attack_is_not_its_target():
    # 'its outskirts came under attack by SDF fighters': the outskirts are where, not whom
    got = _cands('وأوضح أن بلدة الباغوز تشهد قصفاً عنيفاً من طائرات التحالف وقوات "قسد" وأشار إلى أن أطرافها '
                 'تعرّضت لهجمات من مقاتلي "قسد" بهدف السيطرة عليها.', "ASSAULT")
    assert [(c["sources"], c["targets"]) for c in got if c["trigger"] == "لهجمات"] == [(['مقاتلي " قسد'], [])]
    assert _cands("وقال إن مدينتهم تعرضت لقصف عنيف.", "ASSAULT")[0]["targets"] == []
    # people, forces and states that came under attack stay its target
    assert _cands("وقال إن دورية للجيش تعرضت لهجوم مسلح.", "ASSAULT")[0]["targets"] == ["دوريه للجيش"]
    assert _cands("وأكد أن إسرائيل تعرضت لهجوم صاروخي.", "ASSAULT")[0]["targets"] == ["اسرائيل"]


def test_an_actor_is_named_without_the_clitic_before_it_and_with_its_closing_quote():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _roles('وشنت طائرات التحالف غارات على مواقع لتنظيم "داعش" في الباغوز.', "ASSAULT") == [
            (["طائرات التحالف"], ['تنظيم "داعش"'])]
        assert _roles('وأوضح أن بلدة الباغوز تشهد قصفاً عنيفاً من طائرات التحالف وقوات "قسد".', "ASSAULT") == [
            (["طائرات التحالف", 'قوات "قسد"'], [])]
        assert _roles("وقتل جندي في هجوم شنه مقاتلو «طالبان» أمس.", "ASSAULT") == [(["مقاتلو «طالبان»"], ["جندي"])]


def test_an_indefinite_plural_subject_takes_adjectives_but_no_genitive():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _roles("وهاجم مسلحون وزارة الداخلية في بغداد.", "ASSAULT") == [(["مسلحون"], ["وزارة الداخلية"])]
        assert _roles("وهاجم مسلحون مجهولون حاجزا للشرطة.", "ASSAULT") == [(["مسلحون مجهولون"], ["حاجزا للشرطة"])]
        assert _roles("وهاجم إرهابيون مسلحون كنيسة في الإسكندرية.", "ASSAULT") == [(["إرهابيون مسلحون"], ["كنيسة"])]


def test_after_that_an_actor_then_a_bare_trigger_and_an_object_is_subject_verb_object():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        # not 'the shelling of the militants' positions' with the positions as its agent
        assert _roles("وقال إن الجيش قصف مواقع المسلحين في المدينة.", "ASSAULT") == [(["الجيش"], ["المسلحين"])]
        assert _roles("وأعلنت الوزارة أن طيران التحالف الدولي قصف مواقع لعناصر داعش في بيجي.", "ASSAULT")[0][0] == [
            "طيران التحالف الدولي"]
        # no object after it: the verb may be passive ('was killed'), so the name is no attacker
        assert _roles("وقال إن قاسم العقابي قتل أثناء توجهه إلى مقر عمله.", "ASSAULT") == [([], [])]


def test_adverbial_phrases_suspects_and_plural_constructs_are_read_as_what_they_are():
    # 'على الفور' (at once), 'على الأقل' (at least) are no party
    got = _cands("واعتقلت الشرطة المشتبه بهم على الفور.", "COERCE")[0]
    assert (got["sources"], got["targets"]) == (["الشرطه"], ["المشتبه"])  # the suspects are whom, not the police's
    assert all("الاقل" not in t for c in _cands("وهاجم مسلحون على الأقل ثلاث قرى.", "ASSAULT") for t in c["targets"])
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _roles("فيما قصفت قوات التحالف مقرات الحوثي في أكثر من موقع.", "ASSAULT") == [(["قوات التحالف"], ["مقرات الحوثي"])]


def test_time_words_and_a_nationality_adjective_end_a_subject():
    # 'الحالي' (this month) is no attacker; 'تركية' closes 'طائرات تركية', and the positions are the object
    got = _cands("ليلة 23 – 24 يوليو (تموز) الحالي قصفت 3 طائرات تركية 4 مواقع لـ«داعش» داخل سوريا.", "ASSAULT")
    assert got[0]["sources"] == ["3 طائرات تركيه"] and got[0]["targets"][0].startswith("4 مواقع")
    assert _cands("وفي الشهر الماضي قصفت طائرات تركية مواقع للحزب.", "ASSAULT")[0]["sources"] == ["طائرات تركيه"]
    assert _cands("واتفق قادة الاتحاد الأوروبي الشهر الماضي على توزيع اللاجئين.", "AGREE")[0]["sources"] == [
        "قاده الاتحاد الاوروبي"]


def test_killed_then_injured_is_passive_and_a_crash_is_no_attack():
    # 'a soldier was killed and another injured': the soldier is the victim, not the attacker
    assert _cands("وقتل جندي وأصيب آخر في هجوم بعبوة ناسفة استهدف دورية.", "ASSAULT")[0]["targets"] == ["جندي"]
    # a helicopter crash kills, but nobody attacked; a plane downed by a missile stays an attack
    assert _cands("قتل طيار وأصيب آخر عندما تحطمت طائرة هليكوبتر خلال عرض جوي.", "ASSAULT") == []
    downed = _cands("وتحطمت الطائرة بعد إصابتها بصاروخ أطلقه المسلحون، ما أدى إلى مقتل طاقمها.", "ASSAULT")
    assert [c["trigger"] for c in downed] == ["بصاروخ", "مقتل"]


def test_an_event_noun_inside_a_phrase_is_still_the_subject_of_the_verb_after_it():
    cands = _cands("وأصيب عشرون شرطيا في طريقهم لقضاء إجازتهم في هجوم مماثل استهدف حافلتهم في العريش.", "ASSAULT")
    assert [(c["sources"], c["targets"]) for c in cands if c["trigger"] == "استهدف"] == [([], ["حافلتهم"])]


def test_members_named_by_their_group_stand_for_it():
    assert _roles("قتل أمس ستة على الأقل في هجوم انتحاري نفذه أعضاء من حركة الشباب.", "ASSAULT")[0] == (["حركة الشباب"], ["ستة"])


def test_nunation_and_background_are_no_target():
    assert _cands("تفرض المقاومة حصارا خانقا على مليشيا الحوثي.", "COERCE")[0]["targets"] == ["مليشيا الحوثي"]  # an adjective
    assert _cands("تتواصل حالات التهديد المتبادلة على خلفية الاتفاق النووي.", "THREATEN")[0]["targets"] == []  # 'against the background of'


def test_an_agentless_event_takes_a_source_named_nearby_not_one_inherited_down_the_article():
    far = ("هاجم مسلحون حاجزا للجيش. " + "وقال المسؤول إن الوضع هادئ. " * 4 + "وجرى اغتيال القيادي في الحركة.")
    near = "هاجم مسلحون حاجزا للجيش. وجرى اغتيال القيادي في الحركة."
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # every candidate passes the gate
        assert [r[0] for r in _roles(near, "ASSAULT")] == [["مسلحون"], ["مسلحون"]]
        assert [r[0] for r in _roles(far, "ASSAULT")] == [["مسلحون"], []]


def test_a_subordinator_or_an_ordinal_is_no_subject():
    assert _cands("منع المصلين من الصلاة، وحينما رفض المصلون الانصياع له صدم المسجد.", "REJECT")[0]["sources"][0].startswith("المصلون")
    assert _cands("وجدد الوزير رفضه للتدخل الأجنبي في شؤون البلاد.", "REJECT")[0]["sources"] == ["الوزير"]  # a support verb


def test_a_ba_phrase_after_a_linked_name_is_the_complement():
    assert _roles("وهدد رجب طيب أردوغان بإغلاق الحدود.", "THREATEN") == [(["رجب طيب أردوغان"], [])]
    assert _roles("وكان 6 أشخاص قتلوا الخميس في عملية انتحارية نفذتها حركة طالبان ضد الشرطة.", "ASSAULT")[0][0] == ["حركة طالبان"]


def test_who_withdraws_is_the_source_and_an_outlet_that_reports_is_no_party():
    assert _roles("أعلنت واشنطن انسحاب القوات الأمريكية من العراق.", "RETREAT") == [(["القوات الأمريكية"], [])]
    got = _roles("وقالت المصادر لوكالة الأنباء الألمانية، إن معارك دارت في كرش أسفرت عن تقدم المقاومة وانسحاب مقاتلي الحوثي.", "RETREAT")
    assert got == [(["مقاتلي الحوثي"], [])]


def test_a_casualty_noun_merged_into_the_attack_names_its_victims():
    text = "وشهدت كابول ليل الخميس تفجيرا بشاحنة مفخخة أسفر عن مقتل 15 شخصا وإصابة أكثر من 200."
    assert [c["targets"] for c in _cands(text, "ASSAULT") if c["trigger"] == "تفجيرا"] == [["15 شخصا"]]
    # whom it was aimed at comes first, then whom it hit
    assert _roles("نجا قائد شرطة النجدة في بغداد من محاولة اغتيال اثر تعرض موكبه لانفجار سيارة مفخخة أدى الى مقتل أحد المارة.",
                  "ASSAULT") == [([], ["قائد شرطة النجدة", "أحد المارة"])]


def test_casualties_beside_one_attack_with_its_agent_are_its_victims():
    strike = "وقتل 150 مدنيا افغانيا على الاقل في سلسلة من الضربات الجوية الاميركية."
    assert {c["trigger"]: (c["sources"], c["targets"]) for c in _cands(strike, "ASSAULT")} == {
        "وقتل": (["الاميركيه"], ["150 مدنيا افغانيا"]), "الضربات الجويه": (["الاميركيه"], ["150 مدنيا افغانيا"])}  # folded text
    # another clause: another attack, not the one that killed them
    two = "وقتل 10 اشخاص في غارات جوية روسية على ريف حلب، بينما شن الجيش الأمريكي غارة جوية."
    assert [c["targets"] for c in _cands(two, "ASSAULT") if c["trigger"] == "غاره"] == [[]]


def test_an_oblique_plural_after_a_nominative_plural_opens_the_object():
    assert _roles("كما هاجم مفجرون انتحاريون سياسيين في المدينة.", "ASSAULT")[0] == (["مفجرون انتحاريون"], ["سياسيين"])
    assert _roles("وكان الطفل قتل حرقا حين هاجم مستوطنون منزلين في قرية دوما.", "ASSAULT")[-1][0] == ["مستوطنون"]


def test_a_gathering_with_a_crowd_count_is_a_protest_without_one_it_is_not():
    assert _cands("وتجمع عشرات الفلسطينيين في ميدان المنارة وسط مدينة رام الله.", "PROTEST")
    assert not _cands("تجمع الطلاب في الساحة قبل الدرس.", "PROTEST")


def test_a_projectile_launched_at_a_target_is_an_attack_a_test_launch_is_not():
    got = _cands("وذكرت مصادر أن طائرة تابعة للجيش أطلقت فجر أمس صاروخاً على مجموعة من المسلحين.", "ASSAULT")
    assert got and got[0]["trigger"] == "صاروخا" and got[0]["targets"] == ["مجموعه"]  # folded text
    assert not _cands("أطلقت إيران صاروخا جديدا في تجربة.", "ASSAULT")
    assert not _cands("أطلق سراح صاحب مصنع الصواريخ على الفور.", "ASSAULT")


def test_strikes_carried_out_against_a_target_are_an_attack_a_blow_taken_is_not():
    got = _cands("نفذت الطائرات التركية ثلاث ضربات على مواقع لتنظيم داعش في ريف حلب.", "ASSAULT")
    assert [c["trigger"] for c in got] == ["ضربات"]
    assert [c["trigger"] for c in _cands("وجه التحالف ضربة قاسية لمواقع الحوثيين في صعدة.", "ASSAULT")] == ["ضربه"]
    assert not _cands("تلقى الاقتصاد ضربة قوية بعد انخفاض أسعار النفط.", "ASSAULT")
    assert not _cands("سجل اللاعب هدفا من ضربة جزاء في الدقيقة 80.", "ASSAULT")
    for c in _cands("وقال الوزير إن طائرات تورنيدو التابعة لسلاح الجو الملكي شنت مئات الضربات على مواقع داعش.", "ASSAULT"):
        assert "مئات" not in c["sources"]  # how many strikes, not who carried them out


def test_fajran_is_at_dawn_unless_two_blew_something_up():
    """'فجرا' is the adverb (at dawn) before what was carried out, the dual فجّرا before
    themselves or a device."""
    got = _cands("نفذت الطائرات التركية فجرا ثلاث ضربات على مواقع لتنظيم داعش.", "ASSAULT")
    assert [c["trigger"] for c in got] == ["ضربات"]
    assert [c["trigger"] for c in _cands("وكان انتحاريان فجرا نفسيهما في سوق ببغداد أمس.", "ASSAULT")] == ["فجرا"]
    assert [c["trigger"] for c in _cands("ثم فجرا السيارة المفخخة قرب الحاجز.", "ASSAULT")] == ["فجرا"]


def test_a_pronoun_suffix_or_a_broken_plural_after_a_definite_noun_ends_the_subject():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        # 'باغتتهم' (surprised them) is a verb: the coalition fighters shelled, not 'fighters … surprised them'
        assert _roles("وأضاف أن مقاتلات التحالف باغتتهم وقصفت مواقعهم.", "ASSAULT")[0][0] == ["مقاتلات التحالف"]
        # a plural of the pattern مفاعل heading a construct is the object, not part of the subject
        assert _roles("قصفت الطائرات الحربية مخازن الأسلحة في المدينة.", "ASSAULT")[0][0] == ["الطائرات الحربية"]
        # a second adjective after the nationality still closes the subject
        assert _roles("قصفت طائرات إسرائيلية مقاتلة قطاع غزة فجر اليوم.", "ASSAULT")[0][0] == ["طائرات إسرائيلية مقاتلة"]


def test_a_detonated_device_is_no_target_whom_it_went_off_against_is():
    assert _roles("وفجر المهاجمون قنابلهم على متن 3 قطارات للمترو وإحدى الحافلات.", "ASSAULT") == [
        (["المهاجمون"], ["متن 3 قطارات للمترو وإحدى الحافلات"])]


def test_an_attack_after_bare_casualties_carries_the_event_and_two_sides_lend_no_source():
    text = ("وسقط القتلى وسط تزايد هجمات حزب العمال الكردستاني ضد الجيش وشن سلاح الجو التركي ضربات جوية على أهداف للحزب. "
            "وقتل جنديان وأصيب اثنان آخران في الانفجار.")
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        got = _cands(text, "ASSAULT")
        # the attacks, not 'القتلى', carry the event; 'وشن' opens the air force's clause
        assert (got[0]["trigger"], got[0]["sources"], got[0]["targets"]) == ("هجمات", ["حزب العمال الكردستاني"], ["الجيش"])
        # the soldiers' killing could be either side's: it inherits neither attacker
        assert _roles(text, "ASSAULT")[-1] == ([], ["جنديان"])
    # a counted casualty noun keeps the event: '27 قتيلاً في انفجار' is one
    assert _roles("27 قتيلاً في انفجار ببلدة تركية", "ASSAULT")


def test_a_young_man_or_a_named_person_with_an_age_killed_by_gunfire_is_the_victim():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        # 'قتل شاب' is passive (قُتل), and 'برصاص الجيش' names who fired
        assert _roles("قتل شاب فلسطيني صباح أمس الأربعاء برصاص الجيش الإسرائيلي قرب مدينة جنين.", "ASSAULT")[0] == (
            ["الجيش الإسرائيلي"], ["شاب فلسطيني"])
        got = _cands("وقتل محمد علاونة (22 عامًا) بعد إصابته برصاصة في الصدر.", "ASSAULT")
        assert got[0]["sources"] == [] and got[0]["targets"] == ["محمد علاونه"]  # folded text
        assert _cands("أصيب شخص برصاص قوات الأمن.", "ASSAULT")[-1]["sources"] == ["قوات الامن"]


def test_a_dual_subject_a_bare_count_and_an_accusative_are_read_by_their_case():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        hit = _cands("قتل 12 شخصا عندما هاجم انتحاريان حمام سباحة مزدحما في شمال العراق.", "ASSAULT")
        assert [(c["sources"], c["targets"]) for c in hit if c["trigger"] == "هاجم"] == [(["انتحاريان"], ["حمام سباحه مزدحما"])]
        # 'وشن 6 غارات': six strikes, nobody called '6'; 'وقصف أهدافا': the accusative is what was hit
        assert all(c["sources"] != ["6"] for c in _cands("وشن 6 غارات على تجمع للمتمردين في وادي خبش.", "ASSAULT"))
        assert all("اهدافا" not in " ".join(c["sources"]) for c in _cands("وقصف أهدافا أخرى في همدان.", "ASSAULT"))
        # a building after an attack noun is what was hit, not who attacked
        assert _cands("علق الكاتب على تفجير مسجد قوات الطوارئ بمدينة أبها.", "ASSAULT")[0]["sources"] == []
        # a suspect's verb ends his phrase; a vest is the device
        assert _cands("وقتل مهاجم انتحاري يشتبه أنه ينتمي للدولة الاسلامية 32 شخصا.", "ASSAULT")[0]["sources"] == ["مهاجم انتحاري"]
        assert _cands("وقال إن مهاجما انتحاريا فجر سترته الناسفة في حمام سباحة.", "ASSAULT")[0]["targets"] == []


def test_a_coordinated_verb_a_place_after_bi_and_a_time_word_end_a_phrase():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _cands("بينما أصيب ستة جنود وتعرضت 30 مركبة عسكرية للتدمير.", "ASSAULT")[0]["targets"] == ["سته جنود"]
        assert _cands("مسيحيون يهاجمون مسلمين ويضرمون النيران في مساجد", "ASSAULT")[0]["targets"] == ["مسلمين"]
        assert _cands("اقتحمت المقاومة الشعبية اليوم مدينة لودر ودخلت في حرب شوارع مع الحوثيين.", "ASSAULT")[0]["targets"] == ["مدينه لودر"]
        assert _cands("شنت طائرات التحالف غارات جوية على مقار لجماعة الحوثيين بمحافظة عمران.", "ASSAULT")[0]["targets"] == ["مقار لجماعه الحوثيين"]
        assert _cands("وقال إن طالبان قتلت تسعة أشخاص نهار أمس.", "ASSAULT")[0]["targets"] == ["تسعه اشخاص"]
        hurt = _cands("استشهد 3 رجال أمن إثر قذائف كثيفة أمس، فيما أصيب 7 من رجال حرس الحدود تم نقلهم إلى المستشفى.", "ASSAULT")
        assert [c["targets"] for c in hurt if c["trigger"] == "اصيب"] == [["رجال حرس الحدود"]]
        # a plural or dual verb agreeing with the noun before it opens a relative clause; a nisba does not
        hurt = _cands("قتل تسعة عناصر من داعش في الغارات وأصيب 12 آخرون نقلوا إلى المستشفى.", "ASSAULT")
        assert [c["targets"] for c in hurt if c["trigger"] == "واصيب"] == [["12 اخرون"]]
        assert _cands("وأفاد مصدر أنه تم أيضا تدمير مستودعين يستخدمان لتخزين الأسلحة وقتل من فيها.", "ASSAULT")[0]["targets"] == ["مستودعين"]
        assert _cands("هاجم مسلحون يمنيون حاجزا.", "ASSAULT")[0]["sources"] == ["مسلحون يمنيون"]
        # بيروت, تكريت: a name ending in ت is no verb; nor is one after ف
        assert _cands("دعا الرئيس الفرنسي فرانسوا هولاند أمس، إلى تشكيل حكومة لمنطقة اليورو، وناشد المواطنين تجديد ثقتهم.", "REQUEST")[0]["sources"] == ["الرئيس الفرنسي فرانسوا هولاند"]
        assert _cands("قصفت الطائرات مواقع الجيش وتكريت.", "ASSAULT")[0]["targets"][0].endswith("وتكريت")


def test_a_subject_opens_with_no_lil_phrase_an_agent_verb_or_a_claim_verb():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _cands("وقتل للأبرياء!", "ASSAULT")[0]["sources"] == []
        # 'شنته': the agent is the verb's subject, after it
        hit = _cands("بعد هجوم شنته المعارضة على مواقعه في درعا.", "ASSAULT")
        assert hit[0]["sources"] == ["المعارضه"]
        # who claimed the abduction did it; the claim verb is no part of the name
        assert _cands("وتبنت جبهة النصرة خطف العناصر من الفرقة 30.", "ASSAULT")[0]["sources"] == ["جبهه النصره"]
    # a لل phrase inside a subject stays
    assert _cands("واستنكرت المديرية العامة للشؤون الصحية بمنطقة حائل وقوع هذه التصرفات.", "ACCUSE")[0]["sources"] == ["المديريه العامه للشؤون الصحيه"]


def test_eleven_is_one_count_and_the_limelight_far_after_the_subject_is_no_abduction():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        assert _cands("بينما قتل أحد عشر مسلحا آخر في قصف جوي.", "ASSAULT")[0]["targets"] == ["احد عشر مسلحا اخر"]
        assert not _cands("خطفت الطفلة البحرينية الزين طارق جمعة الأنظار من كبار بطولة العالم للسباحة.", "ASSAULT")
        assert _cands("خطف مسلحون مجهولون الصحفي أمس.", "ASSAULT")


def test_a_common_noun_after_a_whole_name_opens_the_object():
    # the entity stage knows the names
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3), "REJECT": ({"r:bias": 5.0}, 0.0, 0.3)}):
        assert _roles("أطلقت تركيا حملة جوية لقصف مواقع لتنظيم داعش.", "ASSAULT")[0][0] == ["تركيا"]
        assert _roles("ورفض الرئيس الأميركي باراك أوباما انتقادات تتهمه بالتقصير.", "REJECT")[0][0] == ["الرئيس الأميركي باراك أوباما"]
        # a لـ phrase, an adjective or a name's last part stays in the subject
        assert _roles("ناشد مركز الملك سلمان للإغاثة الأطباء التواصل معه.", "REQUEST")[0][0][0].startswith("مركز الملك سلمان للإغاثة")
        assert _roles("وأشاد الامير عبدالله بن مساعد بالاجتماع.", "SUPPORT")[0][0] == ["الامير عبدالله بن مساعد"]


def test_an_indefinite_noun_after_a_definite_subject_opens_the_object_unless_a_title_precedes():
    with classifier.using({t: ({"r:bias": 5.0}, 0.0, 0.3) for t in ("ASSAULT", "REJECT", "CONSULT")}):
        # (the rule reads the entity stage's names: the sentences name a place)
        assert _roles("وفي الموصل قصفت الطائرات الدولية سيارة يستقلها انتحاري.", "ASSAULT")[0] == (["الطائرات الدولية"], ["سيارة يستقلها انتحاري"])
        assert _roles("بعد مفاوضات في الموصل رفض المقاتلون تسليم أسلحتهم.", "REJECT")[0] == (["المقاتلون"], ["تسليم أسلحتهم"])
        # after a title the indefinite word may be a name the entity stage missed
        assert _roles("التقى رئيس مجلس الوزراء اللبناني تمام سلام في بيروت اليوم رئيس البرلمان.", "CONSULT")[0][0] == [
            "رئيس مجلس الوزراء اللبناني تمام سلام"]


def test_a_site_after_an_attack_verb_is_hit_and_the_attacker_carries_on():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        text = ("وشنت طائرات التحالف غارات جوية استهدفت مواقع للحوثيين شمال مأرب.\n"
                "كما استهدفت مخزن أسلحة بمعسكر ماس، أدى إلى اشتعاله إضافة إلى تدمير طقم عسكري.")
        # (the strike and the vehicle it destroyed are one event: 'destroy' names what it did)
        sources, targets = _roles(text, "ASSAULT")[1]
        assert sources == ["طائرات التحالف"] and set(targets) == {"مخزن أسلحة بمعسكر ماس", "طقم عسكري"}
        # the pronoun of a support verb carries on the attacker, not the last victim
        text = "قصفت الطائرات الحربية مواقع المتمردين في المدينة. وشنت غارة أخرى على مواقع للحوثيين بمنطقة صرواح."
        assert _roles(text, "ASSAULT")[-1] == (["الطائرات الحربية"], ["مواقع للحوثيين"])
        # whom an event hits is not its attacker, however the narrative ran
        text = "هاجم تنظيم داعش مواقع الجيش التركي قرب الحدود. وشن غارات على تنظيم داعش في سوريا."
        assert _roles(text, "ASSAULT")[-1] == ([], ["تنظيم داعش"])


def test_what_a_meeting_or_a_deal_is_about_or_worth_is_no_party():
    assert _cands("ووقعت الشركة اتفاقا مع مصر بقيمة خمسة مليارات دولار.", "AGREE")[0]["targets"] == ["مصر"]
    assert _cands("وسيعقد المشرف اجتماعات مع مدرب الفريق بشأن وضع اللاعبين الأجانب.", "CONSULT")[0]["targets"] == ["مدرب الفريق"]


def test_one_of_the_strikes_is_no_attacker_and_a_counted_group_with_no_object_is_killed():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        hit = _cands("وفي جبهة البلق استهدفت إحدى الغارات تجمعا للحوثيين وقتل 8 منهم.", "ASSAULT")[0]
        assert (hit["sources"], hit["targets"]) == ([], ["تجمعا للحوثيين"])
        killed = _cands("وبحسب المصدر فإن 3 حوثيين قتلوا على متن دبابة.", "ASSAULT")[0]
        assert (killed["sources"], killed["targets"]) == ([], ["3 حوثيين"])
        # with an object after the verb the group acted
        assert _cands("وقال المصدر إن 3 متمردين قتلوا جنديين في الهجوم.", "ASSAULT")[0]["sources"] == ["3 متمردين"]


def test_a_killing_of_early_islamic_history_recalled_is_no_attack():
    assert "ASSAULT" not in _all_types("فكر الخوارج لا يمت إلى الإسلام بصلة، فقد قتلوا عثمان رضي الله عنه من قبل.")
    assert "ASSAULT" in _all_types("وقتل مسلحون الشيخ عثمان في هجوم على مسجد.")


def test_a_weekday_before_the_object_is_no_part_of_it():
    got = _cands("قتلت قوات الشرطة الأربعاء مسلحا دخل دار سينما.", "ASSAULT")
    assert _by_trigger(got, "قتلت")["targets"][0].startswith("مسلحا")


def test_min_after_at_least_is_partitive_not_the_killers():
    got = _cands("وأعلنت السلطات أمس مقتل 50 شخصا على الأقل من المدنيين ورجال الأمن.", "ASSAULT")
    assert _by_trigger(got, "مقتل")["sources"] == []


def test_a_definite_attack_noun_takes_its_adjectives_then_its_agent_with_lam():
    assert _by_trigger(_cands("يستمر القصف الجوي لمواقع المتمردين في الجبال.", "ASSAULT"), "القصف")["sources"] == []
    got = _cands("وتواصل القصف الصاروخي لقوات النظام على داريا.", "ASSAULT")
    assert _by_trigger(got, "القصف")["sources"] == ["لقوات النظام"]
    assert _by_trigger(_cands("أدى هجوم داعش على القرية إلى مقتل 5.", "ASSAULT"), "هجوم")["sources"] == ["داعش"]


def test_a_dual_of_people_after_a_killing_verb_is_its_victims():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        (cand,) = _cands("قتل شرطيان في هجوم على حاجز في العريش.", "ASSAULT")
    assert cand["sources"] == [] and cand["targets"][0] == "شرطيان"


def test_a_place_named_like_a_verb_is_no_trigger_and_a_long_subject_still_snatches_the_limelight():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        palmyra = _cands("خطف مسلحون الأب جاك مراد بعد سيطرة التنظيم على مدينة تدمر الأثرية.", "ASSAULT")
        assert [c["trigger"] for c in palmyra] == ["خطف"]  # تدمر after مدينة is Palmyra, not 'destroys'
        assert not _cands("وخطف الملياردير دونالد ترامب الذي يأتي في الطليعة في استطلاعات الرأي للانتخابات التمهيدية، الأضواء.", "ASSAULT")


def test_met_death_with_the_victims_between_verb_and_noun_is_a_killing_in_an_attack():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        (shot,) = _cands("لقي شرطي مصرعه برصاص مسلحين في العريش.", "ASSAULT")
        assert shot["trigger"] == "لقي" and shot["targets"] == ["شرطي"] and shot["sources"] == ["مسلحين"]
        assert not _cands("لقي شاب مصرعه إثر حادث مروع على الطريق الدائري.", "ASSAULT")  # a death, no attack
        assert not _cands("لقي أربعة أشخاص حتفهم جراء إعصار قوي ضرب تايوان.", "ASSAULT")  # the storm struck
        assert not _cands("قتل ثلاثة أشخاص في زلزال بقوة 5.1 درجة، ضرب المناطق الشمالية لباكستان.", "ASSAULT")


def test_a_support_verbs_subject_ends_where_its_event_noun_begins():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        (launch,) = _cands("فقد أطلقت جماعة فلسطينية متطرفة صاروخا من غزة على جنوب إسرائيل.", "ASSAULT")
    assert launch["sources"] == ["جماعه فلسطينيه متطرفه"]


def test_students_of_both_sexes_make_no_demand():
    assert not _cands("لا يسمح المجال سوى لمئتي وخمسين طالبا وطالبة بالقبول في كلية الطب.", "REQUEST")


def test_after_a_pronoun_complementiser_the_phrase_after_the_verb_is_its_object():
    (expel,) = _cands("ذكر المرشح أنه سوف يطرد المهاجرين غير الشرعيين من البلاد.", "SANCTION")
    assert expel["sources"] == [] and expel["targets"] == ["المهاجرين غير الشرعيين"]
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        kill = _cands("وأكد الحلف أنه قتل نحو 150 متمردا في غارات جوية.", "ASSAULT")[0]
    assert kill["targets"] == ["نحو 150 متمردا"]
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):
        mid_july = _cands("وأكدت الوزارة أنه قتل نحو منتصف يوليو في غارة جوية.", "ASSAULT")[0]
    assert mid_july["targets"] == []  # 'نحو' before no number is 'towards', no count


def test_the_pronoun_of_the_complementiser_is_the_speaker_who_did_it():
    """'أعلنت الحكومة أنها قصفت مركزا': the government shelled; the centre is the object, not the
    shelling's agent. A masculine أنه after a feminine reporting verb, or before a feminine verb, is
    impersonal: 'أفادت الشرطة بأنه قتل' (قُتل), 'أنه قصفت قوات النظام' (the forces shelled)."""
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3), "COERCE": ({"r:bias": 5.0}, 0.0, 0.3)}):
        (shelling,) = [e for e in run_stage("وقالت الحكومة التركية إنها قصفت مركزا لوجيستيا لحزب العمال الكردستاني.", "ar").events if e.type == "ASSAULT"]
        (killing,) = [e for e in run_stage("وأكد حلف شمال الأطلسي أنه قتل نحو 150 متمردا من طالبان.", "ar").events if e.type == "ASSAULT"]
        (arrest,) = [e for e in run_stage("وذكرت الشرطة العسكرية أنها اعتقلت ثلاثة من المتطرفين.", "ar").events if e.type == "COERCE"]
        (impersonal,) = [e for e in run_stage("وأفادت الشرطة بأنه قتل ثلاثة أشخاص في الهجوم.", "ar").events if e.type == "ASSAULT"]
        (after_it,) = [e for e in run_stage("أعلن المرصد السوري أنه قصفت قوات النظام صباح أمس مناطق في مدينة حرستا.", "ar").events if e.type == "ASSAULT"]
    assert [a.text for a in shelling.source_actors] == ["الحكومة التركية"]
    assert [a.text for a in shelling.target_actors] == ["مركزا لوجيستيا لحزب العمال الكردستاني"]
    assert [a.text for a in killing.source_actors] == ["حلف شمال الأطلسي"]
    assert [a.text for a in killing.target_actors] == ["نحو 150 متمردا من طالبان"]  # the rebels' party kept
    assert [a.text for a in arrest.source_actors] == ["الشرطة العسكرية"]
    assert impersonal.source_actors == []
    assert [a.text for a in after_it.source_actors] == ["قوات النظام"]  # before a feminine verb أنه is impersonal
    (agreed,) = [e for e in run_stage("وقال الاتحاد إنه تم الاتفاق على بيع الوحدة.", "ar").events if e.type == "AGREE"]
    assert agreed.source_actors == []  # the pronoun of a passive support verb names nobody


def test_an_attack_noun_after_the_verb_is_its_subject_and_the_object_follows_it():
    """'استهدف هجوم انتحاري بسيارة مفخخة مركز شرطة': past the attack, its adjectives and its
    weapon, the police station is what was hit."""
    (attack,) = _cands("وبعيد منتصف الليل استهدف هجوم انتحاري بسيارة مفخخة مركز شرطة في اسطنبول.", "ASSAULT")
    assert attack["targets"] and attack["targets"][0].startswith("مركز شرطه")
    (rocket,) = _cands("واستهدف هجوم صاروخي قاعدة عسكرية أميركية في العراق.", "ASSAULT")
    assert rocket["targets"] == ["قاعده عسكريه اميركيه"]
    (raids,) = _cands("واستهدفت غارات التحالف قاعدة العند في لحج.", "ASSAULT")
    assert raids["targets"][0].startswith("قاعده العند")
    (sparked,) = _cands("فجرت معركة طاحنة في مدارس البنات.", "ASSAULT")  # sparked a battle: its object
    assert sparked["targets"] == []


def test_an_indefinite_accusative_after_an_adjective_opens_the_object():
    (strike,) = _cands("كما قصفت طائرة أخرى موقعا للانقلابيين الحوثيين بمنطقة الجقينة.", "ASSAULT")
    assert strike["sources"] == ["طائره اخري"] and strike["targets"][0].startswith("موقعا")


@pytest.mark.parametrize("text, source", [
    ("وذكرت مصادر تركية ان حزب العمال الكردستاني واصل من جهته شن هجمات على قوات الامن التركية.", "حزب العمال الكردستاني"),
    ("وتواصل قوات التحالف شن غارات على مواقع الحوثيين.", "قوات التحالف"),
    ("وبدأت القوات العراقية شن هجوم على الرمادي.", "القوات العراقيه"),
    ("وواصلت قوات النظام قصف مدينة داريا.", "قوات النظام"),
    ("وأوضح مسؤول أن القوات الهندية واصلت عملية قصف المناطق المأهولة.", "القوات الهنديه"),
])
def test_continuing_or_beginning_an_attack_gives_it_the_subject_of_that_verb(text, source):
    (attack,) = _cands(text, "ASSAULT")
    assert attack["sources"] == [source]


def test_continue_verbs_support_only_the_noun_right_after_them_or_their_subject():
    """'تواصل قدوم جثث قتلى': the bodies kept arriving; nobody is an attacker. 'حيث يقدم الشاي
    ... وحيث تعقد الاجتماعات': the support verb of another clause lends no subject."""
    assert all(c["sources"] == [] for c in _cands("في غضون ذلك، تواصل قدوم جثث قتلى المتمردين إلى محافظة ذمار.", "ASSAULT"))
    (meeting,) = _cands("وترى صالة حيث يقدم الشاي الإنجليزي الشهير ووجبات الفطور وحيث تعقد الاجتماعات.", "CONSULT")
    assert meeting["sources"] == []
    (lion,) = _cands("ذكر مسؤولون أن زيمبابوي قدمت طلبا لتسليم طبيب أسنان أمريكي قام بقتل أسد شهير.", "ASSAULT")
    assert lion["sources"] == []  # the request's object stands between: Zimbabwe killed nothing


def test_a_verbal_nouns_actor_genitive_then_a_count_are_agent_and_object():
    """'اعتقال الشرطة الإسرائيلية مستوطنين اثنين': the police arrested two settlers (a time adverb
    may stand between); 'اختطاف مسلحين مجهولين عمالا' is no agent 'مسلحين' and object 'مجهولين'."""
    (police,) = _cands("وأخبرت عن اعتقال الشرطة الإسرائيلية مستوطنين اثنين اشتبه في تورطهم.", "COERCE")
    assert police["sources"] == ["الشرطه الاسرائيليه"] and police["targets"] == ["مستوطنين اثنين"]
    (dawn,) = _cands("اضافة إلى اعتقال قوات الاحتلال فجر أمس أربعة شبان فلسطينيين في جنين.", "COERCE")
    assert dawn["sources"] == ["قوات الاحتلال"] and dawn["targets"][0].startswith("اربعه شبان")
    (gunmen,) = _cands("وأدان البيان اختطاف مسلحين مجهولين عمالا أتراكا في بغداد.", "ASSAULT")
    assert gunmen["sources"] != ["مسلحين"]


def test_twice_is_no_subject_and_a_phenomenon_is_not_besieged():
    (twice,) = _cands("وغادر إيران بعد انتخابات عام 2009 واحتجز مرتين على الأقل بتهم فساد.", "COERCE")
    assert twice["sources"] == []
    assert not _cands("أعلن مسؤول عن عزم الرئاسة إصدار قرارات لمحاصرة ظاهرتي، الإرهاب والتطرف الديني.", "COERCE")


def test_a_news_agencys_section_label_is_no_part_of_the_subject():
    (arrest,) = _cands("عام / قوات الإحتلال تعتقل شاباً من بيت حنينا في القدس", "COERCE")
    assert arrest["sources"] == ["قوات الاحتلال"]


def test_a_campaign_goes_on_against_a_party_not_against_the_victims_counted_before():
    """An attack with its attacker and no target continues the attacker's campaign, but the 13
    rebels the last strike killed are that strike's victims, not this one's."""
    events = [e for e in run_stage("وقتل طيران التحالف 13 متمردا من الحوثيين في مأرب. "
                                   "وقصف طيران التحالف في منطقة صرواح أمس.", "ar").events if e.type == "ASSAULT"]
    assert events[-1].trigger.text == "وقصف" and events[-1].target_actors == []


def test_the_day_before_yesterday_ends_the_attacker_and_a_place_in_its_name_is_not_where():
    """'قوات بقيادة الولايات المتحدة اول من امس في اقليم نورستان': 'أول' opens a time, and the
    United States names who led the forces; the strike was in Nuristan."""
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):
        (strike,) = [e for e in run_stage("وقال مسؤول ان 22 مدنيا قتلوا في ضربة جوية شنتها قوات بقيادة الولايات المتحدة "
                                          "اول من امس في اقليم نورستان.", "ar").events if e.type == "ASSAULT"]
    assert [a.text for a in strike.source_actors] == ["قوات بقيادة الولايات المتحدة"]
    assert strike.location is not None and "نورستان" in strike.location.text


def test_two_coordinated_verbs_share_a_subject_and_both_of_is_no_actor():
    """'خططت ونفذت تفجيرا': the first verb is no subject of the second; 'كل من مصر وسوريا' names
    both states, not 'كل'."""
    (planned,) = _cands("أعلنوا الكشف عن شبكة تابعة لتنظيم «القاعدة»، خططت ونفذت تفجيرا استهدف احد الفنادق.", "ASSAULT")
    assert planned["sources"] != ["خططت"]
    (both,) = _cands("وبعد أقل من ثلاثة أسابيع شنت كل من مصر وسوريا هجوما منسقا ضد الجيش الإسرائيلي.", "ASSAULT")
    assert both["sources"] and both["sources"][0].startswith("مصر")


def test_a_count_after_and_takes_a_partitive_and_an_adjective_ends_the_attacker():
    """'قتل 9 من مسلحي الحوثيين و6 من مقاتلي المقاومة': both sides lost men, the resistance killed
    nobody; 'هاجمت طائرة حربية مواقع': the positions are what the warplane attacked."""
    (both,) = _cands("وفي محافظتي لحج وأبين، قتل 9 من مسلحي الحوثيين و6 من مقاتلي المقاومة.", "ASSAULT")
    assert both["sources"] == []
    (plane,) = _cands("وهاجمت طائرة حربية مواقع تابعة للمليشيات جنوبي البلدة.", "ASSAULT")
    assert plane["sources"] == ["طائره حربيه"] and "مليشيات" in plane["targets"][0]  # whose positions


def test_a_disease_that_kills_is_no_attacker():
    assert not _cands("قالت السلطات إن تفشيا فتاكا لداء المحاربين القدماء قتل أربعة أشخاص في نيويورك.", "ASSAULT")


def test_land_held_grounds_and_an_attack_by_description_are_no_coercion_nor_assault():
    """'تحتجز ملايين الأمتار من الأراضي' holds land; 'على اعتبار أن' is 'on the grounds that';
    'هاجم السعودية ... واصفا إياها' attacks in words."""
    assert not _cands("مثل شركة أرامكو التي تحتجز ملايين الأمتار من الأراضي البيضاء لدواع فنية.", "COERCE")
    assert all(c["targets"] == [] for c in _cands("بهدف إيجاد حل سلمي ورفع الحصار على اعتبار أن استمرار الحرب يخدم المتطرفين.", "COERCE"))
    assert _all_types("يذكر أن هيكل قد هاجم السعودية ودول الخليج واصفا إياها بأنها دول متخلفة.") == {"ACCUSE"}


def test_a_date_is_skipped_serious_injuries_name_nobody_and_who_falls_into_an_ambush_is_hit():
    """'ثلاثة مقنعين اختطفوا في مايو الماضي الأب': the masked men abducted the priest (the date stands
    between the verb and its object); 'إصابات بالغة': serious injuries, no victim named 'بالغة';
    'وقعت قوة للقوات المالية في كمين': the force fell into the ambush."""
    (abduction,) = _cands("وكان ثلاثة مقنعين اختطفوا في مايو الماضي الأب جاك مراد رئيس دير مار إليان.", "ASSAULT")
    assert abduction["sources"] == ["ثلاثه مقنعين"] and abduction["targets"][0].startswith("الاب جاك مراد")
    (wounds,) = _cands("وأسفر الهجوم عن إصابات بالغة في أوساط الحوثيين.", "ASSAULT")
    assert wounds["targets"] == []
    (ambush,) = _cands("وقالت الحكومة انه عصر السبت وقعت قوة للقوات المسلحة المالية في كمين على طريق ديابالي.", "ASSAULT")
    assert ambush["targets"] == ["قوه للقوات المسلحه الماليه"]
    (approval,) = _cands("وقد وافقت في 15 تموز/يوليو الماضي على إعادة تشغيل 5 مفاعلات نووية.", "AGREE")
    assert approval["sources"] == []  # both names of the month are the date, no subject


def test_time_pressing_arrest_warrants_and_a_storm_are_no_raid_nor_arrest():
    assert not _cands("مشددا على أن التغيير المناخي يمثل تهديدا وأن الوقت يداهم الجميع لمواجهة هذا التهديد.", "COERCE")
    assert not _cands("الذي بدوره قد يرسل مذكرات الاعتقال لأجهزة الشرطة في كافة دول العالم.", "COERCE")
    assert not _cands("أصدرت المحكمة الجنائية الدولية مذكرتي اعتقال بحق البشير في عامي 2009 و2010.", "COERCE")
    assert not _cands("بدأت الكتابة أثناء عاصفة ثلجية في عام 1979 احتجزتها في البيت.", "COERCE")  # the storm held her


def test_a_coordinated_support_verb_and_finally_end_the_noun_phrase():
    (arrest,) = _cands("مضيفا أنه اعتقل أيضا أحد قيادي «بوكو حرام» وجرى تطهير عدة معسكرات للمتشددين.", "COERCE")
    assert not any("وجري" in t for t in arrest["targets"])
    (siege,) = _cands("نحن في حاجة الى انهاء الحصار المفروض على كوبا نهائيًا.", "COERCE")
    assert siege["targets"] == ["كوبا"]
    (siege,) = _cands("وسجلت القوات تقدما ضد المتطرفين، وفرض حصار محكم على المدينتين.", "COERCE")
    assert siege["targets"] == ["المدينتين"]  # 'محكم' (tight) is no party
    seized = [c for c in _cands("وأعلنت الوزارة أن متطرفا قُتل واعتقل 16 شخصا، كما تم ضبط كميات من الأسلحة.", "COERCE") if c["trigger"] == "ضبط"]
    assert seized and seized[0]["sources"] == [] and seized[0]["targets"] == ["كميات"]  # what was seized


def test_a_year_before_the_verb_is_no_subject():
    (attack,) = _cands("عام 1991م شنّت قوات التحالف بقيادة أمريكا وبريطانيا هجوماً على القوات العراقية بالكويت.", "ASSAULT")
    assert attack["sources"][0].startswith("قوات التحالف")


def test_a_sending_off_in_a_match_is_no_expulsion():
    assert not _cands("ألقى مورينيو باللوم على طرد حارس المرمى تيبو كورتوا في تعادل الفريق أمام سوانزي.", "SANCTION")
    assert _cands("قررت الحكومة طرد السفير الإسرائيلي من البلاد.", "SANCTION")


def test_a_phrase_ends_before_where_its_place_lies():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the roles, whatever the gate says
        (attack,) = _cands("شن مسلحون هجوما على مدينة سيفاري الاستراتيجية الواقعة على بعد 12 كيلومترا من موبتي.", "ASSAULT")
    assert attack["targets"] == ["مدينه سيفاري الاستراتيجيه"]


def test_an_air_force_bombardment_is_an_air_strike():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        doc = run_stage("قصف سلاح الجو التركي مواقع لتنظيم داعش في سوريا أمس.", "ar")
    assert [e.mode for e in doc.events if e.type == "ASSAULT"] == ["aerial"]


def test_flames_that_broke_out_are_no_gunfire():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        assert not _cands("قتل ثلاثة أشخاص في تحطم طائرة صغيرة ما أدى إلى اشتعال النيران في منازل عديدة.", "ASSAULT")


def test_the_paper_that_received_a_copy_of_a_statement_is_no_party():
    doc = run_stage("وقال المكتب الإعلامي لمقاومة آزال، في بيان تلقت «الشرق الأوسط» نسخة منه، إن «عناصرها هاجمت "
                    "محطة للبنزين في مدينة معبر بمحافظة ذمار، جنوب صنعاء، بعبوة ناسفة».", "ar")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and not any("نسخة" in a.text or "الشرق" in a.text for e in attacks for a in e.source_actors)
    # 'عناصرها' (its members) are the speaker's organisation
    assert {a.text for e in attacks for a in e.source_actors} == {"مقاومة آزال"}


@pytest.mark.parametrize("text", [
    "حكم قضائي يهدد مسيرة الفنانين القصبي والسدحان",  # a career
    "احتشد العشرات من الأطفال للاحتفال بالقرنقعوه في أماكن عديدة بأنحاء قطر.",  # a festival crowd
])
def test_a_career_or_a_festive_crowd_is_no_protest(text):
    with classifier.using({"PROTEST": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        assert not _cands(text, "PROTEST")
        assert _cands("خرجت مسيرة حاشدة في صنعاء أمس تنديدا بالغارات.", "PROTEST")


@pytest.mark.parametrize("text, agent", [
    ("مقتل ثلاثة جنود في هجوم لحزب العمال الكردستاني.", "حزب العمال الكردستاني"),  # merged into the casualties
    ("هجوم انتقامي لبوكو حرام على قرية في نيجيريا يخلف 10 قتلى.", "بوكو حرام"),  # after its adjective
    ("مقتل شرطيين في هجوم منسوب لحزب العمال الكردستاني.", "حزب العمال الكردستاني"),  # attributed
    ("وأصيب جنديان في قصف لقوات النظام على مدينة درعا.", "قوات النظام"),  # a stem that is a noun after في
    ("مقتل أربعة مسلحين في ضربة جوية أمريكية.", "أمريكية"),  # the state by its adjective
])
def test_the_agent_of_an_attack_noun_after_its_adjectives(text, agent):
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        doc = run_stage(text, "ar")
    assert [a.text for e in doc.events if e.type == "ASSAULT" for a in e.source_actors] == [agent]


@pytest.mark.parametrize("text, not_an_agent", [
    ("ونصبت المقاومة كمينا للميليشيات في الوادي ما أدى إلى مقتل خمسة مسلحين.", "الميليشيات"),  # an ambush is set for its target
    ("تعرضت المنطقة الخضراء لهجوم بقذائف المورتر.", "المورتر"),  # a munition's genitive is its kind
    ("يحتاج الجيش إلى سلاح صاروخي أميركي مضاد للدروع بعد مقتل 69 جنديا.", "أميركي"),  # the maker, not the attacker
    ("وأسفرت مواجهات أمس عن مقتل 13 من مسلحي الحوثي، فيما جرح العشرات.", "الحوثي"),  # the victims' side
])
def test_what_follows_an_attack_noun_that_names_no_agent(text, not_an_agent):
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        doc = run_stage(text, "ar")
    assert not any(not_an_agent in a.text for e in doc.events if e.type == "ASSAULT" for a in e.source_actors)


def test_shells_fired_by_an_actor_name_it():
    got = _cands("أصيب 9 مواطنين جراء سقوط قذائف أطلقتها كتائب مقاتلة على مناطق في حلب.", "ASSAULT")
    assert any(c["sources"] == ["كتائب مقاتله"] for c in got)


@pytest.mark.parametrize("text, typ, source, target", [
    ("من جانبها، أدانت السعودية الحادث الإرهابي في البحرين.", "ACCUSE", "السعوديه", "الحادث الارهابي"),
    ("واتهمت روسيا الولايات المتحدة بدعم الإرهاب.", "ACCUSE", "روسيا", "الولايات المتحده"),
    ("من جهتها، رفضت شركة «آبل» إعلان أرقام المبيعات.", "REJECT", "شركه « ابل", "اعلان ارقام المبيعات"),
])
def test_a_state_or_quoted_name_ends_the_subject_and_the_object_follows(text, typ, source, target):
    (c,) = _cands(text, typ)
    assert c["sources"] == [source] and c["targets"] == [target]


def test_the_cause_after_counted_victims_and_an_adverb_before_the_verb_are_no_actors():
    (victims,) = _cands("مقتل 31 شخصا بسقوط مقاتلة على سوق في أريحا.", "ASSAULT")
    assert victims["targets"] == ["31 شخصا"]
    (raids,) = _cands("بالمقابل شن الجيش التركي عشرات الغارات على مناطق جبلية.", "ASSAULT")
    assert raids["sources"] == ["الجيش التركي"]


def test_counted_people_end_before_a_ba_phrase_but_a_construct_goes_on():
    got = _cands("قتل مسلحون رجلين بتهمة التجسس في الموصل.", "ASSAULT")
    assert got[0]["targets"] == ["رجلين"]
    got = _cands("اعتقلت الشرطة طلاب برنامج التدريب في جدة.", "COERCE")
    assert got[0]["targets"] == ["طلاب برنامج التدريب"]


@pytest.mark.parametrize("text", [
    "وبحسب بيان نشرته الشركة فإن المشروع يعد احتجاز الكربون وتخزينه حلا تقنيا مفيدا.",  # carbon capture
    "تبلغت غرفة العمليات عن حالة احتجاز يد عامل مصري بداخل فرامة لحم.",  # a hand caught in a machine
    "وقد ذيل البرنامج بنماذج لحصر ومتابعة الحالات كنموذج حصر حالات العنف داخل المدارس.",  # counting cases
])
def test_things_held_or_counted_are_no_coercion(text):
    assert not _cands(text, "COERCE")
    assert _cands("نستمر في الضغط على الباقين من إرهابيي داعش لحصرهم في رقعة صغيرة.", "COERCE")  # confining them


def test_institutions_are_parties_and_a_genitive_with_lam_is_no_object():
    (e,) = run_stage("وقال البيان إن مجلس الإدارة في الاتحاد يرفض بشدة حضور مثل هذه المناسبات.", "ar").events
    assert [a.text for a in e.source_actors] == ["مجلس الإدارة في الاتحاد"]
    (c,) = _cands("اجتمع الرئيس التنفيذي للهيئة الملكية اليوم مع فريق عمل المدينة.", "CONSULT")
    assert c["sources"] == ["الرئيس التنفيذي للهيئه الملكيه"]


def test_after_a_bare_min_the_head_is_the_agent():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        doc = run_stage("أعلنت مصادر امنية مقتل رجل دين مقرب من المجلس الاعلى الاسلامي في بغداد.", "ar")
        assert not [a.text for e in doc.events if e.type == "ASSAULT" for a in e.source_actors]  # close to, not by


def test_the_dead_of_a_group_and_what_was_bombed_are_no_attackers():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        for text, not_an_agent in [
            ("سقطت طائرة حربية في سوق أريحا مما أدى إلى سقوط عشرات القتلى والجرحى من المدنيين.", "المدنيين"),
            ("وفي عام 1984 تم تفجير مرافق تابعة للسفارة الأميركية في بيروت.", "مرافق"),
        ]:
            doc = run_stage(text, "ar")
            assert not any(not_an_agent in a.text for e in doc.events for a in e.source_actors), text


def test_a_time_word_between_an_attack_noun_and_its_verb_keeps_the_noun_the_subject():
    got = _cands("وفي هجوم جديد صباح اليوم استهدف قافلة عسكرية، قتل جنديان تركيان.", "ASSAULT")
    aimed = _by_trigger(got, "استهدف")
    assert aimed["sources"] == [] and aimed["targets"] == ["قافله عسكريه"]


def test_a_dual_noun_is_its_event():
    """'غارتين': the ta marbuta of 'غارة' is written ت before the dual ending."""
    (strikes,) = _cands("وشنت طائرات التحالف غارتين على مواقع المتمردين أمس.", "ASSAULT")
    assert (strikes["trigger"], strikes["sources"], strikes["targets"]) == ("غارتين", ["طائرات التحالف"], ["مواقع المتمردين"])


def test_an_adjective_after_an_indefinite_event_noun_is_no_party():
    """'مساعدات غذائية', 'عقوبات اقتصادية', 'تعزيزات عسكرية': the adjective is no genitive, so
    whom the aid or the sanctions concern follows in a phrase; a counted or nisba noun of people
    after a killing noun stays its victim."""
    assert [(c["sources"], c["targets"]) for c in _cands("وقدمت المملكة مساعدات غذائية إلى اليمن.", "AID")] == [(["المملكه"], ["اليمن"])]
    assert [c["targets"] for c in _cands("وفرضت الدول الغربية عقوبات اقتصادية على إيران.", "SANCTION")] == [["ايران"]]
    assert [c["targets"] for c in _cands("وقدمت قطر مساعدات عاجلة للشعب اليمني.", "AID")] == [["للشعب اليمني"]]
    # reinforcements sent are no target of the strike the sentence reports after them
    assert [(c["sources"], c["targets"]) for c in _cands("وأرسل الجيش تعزيزات عسكرية إلى المنطقة، كما استهدف الطيران محطة وقود.", "MOBILIZE")] == [(["الجيش"], [])]
    assert _cands("وأعلنت الشرطة مقتل شرطيين في انفجار سيارة مفخخة.", "ASSAULT")[0]["targets"] == ["شرطيين"]


def test_what_often_happens_is_no_event_and_the_air_strike_is_one():
    """'حيث كثيرا ما يشن مقاتلو طالبان هجمات': a habit named beside the strike, not a second
    attack whose attacker the strike's event would take; 'الضربة الجوية' is an air strike."""
    got = _cands("ونفذت طائرة أمريكية الضربة الجوية صباح اليوم في اقليم لوغار، حيث كثيرا ما يشن مقاتلو طالبان هجمات على القوات الافغانية.", "ASSAULT")
    assert [(c["trigger"], c["sources"]) for c in got] == [("الضربه الجويه", ["طائره امريكيه"])]


def test_a_counted_group_before_an_attack_verb_is_its_attacker():
    """'نحو مئة مقاتل من طالبان هاجموا المواقع': هاجم cannot be read as a passive, so the counted
    fighters before it attack (a killing verb keeps its passive reading: 'إن 8 جنود من الجيش قتلوا')."""
    (attack,) = _cands("وذكر مسؤول أن نحو مئة مقاتل من طالبان هاجموا المواقع الأمنية في المنطقة.", "ASSAULT")
    assert (attack["sources"], attack["targets"]) == (["نحو مئه مقاتل من طالبان"], ["المواقع الامنيه"])
    (killing,) = _cands("وقالت مصادر إن 8 جنود من الجيش قتلوا في كمين.", "ASSAULT")
    assert (killing["sources"], killing["targets"]) == ([], ["8 جنود من الجيش"])


def test_a_written_damma_marks_the_passive():
    """'قُتل القائد': the one named after the verb is killed (an undiacritised 'قتل القائد' could
    be either, and a name after it stays the killer)."""
    (killing,) = _cands("وقُتل القائد الميداني في غارة على المدينة.", "ASSAULT")[:1]
    assert (killing["sources"], killing["targets"]) == ([], ["القائد الميداني"])


def test_a_name_is_no_support_verb_and_a_quotation_opens_a_clause():
    """'القيادي في حركة فتح': Fatah is no 'opened fire'; in 'وقال المصدر "تعرض القيادي' the speaker
    is no subject of the quoted verb: the leader came under fire."""
    (shooting,) = [e for e in run_stage('وقال المصدر "تعرض القيادي في حركة فتح لإطلاق نار من مجهولين".', "ar").events if e.type == "ASSAULT"]
    assert [a.text for a in shooting.source_actors] == ["مجهولين"]
    assert [a.text for a in shooting.target_actors] == ["القيادي"]


def test_two_of_a_people_noun_before_min_are_its_members_not_their_killers():
    """'قتل عضوان من قوات الأمن طبقا لما ذكره المسؤول': the dual counts members of the forces (no
    agent phrase), and 'according to' ends the phrase."""
    (killing,) = _cands("وقتل عضوان من قوات الأمن طبقا لما ذكره المسؤول.", "ASSAULT")
    assert (killing["sources"], killing["targets"]) == ([], ["عضوان"])
    (attack,) = _cands("وهاجم مسلحون مركز الشرطة طبقا لمصادر محلية.", "ASSAULT")
    assert attack["targets"] == ["مركز الشرطه"]


def test_a_weapon_or_place_after_the_target_is_no_part_of_it():
    """'على مواقع المتمردين بالأسلحة الثقيلة', 'على قوات النظام بوسط المدينة'; a name that opens
    with ب stays ('قوات الرئيس بشار الأسد')."""
    assert [c["targets"] for c in _cands("وشنت القوات قصفا عنيفا على مواقع المتمردين بالأسلحة الثقيلة.", "ASSAULT")] == [["مواقع المتمردين"]]
    assert [c["targets"] for c in _cands("وكثفت المعارضة هجماتها على قوات النظام بوسط المدينة.", "ASSAULT")] == [["قوات النظام"]]
    assert [c["targets"] for c in _cands("وشنت الطائرات غارات على قوات الرئيس بشار الأسد.", "ASSAULT")] == [["قوات الرئيس بشار الاسد"]]


def test_a_subject_does_not_reach_back_over_another_clause():
    """'أن الشرطة أوقفت 25 شخصا في إطار حملة استهدفت أفرادا': the police arrested; the campaign
    targeted, and 'أفرادا من التنظيم' are members of the group, not targeted by it."""
    got = _cands("وأعلن المكتب أن الشرطة أوقفت 25 شخصا في إطار حملة استهدفت أفرادا من التنظيم، بعد هجوم قتل فيه جنديان.", "ASSAULT")
    assert _by_trigger(got, "استهدفت")["sources"] == []


def test_a_place_phrase_after_a_site_locates_the_event():
    """'على منطقة رئيسية لقوات الأسد بوسط درعا': the forces are the target, Daraa the place (not
    'قوات الأسد بوسط درعا'); 'على مواقع لقوات النظام بريف حمص': the Homs countryside, not the
    forces' positions."""
    (shelling,) = run_stage("وقالت المعارضة إنها كثفت قصفها أمس على منطقة رئيسية لقوات الأسد بوسط درعا.", "ar").events
    assert [a.text for a in shelling.target_actors] == ["قوات الأسد"] and shelling.location.text == "درعا"
    (strikes,) = run_stage("وشن الطيران غارات أمس على مواقع لقوات النظام بريف حمص.", "ar").events
    assert strikes.location.text == "ريف حمص"


def test_the_shooters_between_the_firing_verb_and_the_fire():
    """'أطلق مسلحون مجهولون النار ... على دورية': one shooting, the gunmen its source (not part of
    a phrase that runs into النار), what they fired at found after النار; a verb with no النار
    after its subject is no shooting ('فتحت الشرطة تحقيقا')."""
    (shooting,) = _cands("وأطلق مسلحون مجهولون النار أمس في السوق على دورية للشرطة.", "ASSAULT")
    assert (shooting["sources"], shooting["targets"]) == (["مسلحون مجهولون"], ["دوريه للشرطه"])
    (shooting,) = _cands("وأطلقت قوات الأمن النار على المحتجين.", "ASSAULT")
    assert shooting["sources"] == ["قوات الامن"]
    assert _cands("وفتحت الشرطة تحقيقا في الحادث.", "ASSAULT") == []


def test_an_adjective_in_waw_and_an_object_pronoun_are_no_targets():
    """'حملة اعتقالات واسعة': 'واسعة' opens with و and is an adjective; 'اعتقلته السلطات ... على
    بنك': the pronoun is who was arrested, not the bank named later."""
    assert [c["targets"] for c in _cands("وشنت قوات الاحتلال أمس حملة اعتقالات واسعة في صفوف الشبان.", "COERCE")] == [[]]
    assert [c["targets"] for c in _cands("وهو محقق متقاعد اعتقلته السلطات بعد أن أبلغت أسرته عنه بالسطو على بنك.", "COERCE")] == [[]]


def test_a_weekday_before_the_trigger_ends_the_subject_before_it():
    """'ودانت المنظمة الخميس قصف المتمردين': the weekday closes the condemning clause; the rebels
    shelled (was 'ودانت المنظمة الخميس')."""
    (shelling,) = _cands("ودانت المنظمة الخميس قصف المتمردين لمناطق سكنية في المدينة.", "ASSAULT")
    assert shelling["sources"] == ["المتمردين"]


def test_an_unlinked_name_inside_the_source_is_no_place():
    """The tagger reads 'نيران الهاون' (mortar fire) as a place; it is the source, the place is Dar Saad."""
    (shelling,) = run_stage("وأشار البيان إلى أنه في «أكثر الهجمات دموية، قتلت نيران الهاون في منطقة دار سعد أمس عشرات من المدنيين».", "ar").events
    assert shelling.location.text == "دار سعد"


def test_an_attack_verb_with_a_pronoun_subject_carries_on_the_attacker():
    """'شنت طائرات التحالف غارات على مواقع الحوثيين، قصفت من خلالها رتلا': the aircraft shelled,
    not the positions the strikes hit."""
    events = run_stage("شنت طائرات التحالف أمس أربع غارات على مواقع الحوثيين في صنعاء، قصفت من خلالها رتلا عسكريا للحوثيين.", "ar").events
    assert events and all([a.text for a in e.source_actors] == ["طائرات التحالف"] for e in events)


def test_one_of_a_group_after_that_is_the_subject_of_the_verb():
    """'أن مسلحا من عصابة معروفة قتل عشرة': a member of the gang killed, the phrase with من is
    the subject (a quoted name ends at the verb: 'من «جماعة مسلحة» قتل')."""
    (killing,) = _cands("وأعلنت السلطات أن مسلحا من عصابة معروفة قتل عشرة من الصيادين في القرية.", "ASSAULT")
    assert killing["sources"] == ["مسلحا من عصابه معروفه"]
    (killing,) = _cands("وأعلنت السلطات أن عنصرا من «جماعة مسلحة» قتل عشرة من الصيادين في القرية.", "ASSAULT")
    assert killing["sources"] and killing["sources"][0].startswith("عنصرا من")


def test_others_and_the_manner_of_a_killing_mark_its_victims():
    """'وقتل مسؤولان آخران': the others were killed; 'قتل حرقاً' (burnt to death) takes no object,
    so the child named before it is the victim."""
    (killing,) = _cands("وقتل مسؤولان آخران من التنظيم في اليمن في أبريل.", "ASSAULT")
    assert (killing["sources"], killing["targets"]) == ([], ["مسؤولان اخران"])
    (killing,) = _cands("وكان الطفل محمد قتل حرقًا وأصيب والداه بجروح عندما قام متطرفون بحرق منزلهم.", "ASSAULT")
    assert killing["targets"] == ["الطفل محمد"]
    (killing,) = _cands("وأفادت المصادر بأن 14 مسلحا قتلوا علاوة على احتجاز 40 آخرين.", "ASSAULT")  # in addition to
    assert (killing["sources"], killing["targets"]) == ([], ["14 مسلحا"])


def test_at_least_written_as_one_word_counts_the_victims():
    """'قتل مالا يقل عن 11 حوثيا' ('ما لا' written together): at least 11 killed, the Houthis
    the victims (was 'مالا يقل' as target and 11 wounded)."""
    (killing,) = [e for e in run_stage("ومن جهة أخرى قتل مالا يقل عن 11 حوثيا وجرح آخرين في عملية نوعية للمقاومة الشعبية ليلة الأربعاء في جبهة القبة بمحافظة الضالع.", "ar").events]
    assert [a.text for a in killing.target_actors][0] == "11 حوثيا"
    assert [(q.kind, q.value) for q in killing.quantities] == [("killed", 11.0)]


def test_a_trigger_that_ends_the_sentence_has_no_object_to_read():
    """'هبوط طائرة تحمل مساعدات' (a headline ending in its trigger) raised an IndexError in the
    at-least count reading, which dead-lettered the article."""
    assert [c["targets"] for c in _cands("هبوط طائرة تحمل مساعدات", "AID")] == [[]]


def test_riot_police_and_giving_an_example_are_no_protest():
    """'شرطة مكافحة الشغب' is riot police, not a riot; 'سأضرب لكم مثالا' gives an example, no
    strike; 'أعمال الشغب' stays a riot."""
    got = _cands("وتجمع متظاهرون للاحتجاج على الزيارة، فيما نشرت مجموعات من شرطة مكافحة الشغب قرب السفارة.", "PROTEST")
    assert [c["trigger"] for c in got] == ["وتجمع"]
    assert _all_types("سأضرب لكم اليوم مثالا واحدا على ذلك.") == set()
    assert [c["trigger"] for c in _cands("واندلعت أعمال الشغب في المدينة.", "PROTEST")] == ["الشغب"]


def test_shots_into_the_air_are_no_attack():
    """'أطلق مسؤول أمني النار في الهواء', 'أطلقت النار في الهواء': warning shots; fire at people stays."""
    assert _cands("وأطلق مسؤول أمني محلي النار في الهواء بعد تصعيد في حدة التلاسن.", "ASSAULT") == []
    assert _cands("وأطلقت النار في الهواء لتفريق الحشد.", "ASSAULT") == []
    assert [c["targets"] for c in _cands("وأطلقت الشرطة النار على المحتجين.", "ASSAULT")] == [["المحتجين"]]


def test_a_first_person_verb_has_its_subject_in_it():
    """'اعتقلنا خبراء عسكريين إيرانيين' (we arrested): the experts are the arrested, not the arresters."""
    (arrest,) = _cands("محافظ عدن: اعتقلنا خبراء عسكريين إيرانيين", "COERCE")
    assert (arrest["sources"], arrest["targets"]) == ([], ["خبراء عسكريين ايرانيين"])


def test_a_verbal_noun_with_a_genitive_and_a_lam_phrase_names_agent_and_object():
    """'استنكر الأهالي اعتقال الشرطة للصحفيين': the genitive is who arrests, the ل phrase whom (a
    verb would take its object without ل); 'لمنازلهم' is a site, no party; the ل phrase of an
    affiliation ('القوات الموالية لهادي') or of an indefinite word ('مواقع لحزب الله') is not."""
    (arrest,) = _cands("استنكر الأهالي اعتقال الشرطة للصحفيين في المدينة.", "COERCE")
    assert (arrest["sources"], arrest["targets"]) == (["الشرطه"], ["للصحفيين"])
    (shelling,) = _cands("نزح السكان بسبب قصف الميليشيات لمنازلهم في المدينة.", "ASSAULT")
    assert (shelling["sources"], shelling["targets"]) == (["الميليشيات"], [])
    (counted,) = _cands("تندد الجموع باعتقال الجماعة لخمسة من الضباط المتقاعدين.", "COERCE")
    assert (counted["sources"], counted["targets"]) == (["الجماعه"], ["لخمسه من الضباط المتقاعدين"])
    (loyal,) = _cands("وصل تعزيز إلى مواقع القوات الموالية لهادي بعد قصف الحوثيين لها.", "ASSAULT")
    assert loyal["sources"] != ["القوات الموالية"]
    (owned,) = _cands("ويأتي هذا بعد قصف مواقع لحزب الله في الجنوب.", "ASSAULT")
    assert owned["sources"] == []


def test_the_given_name_ali_after_a_title_is_no_preposition():
    """Folding spells 'علي' like 'على': 'قوات الرئيس السابق علي عبد الله صالح' is one phrase, so
    the name is no target of the attack."""
    (attack,) = _cands("هاجمت قوات الرئيس السابق علي عبد الله صالح مواقع المقاومة في تعز.", "ASSAULT")
    assert attack["sources"][0].startswith("قوات الرئيس السابق علي عبد الله صالح")
    assert all("عبد" not in t for t in attack["targets"])


def test_barrel_bombs_and_a_duration_are_no_part_of_a_party():
    """'قصف لطيران النظام بالبراميل المتفجرة': the weapon is no part of the attacker; 'احتجزت
    لمدة عام' (was held for a year): a duration is no subject; 'فقتل شخصين وأصاب سبعة': the
    next casualty verb ends the victims."""
    (killing,) = _cands("قتل 12 شخصا في قصف لطيران النظام بالبراميل المتفجرة على البلدة.", "ASSAULT")[:1]
    assert killing["sources"] == ["لطيران النظام"]
    (held,) = _cands("وكانت قد احتجزت لمدة عام داخل غرفة صغيرة.", "COERCE")
    assert held["sources"] == []
    (shooting,) = _cands("قالت الشرطة إن مسلحا دخل السينما فقتل شخصين وأصاب سبعة آخرين.", "ASSAULT")
    assert shooting["targets"] == ["شخصين"]


def test_the_deadliest_of_the_attacks_is_no_attacker():
    """'واستهدف أكثر الهجمات دموية منطقة بغداد الجديدة': the superlative picks an attack, the
    subject of the verb; it names no party."""
    got = _cands("واستهدف أكثر الهجمات دموية منطقة بغداد الجديدة.", "ASSAULT")
    assert all(c["sources"] == [] for c in got)
    assert all(c["sources"] == [] for c in _cands("وبدأت أحدث احتجاجات أمام وزارة التعليم أمس.", "PROTEST"))  # the latest
    assert "منطقه بغداد الجديده" in [t for c in got for t in c["targets"]]


def test_making_a_surprise_is_no_bombing():
    """'جامايكا تفجر مفاجأة' (Jamaica springs a surprise): the idiom explodes nothing."""
    assert _all_types("جامايكا تفجر مفاجأة وتطيح بالولايات المتحدة") == set()


def test_a_crowd_counted_in_thousands_keeps_its_noun():
    """'حوالى ألف شخص': 'ألف' (a thousand) has no article, so the noun after it is no object."""
    assert _roles("وتجمع حوالى ألف شخص في الساحة الرئيسية احتجاجا على الحكومة.", "PROTEST") == [(["حوالى ألف شخص"], ["الحكومة"])]


def test_what_a_protest_denounces_is_a_party_not_the_adjectives_of_an_issue():
    """'للتنديد بالاتفاق النووي الإيراني الموقع': the party is Iran, not 'النووي الإيراني الموقع';
    'تطالب الحكومة بالسماح لهم': the بـ phrase is the demand, no part of the target."""
    assert _roles("تجمع متظاهرون في نيويورك للتنديد بالاتفاق النووي الإيراني الموقع مع القوى الكبرى.", "PROTEST") == [(["متظاهرون"], ["الإيراني"])]
    (march,) = _cands("خرجت مظاهرة للسكان تطالب الحكومة بالسماح لهم بالعودة.", "PROTEST")
    assert march["targets"] == ["الحكومه"]


def test_a_duration_after_a_verb_is_no_object():
    """'احتجزت عاماً بغرفة' (held for a year in a room): the year is how long, nobody held."""
    assert all(c["targets"] == [] for c in _cands("امرأة احتجزت عاماً بغرفة صغيرة", "COERCE"))


def test_alleged_attacks_and_acts_carried_out_name_no_attacker():
    """'هجمات مفترضة لحركة بوكو حرام': 'alleged' is the attacks' adjective, the ل phrase after it
    their agent; 'ونفذت أعمال اغتصاب': the acts are what was carried out, not who did it."""
    (attacks,) = _cands("قتل 60 شخصا في هجمات مفترضة لحركة بوكو حرام في الكاميرون.", "ASSAULT")[-1:]
    assert attacks["sources"] == ["لحركه بوكو حرام"]
    (rape,) = _cands("ونفذت أعمال اغتصاب جماعية في القرى.", "ASSAULT")
    assert rape["sources"] == []


def test_a_counted_group_before_an_arrest_verb_with_no_object_was_arrested():
    """'إن 251 شخصا اعتقلوا خلال المداهمات': the people were arrested; with an object after the
    verb they arrested it ('إن 30 شرطيا اعتقلوا خمسة مطلوبين')."""
    (arrested,) = _cands("وذكر المكتب أن 251 شخصا اعتقلوا خلال المداهمات.", "COERCE")
    assert (arrested["sources"], arrested["targets"]) == ([], ["251 شخصا"])
    (police,) = _cands("وقال إن 30 شرطيا اعتقلوا خمسة مطلوبين في المدينة.", "COERCE")
    assert (police["sources"], police["targets"]) == (["30 شرطيا"], ["خمسه مطلوبين"])


def test_a_group_of_fighters_and_a_verb_after_the_arrested_are_no_parties():
    """'محاصرة مجموعة من المسلحين': 'من' is partitive (a group of), no agent phrase; 'رجلين كانا
    قد نشرا': the verb after the men is no part of them; 'معهما' is no one arrested."""
    (siege,) = _cands("وأكدت اللجنة محاصرة مجموعة من المسلحين في المدينة.", "COERCE")
    assert siege["sources"] == []
    (arrest,) = _cands("وذكرت الشرطة أنها اعتقلت رجلين كانا قد نشرا دعاية.", "COERCE")
    assert arrest["targets"] == ["رجلين"]
    (along,) = _cands("كما اعتقلت معهما في اليوم نفسه مصورة صحافية.", "COERCE")
    assert along["targets"] != ["معهما"]


def test_a_damma_on_the_ta_of_a_derived_perfect_marks_the_passive():
    """'اعتُقِل كيشي ... من قِبل قوات الاحتلال': the written damma on the ت of form VIII: Kishi
    was arrested, by the forces."""
    assert _roles("اعتُقِل كيشي في طوكيو من قِبل قوات الاحتلال الأمريكية.", "COERCE") == [(["قوات الاحتلال الأمريكية"], ["كيشي"])]


def test_an_attack_in_ones_statements_is_a_criticism():
    """'هاجم روحاني في تصريحاته منتقدي الاتفاق': the statements carry a possessive pronoun."""
    assert _all_types("هاجم روحاني في تصريحاته أمس منتقدي الاتفاق النووي.") == {"ACCUSE"}


@pytest.mark.parametrize("text", ["احتجتُ إلى كلماتي لأحقق سلاماً مع نفسي.", "وقال إنه لم يحتج إلى مساعدة أحد.",
                                  "واحتجنا إلى وقت طويل لفهم ما جرى.", "مرات كثيرة احتجنا أشياء بسيطة جدا."])
def test_needing_is_no_protest(text):
    """احتاج (to need) loses its long vowel in 'احتجتُ', 'احتجنا' and 'لم يحتج', and reads as احتج
    (to protest, whose 'we' is احتججنا); 'إلى' after it is the need's object."""
    assert "PROTEST" not in _all_types(text)


def test_protesting_against_is_still_a_protest():
    assert "PROTEST" in _all_types("واحتجت النقابة على قرار الحكومة أمام مبنى الوزارة.")


@pytest.mark.parametrize("text", ["وتنطلق غدا أكبر تظاهرة اقتصادية للتمور في العالم.", "واختتمت التظاهرة الثقافية بحفل موسيقي.",
                                  "وقدم الكرنفال تظاهرة احتفالية بمذاقات من أنحاء العالم.",
                                  "وقال الخطيب: واعتصموا بحبل الله جميعا ولا تفرقوا.", "لكن المسؤولين اعتصموا بالصمت أمام أسئلة الصحافيين."])
def test_a_festival_or_holding_fast_is_no_protest(text):
    """'تظاهرة اقتصادية' (an economic fair), 'اعتصموا بحبل الله' (hold fast to God's rope), 'اعتصم
    بالصمت' (kept silent): the same words as a demonstration and a sit-in."""
    assert "PROTEST" not in _all_types(text)


def test_a_sit_in_before_a_building_is_still_a_protest():
    assert "PROTEST" in _all_types("واعتصم العمال أمام مقر الشركة احتجاجا على تأخر الرواتب.")


@pytest.mark.parametrize("text, source", [("ونظمت النقابات مظاهرة حاشدة ضد الحكومة.", "النقابات"),
                                          ("وقد نظم طلاب الجامعة مسيرة احتجاجية أمام الوزارة.", "طلاب الجامعه"),
                                          ("مع قيام عدد من شبان العشائر بإقفال طريق المطار.", "شبان العشائر")])
def test_who_organised_a_protest_is_its_source(text, source):
    """'نظّم' (organised) supports a protest noun as 'شنّ' supports an attack, and so does 'قيام X
    بـ' (X's doing of): its subject is who protested. ('خرج', went out, is no support verb: 'خرج
    عن صمته' broke his silence)."""
    assert [c["sources"] for c in _cands(text, "PROTEST")][0] == [source]


def test_the_doer_of_a_verbal_noun_of_doing_is_the_attacker():
    assert _cands("بعد قيام مسلحين بمهاجمة الحاجز.", "ASSAULT")[0]["sources"] == ["مسلحين"]


def test_what_a_protest_was_against_is_no_protester_of_the_next():
    """'مظاهرة ضد الحرب ... إذ نظموا مظاهرات': 'they' who organised the next protest are not the
    war the last one opposed; a protest's pronoun carries on the last protest's protesters."""
    text = ("17 مارس: مظاهرة في ساحة غروفنور سكوير بلندن ضد الحرب الأميركية في فيتنام 19 – 23 مارس: طلاب في جامعة "
            "هوارد في واشنطن يسجلون مرحلة غير مسبوقة من التحرك الطلابي، إذ نظموا مظاهرات تستمر 5 أيام احتلوا خلالها مبنى الإدارة.")
    roles = _roles(text, "PROTEST")
    assert roles and all("الحرب الأميركية" not in sources for sources, _ in roles)


def test_a_verbal_noun_of_doing_supports_only_its_ba_noun():
    """'بعد قيام صحيفة بنشر صور قذائف هاون': the paper published pictures; the shells are no
    attack it made."""
    assert all(c["sources"] == [] for c in _cands("وتقدم بشكوى بعد قيام صحيفة جمهورييت بنشر صور قذائف هاون مخبأة.", "ASSAULT"))
    assert all(c["sources"] == [] for c in _cands("حتى بعد قيام زعيم الحزب بالتنديد بالاتفاق النووي.", "AGREE"))


@pytest.mark.parametrize("text, event_type", [("وقال إن قوات الأمن تعتقل العشرات كل يوم.", "COERCE"),
                                              ("مسلحون يختطفون عشرة عمال في جنوب البلاد.", "ASSAULT"),
                                              ("وقال إن العمال سيعتصمون أمام مجلس المحافظة.", "PROTEST"),
                                              ("المئات يحتشدون في الساحة احتجاجا على تأخر الرواتب.", "PROTEST"),
                                              ("القوات تنسحب من مواقعها قرب الحدود.", "RETREAT")])
def test_the_imperfect_of_a_verb_opening_with_a_hamza_is_a_trigger(text, event_type):
    """اعتقل، اختطف، اعتصم، احتشد، انسحب drop their alif after the person prefix: 'تعتقل', 'يختطفون'."""
    assert event_type in _all_types(text)


@pytest.mark.parametrize("text, event_type", [("ليتهم يفعلون ذلك.", "ACCUSE"), ("وهذا الأمر ينسحب على كل الموظفين.", "RETREAT"),
                                              ("وتلتقي الفرق الأربعة في الدور الثاني.", "CONSULT")])
def test_words_that_look_like_those_imperfects_are_no_trigger(text, event_type):
    """'ليتهم' (if only they), 'ينسحب على' (applies to); a meeting's imperfect names fixtures and is
    not read."""
    assert event_type not in _all_types(text)


def test_doing_reaches_past_a_long_subject_to_its_first_ba_noun():
    """'قام X بالتظاهر' with ten words of X, after an adverbial of purpose ('استجابة للدعوة') that is
    no subject."""
    text = "واستجابة للدعوة قام نحو 1500 شخص من أصحاب الحانات والمطاعم في مدينة هانوفر الألمانية بالتظاهر."
    assert _cands(text, "PROTEST")[0]["sources"] == ["نحو 1500 شخص"]


def test_who_organised_a_march_after_it_is_its_source():
    roles = _roles("وشهدت العاصمة مظاهرات ضخمة نظمتها اتحادات العمال ضد الإصلاحات.", "PROTEST")
    assert any(any("اتحادات العمال" in s for s in sources) for sources, _ in roles)


@pytest.mark.parametrize("text", ["وجاءت الخطوة بعد مظاهرات واسعة مناهضة للحكومة في بغداد.",
                                  "ورددوا في الساحة هتافات التأييد للرئيس.", "{فيرغسون} تتظاهر مطالبة بالأمن"])
def test_adjectives_and_demands_after_a_protest_are_no_protesters(text):
    """'مظاهرات واسعة مناهضة للحكومة' (wide anti-government protests), 'هتافات التأييد للرئيس'
    (chants of support for the president), 'تتظاهر مطالبة' (protests, demanding): no genitive or
    subject names who protested."""
    assert all(c["sources"] == [] for c in _cands(text, "PROTEST"))


def test_the_agent_of_a_killing_after_a_protest_is_no_protester():
    text = "وتواصلت الاحتجاجات التي اندلعت في المدينة إثر مقتل ضابط من قبل أحد أقارب المحافظ."
    assert all(not any("اقارب" in s for s in c["sources"]) for c in _cands(text, "PROTEST"))


@pytest.mark.parametrize("text, source", [("وشارك مئات السوريين في احتجاج نادر أمام مبنى المحافظة.", "مئات السوريين"),
                                          ("وانضم عمال الموانئ الى الاضراب العام في المدينة.", "عمال الموانئ")])
def test_who_took_part_in_a_protest_is_its_source(text, source):
    """'شارك X في' (took part in), 'انضم X إلى' (joined) support the event noun right after their
    preposition."""
    assert [c["sources"] for c in _cands(text, "PROTEST")][0] == [source]


def test_who_took_part_in_a_bombardment_ends_before_for_the_first_time():
    assert _cands("وشاركت طائرات التحالف لأول مرة في قصف مواقع المسلحين.", "ASSAULT")[0]["sources"] == ["طائرات التحالف"]


def test_who_fled_is_the_lam_phrase_after_the_adjectives_of_the_flight():
    """'فرار جماعي لميليشيات الحوثي' (a mass flight of the Houthi militias): the adjective is no
    party, the ل phrase after it is who fled."""
    assert _roles("وأفادت المصادر بفرار جماعي لميليشيات الحوثي من المدينة.", "RETREAT") == [(["ميليشيات الحوثي"], [])]


def test_two_officers_in_construct_are_the_victims_of_a_passive_not_its_object():
    """'وقتل ضابطا شرطة' (two police officers were killed): the construct dual is the subject, so
    the verb has no pronoun subject that would take the last event's victims as its attacker."""
    text = "وأسفر الانفجار عن إصابة ضابطين ومجند. وقتل ضابطا شرطة ومجند أمس في هجوم بمدينة العريش."
    assert [s for s, t in _roles(text, "ASSAULT") if any("ضابطا" in x for x in t)] == [[]]


def test_a_sentence_on_another_front_inherits_no_attacker_or_place():
    """'وعلى صعيد آخر' (on another front) opens another story: the train bombing in Turkey is no
    air strike of the coalition named the sentence before, nor in Raqqa."""
    text = ("وقالت المصادر إن طائرات التحالف الدولي قصفت مواقع للتنظيم في الرقة. وعلى صعيد آخر ذكر تقرير إخباري أن "
            "مواطنين تركيين اثنين أصيبا بجروح طفيفة أمس في تفجير استهدف قطارا.")
    train = [e for e in run_stage(text, "ar").events if e.type == "ASSAULT" and "قطار" in e.evidence.text]
    assert train and all(not e.source_actors and e.place is None for e in train)


def test_an_operation_named_dawn_is_no_bombing():
    """'عملية فجر الكرمة' (Operation Dawn of Karma): فجر after an operation noun is its name, not
    'detonated', and Karma no bomber."""
    got = _cands("وتمكنت القوات ضمن عملية فجر الكرمة من قتل 14 من عناصر داعش.", "ASSAULT")
    assert [c["trigger"] for c in got] == ["قتل"]


@pytest.mark.parametrize("text", ["دب يقتل أميركيا في متنزه يلوستون.", "وأصاب ثور أربعة أشخاص خلال المهرجان.", "خنازير برية تقتل رجلا في صقلية.",
                                  "قتل 11 شخصا أمس في تدافع خلال احتفال ديني في شرق الهند.",
                                  "قرود غابة رغدان تهاجم طفلا وتصيبه بجروح عميقة ونزيف."])
def test_an_animal_or_a_stampede_that_kills_is_no_attacker(text):
    """A bear, a bull, a stampede: the hazards' rule, no attack in a sentence that names no weapon."""
    assert not any(e.type == "ASSAULT" for e in run_stage(text, "ar").events)


def test_a_count_after_an_imperfect_killing_verb_is_its_victims():
    """'انفجار في اسطنبول يقتل ثلاثة' (a blast in Istanbul kills three): the three are killed, not
    killers, and no later sentence inherits them as its attacker."""
    text = "انفجار عند مركز للشرطة في اسطنبول يقتل ثلاثة. وقالت الشرطة إن ثلاثة أشخاص قتلوا في الانفجار."
    roles = _roles(text, "ASSAULT")
    assert ([], ["ثلاثة"]) in roles and all("ثلاثة" not in sources for sources, _ in roles)


def test_a_person_in_the_accusative_after_the_phrase_makes_the_killing_verb_active():
    """'قتل شرطي أبيض طالبا أسود' (a white policeman killed a black student): the policeman is the
    killer, the student the victim."""
    assert _cands("قتل شرطي أبيض طالبا أسود في المدينة.", "ASSAULT")[0]["sources"] == ["شرطي ابيض"]


def test_a_time_phrase_before_the_verb_is_no_attacker():
    """'وبعيد منتصف الليل استهدف هجوم' (shortly after midnight an attack targeted): بعيد, like بعد, opens a time."""
    assert all(not c["sources"] for c in _cands("وبعيد منتصف الليل استهدف هجوم انتحاري مركز شرطة في المدينة.", "ASSAULT"))


def test_whoever_kills_has_its_victims_after_the_verb():
    """'من يقتل المسلمين' (whoever kills Muslims): 'من' is the subject, the Muslims the object."""
    assert _cands("من يقتل المسلمين في المساجد لا يمكن أن يكون سويا.", "ASSAULT")[0]["sources"] == []


@pytest.mark.parametrize("text, source, target", [("واتهمت موسكو الحكومة البريطانية بطرد دبلوماسييها.", "موسكو", "الحكومة البريطانية"),
                                                  ("وتتهم واشنطن ولندن وباريس الجيش السوري بشن هجمات.", "واشنطن ولندن وباريس", "الجيش السوري")])
def test_capitals_that_accuse_end_before_the_accused(text, source, target):
    """A capital standing for its state takes no genitive: the definite actor after it is the object."""
    ((sources, targets),) = _roles(text, "ACCUSE")
    assert sources == [source] and targets[0].startswith(target)


def test_the_subject_between_kana_and_qad_is_the_attacker():
    """'وكانت مجموعة من ثلاثين طالبا قد اقتحمت ليلا عيادة' (a group of thirty students had stormed
    a clinic at night): the subject stands between كان and قد, the clinic after the verb is its object."""
    got = _cands("وكانت مجموعة من حوالي ثلاثين طالبا من المسجد الاحمر قد اقتحمت ليلا عيادة في اسلام اباد.", "ASSAULT")
    assert got[0]["sources"][0].startswith("مجموعه من")


def test_the_latest_attack_is_the_subject_not_an_attacker():
    """'استهدف آخر هجوم انتحاري القوات الأجنبية': 'آخر' (the latest) counts the attacks like 'أعنف'."""
    assert all(c["sources"] == [] for c in _cands("وقد استهدف اخر هجوم انتحاري في كابل القوات الاجنبية.", "ASSAULT"))


def test_militants_from_among_a_groups_loyalists_are_the_kidnappers():
    """'المتشددين من الموالين لحركة طالبان' (militants among the Taliban's loyalists): militants,
    extremists and loyalists are actor nouns, so the phrase before 'من' heads the subject."""
    got = _cands("ذكرت تقارير أن المتشددين من الموالين لحركة طالبان اختطفوا سبعة جنود في المنطقة القبلية.", "ASSAULT")
    assert got[0]["sources"] == ["المتشددين من الموالين لحركه طالبان"]


def test_counted_victims_keep_the_party_they_belong_to():
    """'قتلت القوات 11 مسلحا من تنظيم القاعدة': whose fighters were killed is part of the target;
    'من منازلهم' (from their homes) names no party and stays out."""
    assert _cands("وقتلت القوات 11 مسلحا من تنظيم القاعدة.", "ASSAULT")[0]["targets"] == ["11 مسلحا من تنظيم القاعده"]
    assert _cands("وخطف مسلحون ثلاثة أشخاص من منازلهم.", "ASSAULT")[0]["targets"] == ["ثلاثه اشخاص"]


def test_at_least_between_the_subject_and_the_verb_is_the_counts():
    """'أن 55 سفينة على الأقل تعرضت للهجوم': 'على الأقل' (at least) qualifies the count before it;
    the ships are what came under attack."""
    got = _cands("وأعلن المكتب البحري أن 55 سفينة على الأقل تعرضت للهجوم في خليج عدن.", "ASSAULT")
    assert got[0]["targets"] == ["55 سفينه"]
    # a bare count before a killing verb is whom it killed, never an agent
    assert _cands("وأعلنت الشرطة ان عشرة على الأقل قتلوا في هجوم انتحاري.", "ASSAULT")[0]["sources"] == []


def test_a_harsh_attack_on_a_person_in_a_statement_is_a_criticism():
    """'بيان ... يشن هجوما قاسيا على عمرو موسى' (a statement launches a harsh attack on Amr Moussa):
    a harsh tone names words, not weapons."""
    assert _all_types("وصدر بيان عن مصادر فلسطينية يشن هجوما قاسيا على عمرو موسى لأنه يشجع الانقلابيين.") == {"ACCUSE"}


def test_people_a_storm_holds_are_no_detainees():
    """'أمطار الجنوب ... تحتجز 10 أشخاص' (southern rains trap 10 people): a hazard as the subject of
    a detention verb; the police holding people after a fire still detain them."""
    assert "COERCE" not in _all_types("أمطار الجنوب تعزل قرى وتقطع التيار وتحتجز 10 أشخاص")
    assert "COERCE" in _all_types("وتحتجز الشرطة 10 أشخاص بعد حريق في المصنع.")


def test_what_happens_sometimes_is_no_event():
    """'وفي بعض الأحيان يحتجز هؤلاء المشتبه بهم دون محاكمة' (sometimes these suspects are held
    without trial): a habit, like 'كثيرا ما'."""
    assert "COERCE" not in _all_types("وفي بعض الأحيان يحتجز هؤلاء المشتبه بهم دون محاكمة لعدة أشهر.")


def test_a_car_that_storms_a_shop_crashed():
    """'سيارة تقتحم محلا' (a car ploughs into a shop): a vehicle as the subject of اقتحم is a crash."""
    assert "ASSAULT" not in _all_types("سيارة تقتحم محلا للبدل العسكرية بالمدينة المنورة")
    assert "ASSAULT" in _all_types("مسلحون يقتحمون محلا للبدل العسكرية بالمدينة المنورة")


def test_a_verbal_noun_with_a_possessive_pronoun_takes_no_genitive_and_no_later_target():
    """'تم اعتقالهم ... مؤكدا الحرص على مواصلة السعي', 'فترات اعتقالهم وراودتهم كوابيس': the
    pronoun is whom they held; what follows is another clause. 'محاصرة' is no pronoun suffix."""
    got = _cands("وأفاد بيان أنه تم الاحتفاظ على 12 شخصا تم اعتقالهم خلال الحملة، مؤكدا الحرص على مواصلة السعي الى الكشف عن الخلايا.", "COERCE")
    assert got[0]["targets"] == []
    assert _cands("وتبول الاطفال من الخوف خلال فترات اعتقالهم وراودتهم كوابيس بعد ذلك.", "COERCE")[0]["targets"] == []
    assert _cands("وتمكنت القوات الأمنية من محاصرة أوكار المتطرفين في غزة.", "COERCE")[0]["targets"] == ["اوكار المتطرفين"]


def test_whose_release_is_no_releaser():
    """'طالب السلطات ... بإسقاط التهم عن طاهري وضمان إطلاق سراحه': طاهري is released, not the
    releaser; the one who withdraws is the possessor of 'انسحابها'."""
    got = _cands("وقال في بيانه أطالب السلطات الايرانية باسقاط التهم فورا عن طاهري وضمان اطلاق سراحه بلا شروط.", "RETREAT")
    assert got[0]["sources"] == []
    got = _cands("وكشف أن الميليشيات عمدت قبيل انسحابها من عدن إلى زرع الألغام.", "RETREAT")
    assert got[0]["sources"] == ["الميليشيات"]


def test_a_time_word_between_verb_and_subject_is_skipped():
    """'اطلق يومها مسلح النار' (a gunman opened fire that day)."""
    got = _cands("اذ اطلق يومها مسلح النار على متفرجين في سينما بمدينة اورورا.", "ASSAULT")
    assert got[0]["sources"] == ["مسلح"] and got[0]["targets"] == ["متفرجين"]


def test_what_is_fired_is_no_shooter():
    """'عندما اطلق الرصاص' (when he fired): the bullets are the object, the subject a pronoun;
    'أطلق مسلحون الرصاص على' is one shooting, like 'أطلق مسلحون النار'."""
    got = _cands("وفر المسلح عندما اطلق الرصاص بعد ان شق طريقه الى شاطئ فندق.", "ASSAULT")
    assert all(c["sources"] == [] for c in got)
    got = _cands("أطلق مسلحون الرصاص على سيارة الشرطة في بغداد.", "ASSAULT")
    assert got[0]["sources"] == ["مسلحون"] and got[0]["targets"] == ["سياره الشرطه"]


def test_a_series_or_several_is_what_was_carried_out():
    """'نفذت سلسلة هجمات', 'شن عدة غارات': the series of attacks, not who carried them out;
    'وقتل عدة أشخاص' (several people were killed): counted people after a bare verb are victims."""
    got = _cands("حيث نفذت سلسلة هجمات على مواقعهم في المحافظة.", "ASSAULT")
    assert all("سلسله" not in s for c in got for s in c["sources"])
    got = _cands("كما شن عدة غارات جوية على مواقع الحوثيين في محافظة مأرب.", "ASSAULT")
    assert all("عده" not in s for c in got for s in c["sources"])
    kill = _cands("وقتل عدة أشخاص في القصف.", "ASSAULT")[0]
    assert kill["sources"] == [] and kill["targets"] == ["عده اشخاص"]


def test_both_of_them_in_the_accusative_is_the_object():
    """'اعتقلت كلا من أيوب عبيد وعنان عبيد': those arrested; a coordinated verb shares the
    subject of its clause ('إن قوات الاحتلال اقتحمت بلدة العيسوية وداهمت عدة منازل')."""
    got = _cands("إن قوات الاحتلال اقتحمت بلدة العيسوية وداهمت عدة منازل، ومن ثم اعتقلت كلا من أيوب عبيد وعنان عبيد.", "COERCE")
    raid = next(c for c in got if c["trigger"] == "وداهمت")
    assert raid["sources"] == ["قوات الاحتلال"] and raid["targets"] == ["عده منازل"]
    arrest = next(c for c in got if c["trigger"] == "اعتقلت")
    assert "كلا" not in arrest["sources"] and arrest["targets"][0].startswith("ايوب")


def test_a_passive_verb_and_a_light_noun_end_a_phrase():
    """'بينما أصيب ستة جنود وتعرضت 30 مركبة للتدمير': what was destroyed is the vehicles, not
    'أصيب ستة جنود'; 'اغتيال النائب العام قيام العناصر': the prosecutor was killed, 'قيام' opens
    the next phrase."""
    got = _cands("ولم يسفر الحادث عن سقوط قتلى، بينما أصيب ستة جنود وتعرضت 30 مركبة عسكرية للتدمير.", "ASSAULT")
    assert not any("اصيب" in t for c in got for t in c["targets"])
    got = _cands("وشهدت عملية اغتيال النائب العام قيام العناصر الإرهابية بتفجير سيارة مفخخة.", "ASSAULT")
    assert next(c for c in got if c["trigger"] == "اغتيال")["targets"] == ["النائب العام"]


def test_a_coordinated_verb_after_a_place_shares_the_clause_subject():
    """'إن قوات البيشمركة تمكنت من صد هجوم ... جبل شنكال «سنجار» وقتلت 10 مسلحين': the
    Peshmerga killed them, not the mountain; 'إذا وافقت ابنة الضحية' is no coordinated verb."""
    got = _cands("إن قوات البيشمركة تمكنت امس من صد هجوم لمسلحي داعش في قرية تل شور شمال شرق جبل شنكال «سنجار» وقتلت 10 مسلحين من التنظيم.", "ASSAULT")
    assert next(c for c in got if c["trigger"] == "وقتلت")["sources"] == ["قوات البيشمركه"]
    got = _cands("وقال إن المحكمة ستطلق سراح القاتل فقط إذا وافقت ابنة الضحية الوحيدة عندما تبلغ سن الرشد.", "AGREE")
    assert got[0]["sources"] == ["ابنه الضحيه الوحيده"]


def test_the_subject_after_a_verb_with_an_object_pronoun():
    """'مقابل رهائن احتجزتهم الميليشيات' (hostages the militias held): the object is in the verb, the
    subject after it, not the phrase before; 'ما زالت' stands between a subject and its verb."""
    assert _cands("وطلب وسيطا في عملية دفع فدية مقابل رهائن احتجزتهم الميليشيات.", "COERCE")[0]["sources"] == ["الميليشيات"]
    assert _cands("وكان داسيلفا اجتمع مع اللاعبين وطالبهم بتكثيف الجهود خلال المعسكر.", "REQUEST")[0]["sources"] != ["بتكثيف الجهود"]
    got = _cands("وأكدت الهيئة أن سلطات الاحتلال الإسرائيلي ما زالت تواصل اعتقالاتها بحق 200 طفل فلسطيني.", "COERCE")
    assert got[0]["sources"] == ["سلطات الاحتلال الاسرائيلي"]


def test_a_held_passport_is_no_arrest():
    """'احتجزوا جواز سفرها' (they held her passport): a thing held, no one detained."""
    assert "COERCE" not in _all_types("وقالت إن ضباط الأمن احتجزوا جواز سفرها في المطار.")
    assert "COERCE" in _all_types("وقالت إن ضباط الأمن احتجزوا الصحفية في المطار.")


def test_the_subject_after_an_object_pronoun_ends_before_a_ba_phrase():
    """'أدانته المحكمة بإرسال معلومات' (the court convicted him of sending): the court, not 'المحكمة
    بإرسال'; 'رفضه اتحاد الكرة بشدة' (the federation firmly refused it)."""
    assert _cands("كما أدانته المحكمة بإرسال وتخزين ما من شأنه المساس بالنظام العام.", "ACCUSE")[0]["sources"] == ["المحكمه"]
    assert _cands("وهو ما رفضه اتحاد الكرة بشدة من منطلق رغبته.", "REJECT")[0]["sources"] == ["اتحاد الكره"]


def test_who_went_out_in_a_march_marched():
    """'خرج' supports the event noun right after في, like 'شارك في': its subject took part."""
    got = _cands("خرج مئات المصلين في المسجد الأقصى، في مسيرة بعد صلاة الجمعة أمس.", "PROTEST")
    assert got and got[0]["sources"] == ["مئات المصلين"]
    assert not _cands("خرج المريض من المستشفى أمس.", "PROTEST")


def test_who_fires_tear_gas_is_no_protester_the_crowd_is():
    got = _cands("أطلقت الشرطة التركية الغاز المسيل للدموع لتفريق نحو ألف متظاهر في أنقرة.", "PROTEST")
    assert got and got[0]["sources"] == ["نحو الف متظاهر"]  # folded text
    got = _cands("فرقت الشرطة مستخدمة الغاز المسيل للدموع مظاهرة نظمها حزب البعث في الخرطوم.", "PROTEST")
    assert got and got[0]["sources"] == ["حزب البعث"]


def test_a_second_event_after_a_trigger_is_no_object_of_it():
    """'أن متطرفًا قُتل واعتقل 16 شخصًا': those arrested were not killed."""
    for c in _cands("أعلنت الوزارة أن متطرفًا قُتل واعتقل 16 شخصًا بشبهة الإرهاب.", "ASSAULT"):
        assert not any("اعتقل" in t for t in c["targets"])


def test_defending_is_no_stampede_and_accusing_her_of_arrests_alleges_them():
    """'منظمات تدافع عن حقوق الإنسان' defend: no hazard that would make the arrests none; 'تتهمها
    باعتقال' (accuses it of arresting) alleges them."""
    (arrest,) = [e for e in run_stage("وتواجه إثيوبيا ضغوطا من منظمات تدافع عن حقوق الإنسان تتهمها باعتقال ناشطين وصحفيين.", "ar").events
                 if e.type == "COERCE"]
    assert arrest.status == "alleged"
    assert not _cands("قتل 11 شخصا في تدافع خلال احتفال ديني في الهند.", "ASSAULT")


def test_people_rescuers_freed_were_trapped_and_an_object_ends_at_a_coordinated_event():
    assert not _cands("حررت فرق الهلال الأحمر والدفاع المدني 3 أشخاص احتجزوا بعقبة الأبناء بمحافظة بلجرشي.", "COERCE")
    (held,) = _cands("جماعة الحوثي التي تعتقل الإنسان وتقتله وبعد ذلك تضربه.", "COERCE")
    assert held["targets"] == ["الانسان"]
    strikes = _cands("واستهدف الطيران مواقع وتعزيزات عسكرية شمال مدينة الضالع، كما استهدف محطة للمشتقات النفطية.", "ASSAULT")
    assert strikes[0]["targets"][0].startswith("مواقع وتعزيزات عسكريه")  # two nouns, one object
    (refusal,) = _cands("وأكثر المشاكل تأتي من السريلانكية، كرفض العمل والهروب.", "REJECT")
    assert refusal["targets"] == ["العمل والهروب"]


def test_last_week_is_no_object_and_the_assad_forces_no_hazard():
    for c in _cands('وقال غامندي ان "تسعة من مزارعي البطيخ قتلوا الاسبوع الماضي في دابار".', "ASSAULT"):
        assert not any(t.startswith("الاسبوع") for t in c["targets"])
    assert any(e.type == "ASSAULT" for e in run_stage("قتلت قوات الأسد 10 أشخاص في درعا أمس.", "ar").events)


def test_electrifying_is_no_flight_and_a_duration_ends_a_party():
    assert "RETREAT" not in _all_types("الرسالة التي كهربت الجسد اليمني هي أن التحالف العربي أبى.")  # ك + هربت
    (truce,) = _cands("واستصدار قرار لوقف إطلاق النار بين قوى النظام ومعارضيه مدة ستة أشهر ليتسنى للسوريين الاختيار.", "RETREAT")
    assert truce["sources"] == ["قوي النظام ومعارضيه"]


def test_a_clubs_complaint_and_a_crowd_watching_fireworks_are_no_protest():
    assert "PROTEST" not in _all_types("قررت لجنة الانضباط رفض احتجاج نادي الفيحاء على مشاركة اللاعب في مباراة الفريقين.")
    assert "PROTEST" not in _all_types("واحتشد آلاف المواطنين في الشوارع المحيطة لمشاهدة الألعاب النارية.")
    assert "PROTEST" in _all_types("هتفت عدة مئات من الجماهير مطالبة باستقالة رئيس النادي.")


def test_a_year_that_saw_an_event_is_no_place():
    for rec in analyse(make_doc("شهد العام الجاري احتجاجات واسعة ضد الحكومة في البلاد.", "ar"))[1]:
        assert all(c.location is None or rec["sent"].tokens[c.location[0]].text != "العام" for c in rec["cands"])


def test_a_verbs_agent_is_its_subject_not_the_genitive_of_a_noun():
    """'التي تقصف أهدافا لداعش': the verb's subject is the relative's antecedent; the targets after
    it are no attacker, as they would be after the noun 'قصف'."""
    got = _cands("وأكدت تركيا أمس أنها فتحت قاعدة إنجرليك الجوية في الجنوب للطائرات الأمريكية التي تقصف أهدافا لداعش في سوريا والعراق.", "ASSAULT")
    assert got and all("اهدافا لداعش" not in c["sources"] for c in got)
    (shelling,) = _cands("ارتفعت حصيلة القتلى جراء قصف مسلحي جماعة أنصار الله الحوثية على الأحياء.", "ASSAULT")
    assert shelling["sources"] == ["مسلحي جماعه انصار الله الحوثيه"]  # a bare stem may be the noun

