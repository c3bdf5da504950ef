from __future__ import annotations

from datetime import date, timedelta

import pytest

from marsad.schemas import EventMention, Quantity, Span
from marsad.schemas.event import ActorRef, TimeRef
from marsad.streams.pipeline.stories import EventMerger, blocking_key
from tests.streams.pipeline.stories.conftest import T0, entity, make_doc, place

GAZA = place("ps", 31.52, 34.45, gid=281133)


def mention(killed: float, status="occurred", etype="ASSAULT", where=GAZA, day=date(2024, 5, 1), conf=0.6, said=None):
    """``said``: the time expression the article gives (None: the stage dated it by publication)."""
    return EventMention(
        type=etype, status=status, evidence=Span(start=0, end=5, text="strike"), confidence=conf, place=where,
        location=ActorRef(text="Gaza", start=0, end=4, canonical_id="geo:281133", name_en="Gaza"),
        source_actors=[ActorRef(text="Israeli army", start=0, end=5, canonical_id="org:idf")],
        time=TimeRef(start=day, end=day, precision="day", text=said),
        quantities=[Quantity(kind="killed", value=killed, text=f"{int(killed)} killed")])


def doc(aid, outlet, m, hours=0.0, lang="en"):
    return make_doc(aid, "Strike in Gaza", "An air strike hit Gaza.", lang=lang, hours=hours, outlet=outlet,
                    entities=[entity("Gaza", "geo:281133", where=GAZA)], events=[m])


def test_merge_keeps_conflicting_figures_and_bumps_version():
    store: dict = {}
    m = EventMerger(store)
    e1 = m.merge(doc("a1", "outlet-1", mention(20)), "st-1")
    assert len(e1) == 1 and e1[0].version == 1 and e1[0].corroboration == 1
    e2 = m.merge(doc("a2", "outlet-2", mention(25), hours=2, lang="ar"), "st-1")
    assert [e.event_id for e in e2] == [e1[0].event_id]
    ev = e2[0]
    assert ev.version == 2 and ev.corroboration == 2
    assert sorted(q.value for q in ev.quantities) == [20, 25]  # conflict kept, not overwritten
    assert [s.quantities[0].value for s in ev.sources] == [20, 25]  # each source's own figure
    assert ev.first_seen == T0 and ev.last_seen == T0 + timedelta(hours=2)
    assert ev.confidence > 0.6
    e3 = m.merge(doc("a3", "outlet-2", mention(20), hours=3), "st-1")
    assert e3[0].version == 3 and e3[0].corroboration == 2 and len(e3[0].quantities) == 2


def test_merge_is_idempotent_and_ids_deterministic():
    store: dict = {}
    m = EventMerger(store)
    first = m.merge(doc("a1", "o1", mention(20)), "st-1")
    snapshot = dict(store)
    assert m.merge(doc("a1", "o1", mention(20)), "st-1") == []
    assert store == snapshot
    other = EventMerger({})
    assert other.merge(doc("a1", "o1", mention(20)), "st-1")[0].event_id == first[0].event_id
    rebuilt = EventMerger(store)  # rebuild from the store gives the same merge decision
    assert rebuilt.merge(doc("a2", "o2", mention(22)), "st-9")[0].event_id == first[0].event_id


def test_incompatible_events_stay_apart_and_evict():
    store: dict = {}
    m = EventMerger(store)
    a = m.merge(doc("a1", "o1", mention(20)), "st-1")[0]
    b = m.merge(doc("a2", "o2", mention(3, etype="PROTEST")), "st-1")[0]
    far = place("sy", 36.2, 37.15, gid=170063)
    c = m.merge(doc("a3", "o3", mention(5, where=far)), "st-2")[0]
    d = m.merge(doc("a4", "o4", mention(5, day=date(2024, 5, 9))), "st-3")[0]
    assert len({a.event_id, b.event_id, c.event_id, d.event_id}) == 4
    assert len(m) == 4
    gone = m.evict(T0 + timedelta(hours=100))
    assert sorted(gone) == sorted({a.event_id, b.event_id, c.event_id, d.event_id})
    assert not store and len(m) == 0


