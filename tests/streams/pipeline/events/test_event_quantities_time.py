from datetime import date

import pytest

from marsad.streams.pipeline.events.quantities import parse_quantities
from marsad.streams.pipeline.events.text import fold, tokenize
from marsad.streams.pipeline.events.timex import resolve_times

PUB = date(2019, 2, 9)  # Saturday


def qty(text, lang="ar"):
    f = fold(text).text
    return [q for _, _, q in parse_quantities(tokenize(f), lang, lambda a, b: f[a:b])]


def test_more_than_twenty_thousand():
    (q,) = qty("جرى إجلاء أكثر من 20 ألفاً من المدنيين")
    assert q.kind == "evacuated" and q.min == 20000 and q.approximate


def test_eastern_digits_and_kinds():
    qs = qty("قتل ٢٠ شخصا واصيب ٦٠ آخرون")
    assert [(q.kind, q.value) for q in qs] == [("killed", 20), ("injured", 60)]


def test_martyrs_are_the_killed():
    """'استشهاد 26 شخصا', 'خمسة شهداء': the press's word for the killed, not the wounded after it."""
    qs = qty("ما أدى إلى استشهاد 26 شخصا وإصابة 227 آخرين، وسقوط خمسة شهداء")
    assert [(q.kind, q.value) for q in qs] == [("killed", 26), ("injured", 227), ("killed", 5)]


def test_two_figures_joined_by_wa_are_two_figures_and_years_none():
    """Compound numbers join words ('خمسة وعشرون'), never digits: '12 و15' are two figures and
    'عامي 2009 و2010' two years, no count of 4,019; after بين they bound a range."""
    assert [(q.kind, q.value) for q in qty("قتل 12 و15 شخصا في هجومين")] == [("killed", 12), ("killed", 15)]
    assert [(q.kind, q.value) for q in qty("قتل خمسة وعشرون شخصا")] == [("killed", 25)]
    assert qty("اعتقلت الشرطة في عامي 2009 و2010 عددا من المتهمين") == []
    (q,) = qty("سقط بين 20 و30 قتيلا")
    assert q.kind == "killed" and (q.min, q.max) == (20, 30)


def test_a_number_takes_no_casualty_word_across_a_clause_opener():
    """'القوة المؤلفة من 8700 عسكري فيما قتل ستة': the force's size, not 8,700 dead."""
    got = [(q.kind, q.value) for q in qty("قائدا للقوة المشتركة المؤلفة من 8700 عسكري فيما قتل ستة اشخاص في هجوم")]
    assert ("killed", 8700) not in got and ("killed", 6) in got


def test_a_day_of_a_levantine_month_is_no_count():
    got = qty("اعتقلت الشرطة خمسة متظاهرين في 24 تموز/يوليو الجاري")
    assert [(q.kind, q.value) for q in got] == [("arrested", 5)]


def test_a_number_that_names_a_unit_is_no_count():
    """'الفرقة 30' is the 30th Division, 'القرار 2216' a resolution (quantities.json numbered_units)."""
    assert [(q.kind, q.value) for q in qty("وقتل خمسة من أفراد الفرقة 30 أثناء تصديهم للمهاجمين")] == [("killed", 5)]
    assert [(q.kind, q.value) for q in qty("دمرت غارة طقما على متنه مضاد طيران عيار 23 وقتل 3 من طاقمه")] == [("killed", 3)]
    assert [(q.kind, q.value) for q in qty("وقتلوا ما مجموعه 43 شخصا")] == [("killed", 43)]  # a total, no group 43


def test_dozens_arabic():
    (q,) = qty("اعتقلت الشرطة عشرات المتظاهرين")
    assert q.kind == "arrested" and q.value is None and q.min == 20 and q.approximate


def test_many_without_the_article_is_a_vague_count():
    """'قتل عديداً من الإرهابيين' as 'العديد من': many, not a party called 'عديد'."""
    (q,) = qty("وأكد الجيش أنه قتل عديدا من الإرهابيين")
    assert q.kind == "killed" and q.value is None and q.min == 5


def test_arabic_number_words():
    (q,) = qty("مقتل خمسة آلاف شخص")
    assert q.kind == "killed" and q.value == 5000


