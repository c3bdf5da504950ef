"""English actors as PLOVER codes them: targets are parties (the entity stage's actor or state
further in the clause replaces an object that names none; an attack keeps the people or the thing
it hit), a linked actor before a nominal trigger is its source, a progressive is not a passive,
a speaker requests what someone 'must' do, and an act announced on a condition is a threat.
Sentences are written for these tests."""

import pytest

from marsad.streams.evaluation.events import run_stage
from marsad.streams.pipeline.entities.ner import load_tagger


@pytest.fixture(scope="module")
def english_entities():
    if load_tagger("en") is None:
        pytest.skip("spaCy English model not installed")


def _roles(text, event_type, with_entities=True):
    """(sources, targets) of each event of ``event_type``."""
    return [([a.text for a in e.source_actors], [a.text for a in e.target_actors])
            for e in run_stage(text, "en", with_entities=with_entities).events if e.type == event_type]


def _targets(text, event_type):
    return [targets for _, targets in _roles(text, event_type)]


def test_the_state_an_act_is_against_replaces_the_thing_acted_on(english_entities):
    assert ["Serbia"] in _targets("Japan said on Tuesday it had halted economic aid to Serbia.", "SANCTION")
    assert ["Baghdad"] in _targets("Red Cross officials suspended aid deliveries in Baghdad on Wednesday.", "SANCTION")


def test_an_attack_keeps_its_victims_and_what_it_hit_not_its_place(english_entities):
    assert ["23 people"] in _targets("Two Palestinian suicide bombers killed 23 people in Tel Aviv on Sunday.", "ASSAULT")
    assert ["checkpoint"] in _targets("Gunmen attacked a checkpoint in Kirkuk on Monday, Iraqi police said.", "ASSAULT")


def test_a_speaker_is_not_the_target(english_entities):
    got = _targets("The government suspended aid deliveries to the north, President Emmanuel Macron said.", "SANCTION")
    assert got and not any("Macron" in t for ts in got for t in ts)


def test_a_linked_actor_before_a_nominal_trigger_is_its_source(english_entities):
    attacks = [e for e in run_stage("More than two dozen fighters were killed in IS attacks near the city.", "en").events
               if e.trigger.text == "attacks"]
    assert attacks and [a.text for a in attacks[0].source_actors] == ["IS"]


def test_a_progressive_is_not_a_passive():
    got = _roles("The Israeli government is refusing to lift the curfew on Palestinians.", "REJECT", with_entities=False)
    assert got and any("government" in src for s, _ in got for src in s)


def test_a_speaker_requests_what_someone_must_do():
    got = _roles("The Red Cross said US and British forces must ensure security in the city.", "REQUEST", with_entities=False)
    assert got and got[0][0] == ["Red Cross"] and any("forces" in t for t in got[0][1])


def test_a_hunger_strike_is_staged_by_the_sentence_subject(english_entities):
    got = _roles("Salaheddine Sidhoum, a rights activist, staged a hunger strike in prison on Sunday.", "PROTEST")
    assert any(any("Sidhoum" in s for s in src) for src, _ in got)


def test_whom_a_rejection_or_a_boycott_is_aimed_at(english_entities):
    assert ["Kofi Annan"] in _targets("The US on Thursday rejected calls by Kofi Annan to adopt far-reaching reforms.", "REJECT")
    assert ["Indian"] in _targets("Bangladesh has rejected an Indian proposal for a free trade agreement.", "REJECT")
    # 'official' is not the head of 'all official contact': the party is further on
    assert ["United States"] in _targets("Palestinian leaders said they would boycott all official contact with the United States.", "THREATEN")


def test_an_act_announced_on_a_condition_is_a_threat():
    events = run_stage("Nigeria said it will withdraw its troops from Chad unless the government holds elections.", "en", with_entities=False).events
    threats = [e for e in events if e.type == "THREATEN"]
    assert [e.trigger.text for e in threats] == ["withdraw"] and not any(e.type == "AGREE" for e in events)