def test_blocking_key_global_by_default_country_language_independent():
    en = doc("a1", "o1", mention(20))
    ar = make_doc("a2", "غارة على غزة", "غارة على غزة.", lang="ar",
                  entities=[entity("غزة", "geo:281133", where=GAZA)])
    assert blocking_key(en) == blocking_key(ar) == blocking_key(make_doc("a3", "t", "b.")) == "all"
    assert blocking_key(en, "global") == "all"
    assert blocking_key(en, "country") == blocking_key(ar, "country") == "ps"
    assert blocking_key(make_doc("a3", "t", "b."), "country") == "xx"
    with pytest.raises(ValueError):
        blocking_key(en, "city")


@pytest.mark.parametrize("seed", [3, 7, 12])
def test_indexed_candidates_give_the_same_merges_as_a_full_scan(seed):
    """The (story, actor, cell+day, toll) lookup never misses an event a full scan would match,
    nor does a late merge that widened an event's key (seed 3: a third event matches only it)."""
    import random

    rng = random.Random(seed)
    towns = [place("sy", 36.2 + dx, 37.15 + dy, gid=1000 + i) for i, (dx, dy) in
             enumerate([(0, 0), (0.1, 0.2), (0.3, -0.2), (2.0, 1.0), (0.02, 0.01)])]
    towns.append(place("sy", 35.0, 38.5, gid=163843, kind="country", precision="country"))
    actors = ["org:a", "org:b", "org:c", None]

    def rand_mention(i):
        where = rng.choice([*towns, None])
        actor = rng.choice(actors)
        day = date(2024, 5, 1) + timedelta(days=rng.randint(0, 3))
        m = EventMention(
            type=rng.choice(["ASSAULT", "PROTEST"]), status="occurred", evidence=Span(start=0, end=5, text="x"),
            confidence=0.6, place=where,
            source_actors=[ActorRef(text="A", start=0, end=1, canonical_id=actor)] if actor else [],
            time=TimeRef(start=day, end=day, precision="day") if rng.random() < 0.7 else None,
            quantities=[Quantity(kind="killed", value=rng.choice([5, 9, 25]), text="x")] if rng.random() < 0.5 else [])
        return make_doc(f"r{i}", "t", "b.", hours=rng.uniform(0, 60), outlet=f"o{i % 5}", events=[m])

    docs = [rand_mention(i) for i in range(150)]
    fast, slow = EventMerger({}), EventMerger({})
    slow.candidates = lambda etype, key, exhaustive=False: EventMerger.candidates(slow, etype, key, True)
    for i, d in enumerate(docs):
        sid = f"st-{rng.randint(0, 20)}"
        a = [e.event_id for e in fast.merge(d, sid)]
        b = [e.event_id for e in slow.merge(d, sid)]
        assert a == b, i
    assert len(fast) == len(slow) < 150


def test_a_running_total_is_not_merged_into_the_attack_it_is_reported_with():
    """'An air strike killed 20 in Gaza today ... more than 35,000 killed since October': the
    total of a period is not one more figure of today's strike, nor does it join every attack of
    the period; two outlets' totals for the same period are one record."""
    m = EventMerger({})
    strike = mention(20)
    total = mention(35000).model_copy(update={
        "place": place("ps", 31.9, 35.2, kind="country", precision="country"), "location": None,
        "time": TimeRef(start=date(2023, 10, 1), end=date(2024, 5, 1), precision="range")})
    two = make_doc("a1", "Strike in Gaza", "An air strike hit Gaza.", entities=[entity("Gaza", "geo:281133", where=GAZA)],
                   events=[strike, total])
    events = m.merge(two, "st-1")
    assert sorted(q.value for e in events for q in e.quantities) == [20, 35000] and len(events) == 2
    again = m.merge(doc("a2", "o2", total, hours=1), "st-1")
    assert [e.event_id for e in again] == [e.event_id for e in events if e.quantities[0].value == 35000]


