"""The stateful step over the seed articles, offline (the same code the dedup agent runs)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from marsad.streams.pipeline.dedup import Deduplicator, PrefixedStore, memory_stores
from marsad.streams.pipeline.runner import Handoff, Pipeline
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SEED, COPY = "alaraby-2019-02-09-baghuz-offensive", "syndicated-2019-02-09-baghuz-offensive"
ENGLISH, UNRELATED = "sample-en-2019-02-09-baghuz", "sample-en-2019-02-10-festival"


@pytest.fixture(scope="module")
def handoffs() -> list[Handoff]:
    pipeline = Pipeline.from_settings(Settings())
    results = [pipeline.run(raw) for _, raw in iter_messages([SEEDS])]
    assert all(isinstance(r, Handoff) for r in results)
    return results


@pytest.fixture(scope="module")
def run(handoffs):
    dedup = Deduplicator(Settings(), memory_stores())
    outputs = [dedup.process(h) for h in handoffs]
    latest_events = {}
    for output in outputs:
        for event in output.events:
            latest_events[event.event_id] = event
    return {o.article.id: o.article for o in outputs}, latest_events, dedup, outputs


def test_copy_and_cross_lingual_report_join_the_seed_story_and_the_unrelated_stays_apart(run):
    articles, _, _, _ = run
    assert articles[COPY].copy_of == SEED
    assert articles[SEED].story_id == articles[COPY].story_id == articles[ENGLISH].story_id
    assert articles[UNRELATED].story_id != articles[SEED].story_id


def test_offensive_and_airstrike_become_canonical_events_listing_both_outlets(run):
    _, events, _, _ = run
    seed_outlets = {"Al-Araby Al-Jadeed", "Sample Wire (English)"}

    def outlets(event):
        return {s.outlet for s in event.sources}

    offensive = [e for e in events.values() if e.status == "announced" and seed_outlets <= outlets(e)]
    strikes = [e for e in events.values() if e.acled_sub_event_type == "Air/drone strike" and seed_outlets <= outlets(e)]
    assert len(offensive) == 1 and len(strikes) == 1
    for event in (*offensive, *strikes):
        assert event.corroboration >= 2 and event.version >= 2
        assert any(a.canonical_id == "kb:sdf" or a.canonical_id == "kb:global-coalition" for a in event.source_actors)
    assert strikes[0].mode == "aerial" and strikes[0].status == "occurred"


def test_attacks_of_different_kinds_in_one_story_stay_separate_events(run):
    """The air strikes, the shelling and the fleeing fighters' clash with government forces are
    three events of the offensive's story, not one ASSAULT carrying every actor."""
    _, events, _, _ = run
    kinds = {e.acled_sub_event_type for e in events.values() if e.type == "ASSAULT"}
    assert {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"} <= kinds
    clash = [e for e in events.values() if e.type == "ASSAULT" and any(a.canonical_id == "kb:syria-gov-forces" for a in e.target_actors)]
    assert len(clash) == 1 and clash[0].acled_sub_event_type == "Armed clash"
    assert [a.canonical_id for a in clash[0].source_actors] == ["kb:isis"]


def test_replaying_every_article_changes_nothing(run, handoffs):
    articles, _, dedup, _ = run
    for handoff in handoffs:
        again = dedup.process(handoff)
        assert again.stories == [] and again.events == []
        assert again.article.story_id == articles[handoff.article.id].story_id
        assert again.article.copy_of == articles[handoff.article.id].copy_of


def test_a_new_deduplicator_on_the_same_stores_continues_with_the_same_state(handoffs):
    stores = memory_stores()
    first = Deduplicator(Settings(), stores)
    for handoff in handoffs[:2]:
        first.process(handoff)
    restarted = Deduplicator(Settings(), stores)  # as after a worker restart: indexes rebuilt from the stores
    english = restarted.process(handoffs[2])
    assert english.article.story_id == first.process(handoffs[0]).article.story_id


def test_prefixed_store_keeps_buckets_apart():
    backing: dict = {}
    a, b = PrefixedStore(backing, "a|"), PrefixedStore(backing, "b|")
    a["k"] = 1
    b["k"] = 2
    assert (a["k"], b["k"], len(a), list(b)) == (1, 2, 1, ["k"])
    del a["k"]
    assert "k" not in a and b["k"] == 2


def _shifted(handoff: Handoff, hours: float, suffix: str, processed_hours: float | None = None) -> Handoff:
    from datetime import timedelta

    article = handoff.article
    published = article.published_at + timedelta(hours=hours)
    processed = published + timedelta(hours=processed_hours if processed_hours is not None else 1)
    return handoff.model_copy(update={"article": article.model_copy(
        update={"id": article.id + suffix, "published_at": published, "processed_at": processed})})


def test_stories_close_once_the_watermark_passes_the_window(handoffs):
    dedup = Deduplicator(Settings(), memory_stores())
    first = dedup.process(handoffs[0])
    story_id = first.article.story_id
    later = dedup.process(_shifted(handoffs[3], 80, "-later"))  # 80 h later: past the 72 h window
    closed = [s for s in later.stories if s.story_id == story_id]
    assert len(closed) == 1 and closed[0].closed and closed[0].version > first.stories[0].version
    late = dedup.process(_shifted(handoffs[1], 1, "-late"))  # within the first story's time, but after it closed
    assert late.stories[0].closed and late.article.story_id != story_id


def test_a_future_dated_article_does_not_close_open_stories(handoffs):
    dedup = Deduplicator(Settings(), memory_stores())
    story_id = dedup.process(handoffs[0]).article.story_id
    # dated 10 years ahead but processed an hour after the first: the watermark stays near now
    bogus = dedup.process(_shifted(handoffs[3], 24 * 3650, "-2099", processed_hours=-24 * 3650 + 1))
    assert not any(s.closed for s in bogus.stories)
    copy = dedup.process(_shifted(handoffs[1], 2, "-copy"))
    assert copy.article.story_id == story_id


def test_state_is_kept_as_json_bytes(run):
    _, _, dedup, _ = run
    backing = dedup.stores["stories"].backing
    assert backing and all(isinstance(v, bytes) for v in backing.values())
    key = next(k for k in backing if "|s:" in k)
    assert dedup.stores["stories"][key]["story"]["story_id"] in key


@pytest.mark.parametrize("lost", ["stories", "events"])
def test_a_replay_after_one_store_lost_its_writes_emits_what_the_first_run_emitted(handoffs, lost):
    """A worker killed mid-article: one table's changelog has the article's writes, another not."""
    stores = memory_stores()
    first = Deduplicator(Settings(), stores)
    for handoff in handoffs[:2]:
        first.process(handoff)
    before = {name: dict(store) for name, store in stores.items()}
    original = first.process(handoffs[2])  # the English report: joins the story, merges events
    assert original.events and original.stories
    stores[lost].clear()
    stores[lost].update(before[lost])  # this store's writes for the article never reached the changelog
    replay = Deduplicator(Settings(), stores).process(handoffs[2])
    stories = {s.story_id: s for s in original.stories}
    events = {e.event_id: e for e in original.events}
    assert all(story == stories[story.story_id] for story in replay.stories)
    assert all(event == events[event.event_id] for event in replay.events)
    assert replay.article == original.article
    if lost == "events":
        assert {e.event_id for e in replay.events} == {e.event_id for e in original.events}


class _LoggedStore(dict):
    """A store that records its writes in order, as its changelog would receive them."""

    def __init__(self):
        super().__init__()
        self.log: list[tuple[str, object]] = []

    def __setitem__(self, key, value):
        self.log.append((key, value))
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.log.append((key, None))
        super().__delitem__(key)


def test_a_replay_after_a_kill_at_any_write_emits_what_the_first_run_emitted(handoffs):
    """A worker killed while its writes for an article are on their way: each table's changelog
    holds any prefix of them (the three changelogs are separate topics), and the articles from
    that one on are processed again. Whatever the cuts, every record the replay emits is the one
    the first run emitted under that id and version: no story lists an article twice, and an
    article's events are finished as first merged, not merged again against some of them."""
    stores = {name: _LoggedStore() for name in memory_stores()}
    first = Deduplicator(Settings(), stores)
    marks, emitted = [], {}
    for handoff in handoffs:
        marks.append({name: len(store.log) for name, store in stores.items()})
        out = first.process(handoff)
        emitted |= {(s.story_id, s.version): s for s in out.stories} | {(e.event_id, e.version): e for e in out.events}
    marks.append({name: len(store.log) for name, store in stores.items()})
    for k in range(len(handoffs)):
        ranges = [range(marks[k][name], marks[k + 1][name] + 1) for name in stores]
        for cuts in itertools.product(*ranges):
            recovered = {name: {k: v for k, v in dict(store.log[:cut]).items() if v is not None}
                         for (name, store), cut in zip(stores.items(), cuts)}
            replay = Deduplicator(Settings(), recovered)
            for handoff in handoffs[k:]:
                out = replay.process(handoff)
                for record in [*out.stories, *out.events]:
                    ident = (getattr(record, "event_id", None) or record.story_id, record.version)
                    assert emitted.get(ident, record) == record, f"article {k}, cut {cuts}: {ident} re-emitted with other content"


def test_a_wall_page_is_its_own_story_and_says_why():
    from datetime import UTC, datetime

    from marsad.schemas import RawArticle

    pipeline = Pipeline.from_settings(Settings())
    dedup = Deduplicator(Settings(), memory_stores())
    when = datetime(2019, 2, 9, 12, tzinfo=UTC)
    walls = [RawArticle(id=f"wall-{i}", outlet="scraped", title="Access denied", published_at=when,
                        body="Please enable JavaScript to read this page. Too many requests from your IP address.")
             for i in range(2)]
    outputs = [dedup.process(pipeline.run(raw.model_dump_json().encode())) for raw in walls]
    assert [o.story_reason for o in outputs] == ["not_article", "not_article"]
    assert outputs[1].article.copy_of == "wall-0"  # the same text: a copy, but not joined to its story
    assert outputs[0].article.story_id != outputs[1].article.story_id
