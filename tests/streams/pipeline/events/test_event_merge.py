"""The mentions of one attack in one sentence are one event (``merge.py``); mentions that
something tells apart stay apart. Sentences are written for these tests."""

from datetime import date

from marsad.schemas import ActorRef, EventMention, Place, Span, TimeRef
from marsad.streams.evaluation.events import run_stage
from marsad.streams.pipeline.events import classifier
from marsad.streams.pipeline.events.merge import merge_sentence_mentions

SENTENCE = Span(start=0, end=80, text="x" * 80)


def actor(text, start):
    return ActorRef(text=text, start=start, end=start + len(text))


def mention(trigger_at, sources=(), targets=(), day=9, status="occurred", mode=None, confidence=0.7):
    return EventMention(
        type="ASSAULT", status=status, mode=mode, evidence=SENTENCE, confidence=confidence,
        source_actors=list(sources), target_actors=list(targets),
        time=TimeRef(start=date(2019, 2, day), end=date(2019, 2, day), precision="day"),
        trigger=Span(start=trigger_at, end=trigger_at + 4, text="x" * 4),
    )


def assaults(text, lang="ar"):
    return [e for e in run_stage(text, lang).events if e.type == "ASSAULT"]


def test_the_triggers_of_one_attack_make_one_event_with_every_argument():
    (raid,) = assaults("شنت طائرات التحالف غارات عنيفة استهدفت مواقع حوثية في مأرب، أسفرت عن مقتل 16 منهم.")
    assert [a.text for a in raid.source_actors] == ["طائرات التحالف"]
    assert {a.text for a in raid.target_actors} == {"مواقع حوثية", "16"}  # what the raids hit, whom they killed
    assert (raid.mode, [(q.kind, q.value) for q in raid.quantities]) == ("aerial", [("killed", 16)])
    (bombing,) = assaults("قتل أربعة أشخاص على الأقل وأصيب عشرة آخرون بجروح في تفجير وقع اليوم في كابل.")
    assert [(q.kind, q.value) for q in bombing.quantities] == [("killed", 4), ("injured", 10)]


def test_two_attackers_in_one_sentence_are_two_attacks():
    evs = assaults("قصفت قوات النظام بلدة كفرنبل، فيما هاجمت فصائل المعارضة حاجزا للجيش في ريف حماة.")
    assert [e.trigger.text for e in evs] == ["قصفت", "هاجمت"]


def test_the_merged_event_keeps_the_most_confident_trigger_and_adds_only_new_actors():
    raids = mention(10, sources=[actor("طائرات التحالف", 0)], targets=[actor("مواقع", 20)], confidence=0.8)
    killing = mention(40, targets=[actor("16 عنصرا", 50), actor("مواقع", 20)], mode="aerial")
    (merged,) = merge_sentence_mentions([killing, raids])
    assert merged.trigger == raids.trigger and merged.confidence == 0.8
    assert [a.text for a in merged.target_actors] == ["مواقع", "16 عنصرا"]
    assert merged.mode == "aerial"


def test_one_party_is_named_once_by_its_fullest_span():
    killed = mention(10, targets=[actor("Two of the 12", 0)], confidence=0.8)
    injured = mention(30, targets=[actor("11 of the injured", 20)])  # 'the' names no party
    assert [a.text for a in merge_sentence_mentions([killed, injured])[0].target_actors] == ["Two of the 12", "11 of the injured"]
    nato = ActorRef(text="NATO", start=30, end=34, canonical_id="kb:nato")
    members = ActorRef(text="six NATO service members", start=26, end=50, canonical_id="kb:nato")
    blast, killing = mention(10, targets=[nato], confidence=0.8), mention(20, targets=[members])
    assert merge_sentence_mentions([blast, killing])[0].target_actors == [members]  # the fuller span of one party


def test_the_merged_event_takes_the_most_precise_place():
    turkey = Place(lat=39.0, lon=35.0, country="TR", feature_kind="country", precision="country")
    suruc = Place(lat=36.98, lon=38.43, country="TR", feature_kind="city", precision="name_only")
    killing = mention(40, confidence=0.9).model_copy(update={"place": turkey, "location": actor("تركيا", 60)})
    blast = mention(10).model_copy(update={"place": suruc, "location": actor("سروج", 20)})
    (merged,) = merge_sentence_mentions([blast, killing])
    assert (merged.trigger, merged.place, merged.location.text) == (killing.trigger, suruc, "سروج")


def test_mentions_that_something_tells_apart_stay_apart():
    gunman, police = actor("مسلح", 0), actor("رجال الشرطة", 30)
    # who attacks in one is attacked in the other
    assert len(merge_sentence_mentions([mention(5, sources=[gunman]), mention(25, sources=[police], targets=[gunman])])) == 2
    # another day, another status, another kind of attack
    assert len(merge_sentence_mentions([mention(5), mention(25, day=8)])) == 2
    assert len(merge_sentence_mentions([mention(5), mention(25, status="claimed")])) == 2
    assert len(merge_sentence_mentions([mention(5, mode="aerial"), mention(25, mode="firearms")])) == 2


def test_two_attacks_in_one_sentence_each_keep_their_own_toll():
    with classifier.using({"ASSAULT": ({"r:bias": 5.0}, 0.0, 0.3)}):  # the candidates, whatever the gate says
        evs = assaults("وأدت غارة للتحالف إلى مقتل تسعة مسلحين، بينما قتل أحد عشر مسلحا آخر في قصف مدفعي شنه الجيش على مواقع التنظيم.")
    tolls = [sorted(q.value for q in e.quantities if q.kind == "killed") for e in evs]
    assert sorted(tolls) == [[9], [11]]


def test_one_attack_with_a_mode_from_its_gunmen_and_one_from_its_trigger_is_one_event():
    gunmen = [actor("مسلحون", 60)]
    soldiers = [actor("الجنود", 10)]
    shooting = mention(20, sources=gunmen, targets=soldiers, mode="firearms")
    suicide = mention(40, sources=gunmen, targets=soldiers, mode="suicide-attack")
    assert len(merge_sentence_mentions([shooting, suicide])) == 1
    assert len(merge_sentence_mentions([shooting, mention(40, sources=gunmen, mode="suicide-attack")])) == 2  # nobody hit in common


def test_an_attack_and_what_it_destroyed_are_one_event_named_by_how():
    raid = mention(10, sources=[actor("طائرات التحالف", 0)], mode="aerial")
    wrecked = mention(40, sources=[actor("طائرات التحالف", 0)], mode="destroy", confidence=0.9)
    (merged,) = merge_sentence_mentions([raid, wrecked])
    assert merged.mode == "aerial"


def test_a_count_of_a_partys_fighters_is_kept_beside_the_party():
    """'قصفت مواقع لتنظيم داعش ... أسفر عن مقتل 21 مسلحا من التنظيم': the fighters killed and the
    positions hit share the party, yet both are what the attack befell."""
    site = actor("مواقع لتنظيم داعش", 10).model_copy(update={"canonical_id": "kb:isis"})
    fighters = actor("21 مسلحا من التنظيم", 50).model_copy(update={"canonical_id": "kb:isis"})
    (event,) = merge_sentence_mentions([mention(5, targets=[site]), mention(40, targets=[fighters])])
    assert [a.text for a in event.target_actors] == ["مواقع لتنظيم داعش", "21 مسلحا من التنظيم"]
