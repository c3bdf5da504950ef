from datetime import date

from marsad.streams.pipeline.entities.arabic import fold
from marsad.streams.pipeline.entities.quantities import find_quantities
from marsad.streams.pipeline.entities.temporal import find_dates

PUB = date(2019, 2, 9)  # a Saturday


def _dates(text):
    folded, _ = fold(text)
    return [(folded[d.start:d.end], d.value) for d in find_dates(folded, PUB)]


def _qty(text):
    folded, _ = fold(text)
    return [(folded[q.start:q.end], q.value) for q in find_quantities(folded, [])]


def test_relative_and_weekday_dates():
    assert _dates("قوله، اليوم السبت، إن") == [("اليوم السبت", "2019-02-09")]
    assert _dates("وقال أمس إن") == [("امس", "2019-02-08")]
    assert _dates("هجوم يوم الخميس الماضي") == [("يوم الخميس", "2019-02-07")]
    assert _dates("said on Friday") == [("on friday", "2019-02-08")]
    assert _dates("mercredi soir") == [("mercredi", "2019-02-06")]


def test_explicit_dates():
    assert _dates("في 15 شباط/فبراير 2019") == [("15 شباط/فبراير 2019", "2019-02-15")]
    assert _dates("في ٣ مارس ٢٠١٨") == [("3 مارس 2018", "2018-03-03")]
    assert _dates("on February 3, 2019") == [("february 3, 2019", "2019-02-03")]
    assert _dates("le 12 janvier 2019") == [("12 janvier 2019", "2019-01-12")]
    assert _dates("التي أعلنها عام 2014") == [("2014", "2014")]


def test_quantities():
    assert _qty("إجلاء أكثر من 20 ألفاً من المدنيين") == [("اكثر من 20 الفا", "20000")]
    assert _qty("إجلاء ٣ ملايين شخص") == [("3 ملايين", "3000000")]
    assert _qty("more than 20,000 civilians") == [("more than 20,000", "20000")]
    assert _qty("أقل من واحد في المائة") == [("اقل من واحد في المايه", "1%")]
    assert _qty("قتل خمسة مدنيين") == [("خمسه", "5")]
    assert _qty("في آن واحد") == []


def test_a_number_word_is_a_quantity_not_a_name(stage):
    ents = stage.extract("خطف التنظيم نحو 230 مدنيا، بينهم ستون مسيحيا على الاقل.", "ar")
    sixty = [e for e in ents if e.surface == "ستون"]
    assert [(e.type, e.value) for e in sixty] == [("quantity", "60")]