def test_a_report_that_names_no_time_joins_yesterdays_event_at_the_same_place():
    """'مقتل 30 في هجوم استهدف مدينة سوروتش' names no time, so the stage dates it by publication
    (May 2); another story's report says the attack was yesterday (May 1). Same town, no actors
    in conflict: one event, dated by the report that states its day. Two stated days stay two."""
    def at(killed, day, said):
        m = mention(killed, day=day).model_copy(update={"source_actors": []})
        return m.model_copy(update={"time": TimeRef(start=day, end=day, precision="day", text=said)})

    m = EventMerger({})
    headline = m.merge(doc("a1", "o1", at(30, date(2024, 5, 2), None), hours=20), "st-1")[0]
    report = m.merge(doc("a2", "o2", at(27, date(2024, 5, 1), "أمس"), hours=21), "st-2")[0]
    assert report.event_id == headline.event_id and report.corroboration == 2
    assert (report.time.start, report.time.text) == (date(2024, 5, 1), "أمس")
    other_day = m.merge(doc("a3", "o3", at(5, date(2024, 5, 2), "اليوم"), hours=22), "st-3")[0]
    assert other_day.event_id != headline.event_id


def test_two_attackers_at_one_place_and_day_are_two_attacks_even_in_one_story():
    """Aden, one day, one story: the coalition's air strikes and the Houthis' shelling of a
    district are two events; a third report of the coalition's strikes joins the first."""
    def by(attacker, killed):
        return mention(killed).model_copy(update={"source_actors": [ActorRef(text=attacker, start=0, end=3, canonical_id=attacker)]})

    m = EventMerger({})
    strikes = m.merge(doc("a1", "o1", by("kb:saudi-coalition", 9)), "st-1")[0]
    shelling = m.merge(doc("a2", "o2", by("kb:houthis", 57), hours=1), "st-1")[0]
    again = m.merge(doc("a3", "o3", by("kb:saudi-coalition", 10), hours=2), "st-1")[0]
    assert shelling.event_id != strikes.event_id and again.event_id == strikes.event_id


def test_a_suicide_bombing_joins_the_explosives_attack_it_is_a_kind_of():
    """One outlet reports a bombing ('explosives': Remote explosive), another the same attack as a
    suicide bombing: one event, typed by the narrower kind. An air strike there stays apart."""
    def kind(mode, killed, sub):
        return mention(killed).model_copy(update={
            "mode": mode, "acled_event_type": "Explosions/Remote violence", "acled_sub_event_type": sub})

    m = EventMerger({})
    bombing = m.merge(doc("a1", "o1", kind("explosives", 30, "Remote explosive/landmine/IED")), "st-1")[0]
    suicide = m.merge(doc("a2", "o2", kind("suicide-attack", 32, "Suicide bomb"), hours=1), "st-2")[0]
    assert suicide.event_id == bombing.event_id and suicide.corroboration == 2
    assert (suicide.mode, suicide.acled_sub_event_type) == ("suicide-attack", "Suicide bomb")
    again = m.merge(doc("a3", "o3", kind("explosives", 31, "Remote explosive/landmine/IED"), hours=2), "st-3")[0]
    assert again.event_id == bombing.event_id and again.mode == "suicide-attack"
    strike = m.merge(doc("a4", "o4", kind("aerial", 5, "Air/drone strike"), hours=3), "st-1")[0]
    assert strike.event_id != bombing.event_id


def test_a_headline_naming_only_the_country_does_not_split_the_attack_its_body_places():
    """Another story already holds the attack in Suruç; a new article's headline says only
    'Turkey' and its body 'in Suruç'. Both mentions join that event: the town-level mention is
    matched first, so the headline's does not start an event of its own that the body then joins."""
    suruc = place("tr", 36.98, 38.42, gid=300075)
    turkey = place("tr", 39.0, 35.0, gid=298795, kind="country", precision="country")

    def at(where, killed):
        return mention(killed, where=where).model_copy(update={"source_actors": []})

    m = EventMerger({})
    first = m.merge(doc("a1", "o1", at(suruc, 27)), "st-1")[0]
    article = make_doc("a2", "ISIS strikes Turkey", "A bomb killed 30 in Suruç.", outlet="o2", hours=1,
                       events=[at(turkey, 30), at(suruc, 30)])
    events = m.merge(article, "st-2")
    assert [e.event_id for e in events] == [first.event_id] and events[0].corroboration == 2