def test_english_words_and_ranges():
    qs = qty("at least twenty-five people were killed and 10 to 15 wounded", "en")
    kinds = {q.kind: q for q in qs}
    assert kinds["injured"].min == 10 and kinds["injured"].max == 15
    (q,) = qty("more than 1,000 Palestinians were arrested", "en")
    assert q.kind == "arrested" and q.min == 1000
    (q,) = qty("dozens of protesters were injured", "en")
    assert q.kind == "injured" and q.value is None


def _t(text, lang="ar"):
    return [(t.start, t.end, t.precision) for _, _, t in resolve_times(fold(text).text, PUB, lang)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("قال اليوم السبت", [(date(2019, 2, 9), date(2019, 2, 9), "day")]),
        # the weekday named with 'today' or 'yesterday' wins: a Friday story republished after midnight
        ("قال اليوم الجمعة", [(date(2019, 2, 8), date(2019, 2, 8), "day")]),
        ("وقع الهجوم أمس الخميس", [(date(2019, 2, 7), date(2019, 2, 7), "day")]),
        ("قال مساء اليوم الأحد", [(date(2019, 2, 10), date(2019, 2, 10), "part_of_day")]),
        ("وقع الهجوم أمس", [(date(2019, 2, 8), date(2019, 2, 8), "day")]),
        ("شنت الطائرات مساء اليوم هجوما", [(date(2019, 2, 9), date(2019, 2, 9), "part_of_day")]),
        ("خلال الأيام العشرة الأخيرة", [(date(2019, 1, 30), date(2019, 2, 9), "range")]),
        ("الأسبوع الماضي", [(date(2019, 1, 28), date(2019, 2, 3), "week")]),
        ("يوم الثلاثاء", [(date(2019, 2, 5), date(2019, 2, 5), "day")]),
        ("يوم 27 ديسمبر الماضي", [(date(2018, 12, 27), date(2018, 12, 27), "day")]),
        ("الهجوم على المتحف في مارس الماضي", [(date(2018, 3, 1), date(2018, 3, 31), "month")]),
        ("في شهر كانون الثاني", [(date(2019, 1, 1), date(2019, 1, 31), "month")]),
        ("أيلول المقبل", []),  # a bare month name needs a lead word or a year ('آب' is also 'father')
        ("في أيلول المقبل", [(date(2019, 9, 1), date(2019, 9, 30), "month")]),
        ("قتلوا منذ بداية هذا الصراع في مارس 2011", [(date(2011, 3, 1), date(2019, 2, 9), "range")]),
        ("منذ مطلع العام الحالي", [(date(2019, 1, 1), date(2019, 2, 9), "range")]),
        ("منذ عام 2014", [(date(2014, 1, 1), date(2019, 2, 9), "range")]),
        # 'بعد عام 2003' (after 2003) opens a period as 'منذ' does; 'بعد ظهر أمس' is an afternoon
        ("الكتل التي تحكم البلاد بعد عام 2003", [(date(2003, 1, 1), date(2019, 2, 9), "range")]),
        ("وقع الهجوم بعد ظهر أمس", [(date(2019, 2, 8), date(2019, 2, 8), "part_of_day")]),
        # the month's other name and 'من العام' before the year belong to the same expression
        ("في يوليو (تموز) 2005", [(date(2005, 7, 1), date(2005, 7, 31), "month")]),
        ("منذ أغسطس (آب) 2014", [(date(2014, 8, 1), date(2019, 2, 9), "range")]),
        ("يوم 24 يوليو (تموز) من العام 1995", [(date(1995, 7, 24), date(1995, 7, 24), "day")]),
        ("يوم 21 أكتوبر/تشرين الأول 2000", [(date(2000, 10, 21), date(2000, 10, 21), "day")]),
        # a weekday and its date are one day, the date's; a night named by two days spans both
        ("أثناء صلاة الجمعة يوم 26 يناير", [(date(2019, 1, 26), date(2019, 1, 26), "day")]),
        ("بعد منتصف ليل الخميس - الجمعة", [(date(2019, 2, 7), date(2019, 2, 8), "range")]),
        # further off, a weekday its date falls on is that date (25 January 2019 was a Friday);
        # another weekday stays the last one
        ("تفجير خلال صلاة الجمعة في شهر رمضان في 25 يناير الماضي", [(date(2019, 1, 25), date(2019, 1, 25), "day")] * 2),
        ("وقع الهجوم يوم الجمعة، وفي 24 يناير اعتقلت الشرطة ثلاثة", [(date(2019, 2, 8), date(2019, 2, 8), "day"),
                                                               (date(2019, 1, 24), date(2019, 1, 24), "day")]),
        # ... and a date further off is another day's, though it falls on that weekday too
        ("هدد التنظيم الجمعة بإعدام رهينة يعمل لحساب شركة فرنسية وخطف في 25 يناير", [(date(2019, 2, 8), date(2019, 2, 8), "day"),
                                                                              (date(2019, 1, 25), date(2019, 1, 25), "day")]),
        ("قتلوا ليل الاربعاء الخميس في غارة", [(date(2019, 2, 6), date(2019, 2, 7), "range")]),
        # a part of a period is its third: a strike 'early in the month' is not the day's strike
        ("وأسفرت غارة في بداية الشهر عن مقتل", [(date(2019, 2, 1), date(2019, 2, 9), "range")]),
        ("منتصف الشهر الماضي", [(date(2019, 1, 11), date(2019, 1, 21), "range")]),
        ("في نهاية العام الماضي", [(date(2018, 9, 1), date(2018, 12, 31), "range")]),
        ("في أواخر يونيو الماضي", [(date(2018, 6, 21), date(2018, 6, 30), "range")]),
        ("في مطلع يناير", [(date(2019, 1, 1), date(2019, 1, 10), "range")]),
        # an entry of an 'on this day' chronology is of its year
        ("1980 - صدام حسين يقوم بأول زيارة إلى السعودية", [(date(1980, 1, 1), date(1980, 12, 31), "year")]),
        ("قتل 5 أشخاص في 2014 - 2015", []),
    ],
)
def test_arabic_time(text, expected):
    assert _t(text) == expected


