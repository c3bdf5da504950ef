"""English events: the main clause's event outranks the events mentioned inside it."""

from marsad.streams.pipeline.events.syntax import trigger_syntax

from tests.streams.pipeline.events.test_event_extraction import events


def trigger_depths(texts, spans):
    return [[depth for depth, _ in row] for row in trigger_syntax(texts, spans)]


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_depth_is_zero_at_the_root_and_grows_inside_clauses():
    text = "The minister said the army will withdraw from the town that rebels attacked."
    [[said, withdraw, attacked]] = trigger_depths([text], [[_span(text, w) for w in ("said", "withdraw", "attacked")]])
    assert said == 0 and 0 < withdraw < attacked


def test_a_span_no_token_overlaps_ranks_last():
    text = "Rebels attacked the town."
    [[rebels, nowhere]] = trigger_depths([text], [[(0, 6), (500, 510)]])
    assert nowhere > rebels


def test_the_main_clause_event_is_the_most_confident():
    # 'demanding' (REQUEST) and 'marched' (PROTEST) are both triggers; the march is reported
    evs = events("Thousands of farmers marched through the capital on Friday demanding higher grain prices.", "en")
    ranked = sorted(evs, key=lambda e: -e.confidence)
    assert ranked[0].type == "PROTEST" and "REQUEST" in {e.type for e in ranked[1:]}


def test_an_event_in_a_relative_clause_is_kept_but_ranks_below():
    evs = events("Police arrested 30 students who had protested against the new tuition fees.", "en")
    by_type = {e.type: e for e in evs}
    assert max(evs, key=lambda e: e.confidence).type == "COERCE"
    assert by_type["PROTEST"].confidence < by_type["COERCE"].confidence


def test_one_type_and_a_plain_subject_need_no_parse(monkeypatch):
    from marsad.streams.pipeline.events import syntax

    def fail(*args):
        raise AssertionError("parsed a sentence with a single event type")

    monkeypatch.setattr(syntax, "trigger_syntax", fail)
    assert {e.type for e in events("Rebels attacked an army post near the border on Monday.", "en")} == {"ASSAULT"}


def _acting(text: str, word: str):
    [[(_, span)]] = trigger_syntax([text], [[_span(text, word)]])
    return text[span[0]:span[1]] if span else None


def test_a_nominal_trigger_or_participle_takes_the_subject_governing_it():
    assert _acting("Salaheddine Sidhoum, a rights activist, staged a hunger strike in prison.", "strike").startswith("Salaheddine Sidhoum")
    assert _acting("Thousands of farmers were converging on Thursday for a rally in Lagos.", "rally").startswith("Thousands of farmers")
    assert _acting("Government forces launched rocket fire on the camps, killing 50.", "killing") == "Government forces"


def test_a_verb_s_own_subject_and_a_pronoun_stands_for_the_speaker():
    assert _acting("Pakistan, a key ally in the war, has refused to deploy peacekeepers.", "refused") == "Pakistan, a key ally in the war,"
    assert _acting("Syria says it will not accept any more refugees.", "accept") == "Syria"


def test_no_acting_subject_under_a_passive_or_for_a_modal():
    assert _acting("A journalist was killed in a car bomb explosion in Beirut.", "explosion") is None
    assert _acting("The Red Cross said the forces must ensure security.", "must") is None


def test_nobody_named_acted_in_an_event_the_subject_reacts_to():
    from marsad.streams.pipeline.events.syntax import NO_ACTOR

    def acting_span(text, word):
        [[(_, span)]] = trigger_syntax([text], [[_span(text, word)]])
        return span

    assert acting_span("The United Nations condemned the attack on the convoy.", "attack") == NO_ACTOR
    assert acting_span("Police arrested three men after the bombing of the embassy.", "bombing") == NO_ACTOR
    assert _acting("The Taliban launched an attack on the base.", "attack") == "The Taliban"