def test_a_country_named_by_two_stories_on_one_day_is_not_one_event():
    """'Four Italians kidnapped in Libya' and 'dozens killed in tribal clashes in Libya' share the
    country's GeoNames id and the day, not the event; within one story the country still joins."""
    libya = place("ly", 27.0, 17.0, gid=2215636, kind="country", precision="country")
    unlinked = mention(4, where=libya).model_copy(update={"source_actors": []})
    m = EventMerger({})
    kidnapping = m.merge(doc("a1", "o1", unlinked), "st-1")[0]
    clashes = m.merge(doc("a2", "o2", unlinked.model_copy(update={"quantities": []}), hours=1), "st-2")[0]
    assert clashes.event_id != kidnapping.event_id
    same_story = m.merge(doc("a3", "o3", unlinked, hours=2), "st-1")[0]
    assert same_story.event_id == kidnapping.event_id


def test_meetings_in_one_city_on_one_day_are_one_event_only_with_a_party_in_common():
    """Place and day identify an attack; in a capital they do not identify a meeting: across
    stories, two meetings there are one event only when a linked party takes part in both."""
    def meeting(party):
        who = [ActorRef(text=party, start=0, end=3, canonical_id=party)] if party else []
        return mention(0, etype="CONSULT").model_copy(update={"source_actors": who, "quantities": []})

    m = EventMerger({})
    visit = m.merge(doc("a1", "o1", meeting("kb:hadi")), "st-1")[0]
    forum = m.merge(doc("a2", "o2", meeting(None), hours=1), "st-2")[0]
    assert forum.event_id != visit.event_id
    again = m.merge(doc("a3", "o3", meeting("kb:hadi"), hours=2), "st-3")[0]
    assert again.event_id == visit.event_id


def test_meetings_with_one_party_in_common_and_another_each_are_two():
    """The crown prince met Carter and, later that day in the same city, Geagea."""
    def meeting(host, guest):
        return mention(0, etype="CONSULT").model_copy(update={
            "source_actors": [ActorRef(text=host, start=0, end=3, canonical_id=host)],
            "target_actors": [ActorRef(text=guest, start=4, end=7, canonical_id=guest)] if guest else [],
            "quantities": []})

    m = EventMerger({})
    carter = m.merge(doc("a1", "o1", meeting("kb:mbs", "kb:carter")), "st-1")[0]
    geagea = m.merge(doc("a2", "o2", meeting("kb:mbs", "kb:geagea"), hours=1), "st-2")[0]
    assert geagea.event_id != carter.event_id
    again = m.merge(doc("a3", "o3", meeting("kb:mbs", "kb:carter"), hours=2), "st-3")[0]
    assert again.event_id == carter.event_id


def test_two_named_towns_are_two_places_but_a_district_is_its_citys():
    """Mahmudiyah is 30 km from Baghdad: two car bombs there on one day are two events; a strike on
    Khor Maksar (a district of Aden, 5 km from its centre) is the strike on Aden."""
    def at(where, killed, aid, story):
        return doc(aid, "o-" + aid, mention(killed, where=where).model_copy(update={"source_actors": []}), hours=1), story

    m = EventMerger({})
    baghdad = m.merge(*at(place("iq", 33.34, 44.40, gid=98182), 19, "a1", "st-1"))[0]
    mahmudiyah = m.merge(*at(place("iq", 33.06, 44.36, gid=99131), 24, "a2", "st-2"))[0]
    assert mahmudiyah.event_id != baghdad.event_id
    aden = m.merge(*at(place("ye", 12.78, 45.04, gid=415189), 9, "a3", "st-3"))[0]
    khor_maksar = m.merge(*at(place("ye", 12.83, 45.03, gid=6940818), 9, "a4", "st-4"))[0]
    assert khor_maksar.event_id == aden.event_id


def test_an_events_date_does_not_drift_a_day_with_each_report():
    """Monday's strike, a report of it dated Tuesday (a day's tolerance), then a strike at the
    same place on Wednesday: the event stays Monday's, so Wednesday's is another event."""
    def on(day, aid):
        return doc(aid, "o-" + aid, mention(5, day=day, said=day.strftime("%A"))), "st-1"

    m = EventMerger({})
    monday = m.merge(*on(date(2024, 5, 6), "a1"))[0]
    tuesday = m.merge(*on(date(2024, 5, 7), "a2"))[0]
    wednesday = m.merge(*on(date(2024, 5, 8), "a3"))[0]
    assert tuesday.event_id == monday.event_id and wednesday.event_id != monday.event_id