def test_english_time():
    assert _t("rebels attacked the town on Tuesday", "en") == [(date(2019, 2, 5), date(2019, 2, 5), "day")]
    assert _t("protests last week", "en") == [(date(2019, 1, 28), date(2019, 2, 3), "week")]
    assert _t("yesterday", "en") == [(date(2019, 2, 8), date(2019, 2, 8), "day")]
    assert _t("the attack in May", "en") == [(date(2018, 5, 1), date(2018, 5, 31), "month")]
    assert _t("it may rain in March 2017", "en") == [(date(2017, 3, 1), date(2017, 3, 31), "month")]
    assert _t("240,000 killed since the start of the war in March 2011", "en") == [(date(2011, 3, 1), date(2019, 2, 9), "range")]
    assert _t("a drone strike earlier this month", "en") == [(date(2019, 2, 1), date(2019, 2, 9), "range")]
    assert _t("at the end of last month", "en") == [(date(2019, 1, 22), date(2019, 1, 31), "range")]
    assert _t("the shooting in late June", "en") == [(date(2018, 6, 21), date(2018, 6, 30), "range")]
    assert _t("talks in mid-January", "en") == [(date(2019, 1, 11), date(2019, 1, 21), "range")]
    assert _t("the attack on Friday, January 25 killed five", "en") == [(date(2019, 1, 25), date(2019, 1, 25), "day")]


@pytest.mark.parametrize("text", ["0.0.0 killed", "1" + ".1" * 300 + " killed", "9" * 400 + " killed"])
def test_malformed_or_overflowing_numbers_are_not_quantities(text):
    assert all(q.value is None or q.value < 1e300 for q in qty(text, "en"))


def test_a_number_is_typed_within_its_clause_and_by_the_noun_it_counts():
    got = [(q.kind, q.value) for q in qty("أسفرت الغارات عن جرح 58 مسلحا، ودمرت 9 مستودعات و22 عربة مسلحة", "ar")]
    assert got == [("injured", 58.0)]  # nine depots, not nine wounded; armed vehicles, not fighters
    assert [(q.kind, q.value) for q in qty("تضم الجماعة 300 مقاتل", "ar")] == [("fighters", 300.0)]
    assert [(q.kind, q.value) for q in qty("The group has 300 Kurdish fighters and 20 armed vehicles.", "en")] == [("fighters", 300.0)]


