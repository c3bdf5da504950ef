"""English targets are parties (PLOVER): the entity stage's actor or state further in the clause
replaces an object that names none; an attack keeps the people or the thing it hit.
Sentences are written for these tests (no shared data)."""

import pytest

from marsad.streams.evaluation.events import run_stage
from marsad.streams.pipeline.entities.ner import load_tagger


@pytest.fixture(scope="module", autouse=True)
def english_entities():
    if load_tagger("en") is None:
        pytest.skip("spaCy English model not installed")


def _targets(text, event_type):
    return [[a.text for a in e.target_actors] for e in run_stage(text, "en").events if e.type == event_type]


def test_the_state_an_act_is_against_replaces_the_thing_acted_on():
    assert ["Serbia"] in _targets("Japan said on Tuesday it had halted economic aid to Serbia.", "SANCTION")
    assert ["Baghdad"] in _targets("Red Cross officials suspended aid deliveries in Baghdad on Wednesday.", "SANCTION")


def test_an_attack_keeps_its_victims_and_what_it_hit_not_its_place():
    assert ["23 people"] in _targets("Two Palestinian suicide bombers killed 23 people in Tel Aviv on Sunday.", "ASSAULT")
    assert ["checkpoint"] in _targets("Gunmen attacked a checkpoint in Kirkuk on Monday, Iraqi police said.", "ASSAULT")


def test_a_speaker_is_not_the_target():
    got = _targets("The government suspended aid deliveries to the north, President Emmanuel Macron said.", "SANCTION")
    assert got and not any("Macron" in t for ts in got for t in ts)