def test_events_found_to_be_one_later_are_merged_into_the_first_seen():
    """Story 1 first places the bombing in its region only; story 2 reports it in the town; a later
    report of story 1 names the town: the two events are one, and the second's last record says so."""
    region = place("sa", 19.1, 42.9, kind="region", precision="region")
    town = place("sa", 18.22, 42.51, gid=110690)
    m = EventMerger({})
    first = m.merge(doc("a1", "o1", mention(10, where=region)), "st-1")[0]
    second = m.merge(doc("a2", "o2", mention(15, where=town), hours=1), "st-2")[0]
    assert second.event_id != first.event_id  # a region names no place across stories
    out = {e.event_id: e for e in m.merge(doc("a3", "o3", mention(15, where=town), hours=2), "st-1")}
    assert set(out) == {first.event_id, second.event_id}
    kept, gone = out[first.event_id], out[second.event_id]
    assert kept.merged_into is None and gone.merged_into == first.event_id and gone.version == second.version + 1
    assert {s.article_id for s in kept.sources} == {"a1", "a2", "a3"} and kept.corroboration == 3
    assert kept.place.geonames_id == 110690 and sorted(q.value for q in kept.quantities) == [10, 15]
    assert m.merged_ids("a2") == [first.event_id]
    later = m.merge(doc("a4", "o4", mention(15, where=town), hours=3), "st-2")
    assert [e.event_id for e in later] == [first.event_id]  # the merged event receives nothing more
    assert len(m) == 1 and m.event(second.event_id).merged_into == first.event_id


def test_the_same_toll_on_one_day_joins_a_region_to_its_town_and_a_mass_casualty_attack_anywhere():
    """One outlet places the mosque bombing 'in Asir' (the region), another in Abha, a town of
    Asir: each says 15 killed that day, in two stories. One event. The same 15 in a town of
    another region is another attack; a toll of 30 is one attack whichever town of the country
    names it (Suruc, and Sanliurfa, the capital of its province, 45 km off). The same figure a day
    later, or in another country, is not."""
    asir = {"admin1": "Asir"}
    region = place("sa", 19.1, 42.9, kind="region", precision="region").model_copy(update=asir)
    abha = place("sa", 18.22, 42.51, gid=110690).model_copy(update=asir)
    elsewhere = place("sa", 21.5, 39.2, gid=105343).model_copy(update={"admin1": "Makkah"})
    m = EventMerger({})
    first = m.merge(doc("a1", "o1", mention(15, where=region, said="today")), "st-1")[0]
    second = m.merge(doc("a2", "o2", mention(15, where=abha, said="today"), hours=1), "st-2")[0]
    assert second.event_id == first.event_id and second.corroboration == 2
    other_town = m.merge(doc("a3", "o3", mention(15, where=elsewhere, said="today"), hours=2), "st-3")[0]
    assert other_town.event_id != first.event_id
    suruc = m.merge(doc("a4", "o4", mention(30, where=place("tr", 36.98, 38.42, gid=300075), said="today")), "st-4")[0]
    urfa = m.merge(doc("a5", "o5", mention(30, where=place("tr", 37.17, 38.79, gid=298333), said="today"), hours=1), "st-5")[0]
    assert urfa.event_id == suruc.event_id
    later = m.merge(doc("a6", "o6", mention(30, where=place("tr", 37.17, 38.79, gid=298333), day=date(2024, 5, 3),
                                             said="Friday"), hours=3), "st-6")[0]
    abroad = m.merge(doc("a7", "o7", mention(30, where=place("sy", 36.2, 37.15, gid=170063), said="today"), hours=4), "st-7")[0]
    assert len({suruc.event_id, later.event_id, abroad.event_id}) == 3


def test_an_undated_retelling_with_the_toll_joins_the_event_its_story_dated():
    """A mosque bombing dated in June; weeks later the story retells it with its toll and no date
    (dated by publication): one event. A new attack with another toll stays another."""
    m = EventMerger({})
    bombing = m.merge(doc("a1", "o1", mention(26, day=date(2024, 6, 26), said="Friday")), "st-1")[0]
    retold = m.merge(doc("a2", "o2", mention(26, day=date(2024, 7, 31)), hours=24 * 35), "st-1")[0]
    other = m.merge(doc("a3", "o3", mention(7, day=date(2024, 7, 31)), hours=24 * 35), "st-1")[0]
    assert retold.event_id == bombing.event_id and retold.corroboration == 2
    assert other.event_id != bombing.event_id