@pytest.mark.parametrize("text, lang, expected", [
    ("أسفر الانفجار عن مقتل جندي وإصابة طفلين", "ar", [("killed", 1.0), ("injured", 2.0)]),
    ("لقي طفل مصرعه وأصيب آخر", "ar", [("killed", 1.0), ("injured", 1.0)]),
    ("قتيلان وثلاثة جرحى في هجوم", "ar", [("killed", 2.0), ("injured", 3.0)]),
    ("أسفر القصف عن مقتل أحد الجنود", "ar", [("killed", 1.0)]),
    ("ولقي مدرس وزوجته مصرعهما بنيران مسلحين", "ar", [("killed", 2.0)]),
    ("هجوم أودى بحياة 32 شخصا ومائة جريح", "ar", [("killed", 32.0), ("injured", 100.0)]),  # a hundred, not one
    ("فقتل شخصين وأصاب سبعة آخرين", "ar", [("killed", 2.0), ("injured", 7.0)]),
    ("قتل حوثيان وأصيب 4 آخرون في هجوم", "ar", [("killed", 2.0), ("injured", 4.0)]),  # a nisba dual
    ("قتل جندي واحد", "ar", [("killed", 1.0)]),  # the number counts him, once
    ("وقتل ضابطا شرطة في هجوم", "ar", [("killed", 2.0)]),  # a dual in construct: two police officers
    ("وأصيب عنصرا الأمن بجروح", "ar", [("injured", 2.0)]),
    ("وقتل شرطيا الأحد", "ar", [("killed", 1.0)]),  # an accusative singular, then a weekday
    ("A soldier was killed and two were wounded", "en", [("killed", 1.0), ("injured", 2.0)]),
    ("Gunmen opened fire, killing one policeman", "en", [("killed", 1.0)]),
])
def test_a_singular_or_dual_victim_is_a_count(text, lang, expected):
    assert [(q.kind, q.value) for q in qty(text, lang)] == expected


@pytest.mark.parametrize("text", [
    "وأضافت أن أحد القتيلين ضابط برتبة نقيب",  # counted before: one of the two dead
    "مشيرة إلى أن من ضمن المعتقلين ضابطان",
    "ودعا الله أن يجبر مصاب أهليهم",  # a misfortune, not an injured man
    "أبلغت السلطات محامي معتقل فلسطيني بالقرار",  # one detainee, named twice
    "مقتل جنود في الهجوم",  # a plural without a number is no count
])
def test_people_counted_elsewhere_or_uncounted_are_no_count(text):
    assert qty(text) == []


def test_people_between_the_dead_and_the_wounded_are_counted_once():
    assert [(q.kind, q.min) for q in qty("إن عشرات المتمردين سقطوا بين قتيل وجريح")] == [("killed", 20)]


def test_an_amount_of_money_counts_no_one():
    assert qty("وطالب بعقاب رادع باحتجاز الشاحنة وتغريمها 5 آلاف ريال") == []
    assert [(q.kind, q.value) for q in qty("fined 5,000 riyals and 20 people were arrested", "en")] == [("arrested", 20.0)]


def _figures(text, lang="ar"):
    from marsad.streams.evaluation.events import run_stage

    return {(e.type, q.kind, q.value) for e in run_stage(text, lang).events for q in e.quantities}


def test_a_toll_belongs_to_the_attack_not_to_who_condemns_it():
    assert _figures("أدانت السعودية الهجوم الذي أسفر عن مقتل 32 شخصا في سروج.") == {("ASSAULT", "killed", 32.0)}


def test_troops_massed_or_deployed_are_counted():
    assert ("MOBILIZE", "fighters", 5000.0) in _figures("حشدت تركيا 5 آلاف جندي على الحدود مع سوريا أمس.")
    assert ("MOBILIZE", "fighters", 3000.0) in _figures("Russia deployed 3,000 troops to the border on Monday.", "en")


@pytest.mark.parametrize("text, lang, figures", [
    ("أصيب 9 مواطنين جراء سقوط عدة قذائف على حلب", "ar", [("injured", 9)]),
    ("وتبنت المقاومة قرابة 11 عملية أسفرت عن مقتل العشرات", "ar", [("killed", None)]),
    ("Three Russian airstrikes killed 12 civilians", "en", [("killed", 12)]),
    ("تعرض الشركة إصلاح 27 مليون وحدة بعد مقتل طفلين", "ar", [("killed", 2)]),  # units sold, past the scale
])
def test_a_count_of_shells_strikes_or_operations_is_no_casualty_figure(text, lang, figures):
    assert [(q.kind, q.value) for q in qty(text, lang)] == figures


def test_eleven_and_twelve_are_one_number():
    assert [(q.kind, q.value) for q in qty("بينما قتل أحد عشر مسلحا واثنا عشر جنديا")] == [("killed", 11), ("killed", 12)]
