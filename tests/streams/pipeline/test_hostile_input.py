"""Hostile and bad input (issue 6): property-based tests over > 10,000 generated payloads.

Every payload must come out of ``Pipeline.run`` as a :class:`Handoff` or a :class:`DeadLetter`
with a specific reason: never an exception, never a hang, and never ``stage_error`` (the
runner's safety net for a stage that raised: on generated input that is a bug to fix).

The pipeline is built once per module with the default stage list. If a stage of the default
list cannot be built yet, the light stack (normalize, language, sentences) is used and the
test output says so. Hypothesis runs derandomized (the same examples in every CI run).
"""

from __future__ import annotations

import base64
import os
import sys

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from marsad.schemas import DeadLetter
from marsad.streams.errors import MarsadError
from marsad.streams.pipeline.runner import Handoff, Pipeline, Source
from marsad.streams.settings import Settings
from tests.support import hostile as H

#: Small limit so that huge payloads dead-letter (too_large) without being parsed.
LIMIT = 20_000
LIGHT_STAGES = ("normalize", "language", "sentences")
SPECIFIC_REASONS = {"malformed_json", "invalid_utf8", "schema_invalid", "empty_body", "too_large",
                    "unsupported_language"}

#: Examples per test: the sum is over 10,000 (see ``test_example_budget``).
BUDGET = {
    "random_bytes": 2500,
    "json_values": 1500,
    "wrong_types": 2000,
    "surrogates": 800,
    "mutated": 1000,
    "deep": 300,
    "huge": 400,
    "valid": 1500,
}
COUNTS: dict[str, int] = dict.fromkeys(BUDGET, 0)


def _settings(name: str) -> settings:
    return settings(max_examples=BUDGET[name], deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much, HealthCheck.large_base_example])


def build_pipeline() -> tuple[Pipeline, str]:
    """The default stage list, or the light stack when a default stage is not loadable yet
    (or when ``HOSTILE_STACK=light`` asks for it, to time the light stack alone)."""
    if os.environ.get("HOSTILE_STACK") == "light":
        return Pipeline.from_settings(Settings(max_article_bytes=LIMIT, stages=LIGHT_STAGES)), "light"
    try:
        full = Pipeline.from_settings(Settings(max_article_bytes=LIMIT))
        return full, "full"
    except (ImportError, MarsadError) as exc:
        print(f"\n[hostile-input] default stages unavailable ({exc}); using {LIGHT_STAGES}", file=sys.stderr)
        return Pipeline.from_settings(Settings(max_article_bytes=LIMIT, stages=LIGHT_STAGES)), "light"


@pytest.fixture(scope="module")
def pipeline():
    pipe, which = build_pipeline()
    print(f"\n[hostile-input] stack={which} stages={[s.name for s in pipe.stages]}", file=sys.stderr)
    yield pipe
    print(f"\n[hostile-input] examples run: {sum(COUNTS.values())} {COUNTS}", file=sys.stderr)


def check(pipeline: Pipeline, raw: bytes, kind: str) -> Handoff | DeadLetter:
    """Runs one payload and asserts the outcome is a Handoff or a specific dead letter."""
    COUNTS[kind] += 1
    result = pipeline.run(raw, Source("hostile", 0, COUNTS[kind]))
    if isinstance(result, DeadLetter):
        assert result.reason != "stage_error", f"stage error (a bug) on {raw[:300]!r}: {result.message}"
        assert result.reason in SPECIFIC_REASONS and result.message
        restored = (base64.b64decode(result.original) if result.original_encoding == "base64"
                    else result.original.encode())
        assert restored == raw and result.original_size == len(raw)
        orjson.loads(result.to_json())  # publishable
        return result
    assert isinstance(result, Handoff), type(result)
    check_offsets(result)
    orjson.loads(orjson.dumps(result.model_dump(mode="json")))  # publishable, as run_serialized does
    return result


def check_offsets(handoff: Handoff) -> None:
    article = handoff.article
    text = article.text
    assert 0 <= article.body_start <= len(text)
    for span in article.sentences:
        assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text, span
    for entity in article.entities:
        assert 0 <= entity.start <= entity.end <= len(text), entity
        assert text[entity.start:entity.end] == entity.surface, entity
    for event in article.events:
        for span in (event.evidence, event.trigger):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text) and text[span.start:span.end] == span.text, span
        refs = [*event.source_actors, *event.target_actors, *event.attribution, event.location]
        for ref in refs:
            if ref is not None:
                assert 0 <= ref.start <= ref.end <= len(text), ref


# ----------------------------------------------------------------------------- dead-letter side

@_settings("random_bytes")
@given(raw=st.one_of(st.binary(max_size=3000), st.binary(min_size=1, max_size=64).map(lambda b: b * 100)))
@example(raw=b"")
@example(raw=b"\x00" * 100)
@example(raw=b"\xef\xbb\xbf{}")  # UTF-8 BOM
@example(raw=b"\xed\xa0\x80")  # a UTF-8-encoded lone surrogate (invalid UTF-8)
@example(raw=b"\xff\xfe{\x00}\x00")  # UTF-16
def test_random_bytes(pipeline, raw):
    check(pipeline, raw, "random_bytes")


@_settings("json_values")
@given(value=H.json_values)
@example(value=None)
@example(value="body")
@example(value=[H.VALID])
@example(value=1e308)
@example(value=2 ** 70)
def test_any_json_value(pipeline, value):
    check(pipeline, H.dumps(value), "json_values")


@_settings("wrong_types")
@given(raw=H.wrong_typed_articles())
@example(raw=H.dumps({**H.VALID, "published_at": 2 ** 70}))
@example(raw=orjson.dumps({**H.VALID, "published_at": 1704067200}))
@example(raw=orjson.dumps({**H.VALID, "body": 42}))
@example(raw=orjson.dumps({**H.VALID, "id": 7, "outlet": ["o"]}))
@example(raw=orjson.dumps({**H.VALID, "metadata": "x"}))
@example(raw=orjson.dumps({**H.VALID, "language": "e"}))
@example(raw=orjson.dumps({**H.VALID, "body": "\u200b\u202e\u2066"}))  # invisible only
@example(raw=orjson.dumps({**H.VALID, "body": "\x00"}))
@example(raw=b'{"id":"a","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":"x","body":"y"}')
@example(raw=b'{"id":"a","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":1e999}')
@example(raw=b'{"id":"a","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":"x","n":123456789012345678901234567890}')
def test_wrong_types_and_missing_fields(pipeline, raw):
    check(pipeline, raw, "wrong_types")


@_settings("surrogates")
@given(raw=H.json_with_lone_surrogates())
@example(raw=b'{"id":"a","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":"x\\ud800y"}')
@example(raw=b'{"id":"a","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":"x\\udfff"}')
@example(raw=b'{"id":"a\\ud800","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":"x"}')
def test_lone_surrogate_escapes(pipeline, raw):
    check(pipeline, raw, "surrogates")


@_settings("mutated")
@given(raw=H.mutated_json())
def test_mutated_json(pipeline, raw):
    check(pipeline, raw, "mutated")


@_settings("deep")
@given(raw=H.deep_json())
@example(raw=b"[" * 100_000)
@example(raw=b"[" * 5000 + b"]" * 5000)
def test_deeply_nested_json(pipeline, raw):
    result = check(pipeline, raw, "deep")
    assert isinstance(result, DeadLetter)


@_settings("huge")
@given(raw=H.huge_payloads(LIMIT))
def test_huge_payloads(pipeline, raw):
    result = check(pipeline, raw, "huge")
    if len(raw) > LIMIT:
        assert isinstance(result, DeadLetter) and result.reason == "too_large"


# ----------------------------------------------------------------------------- processed side

def _valid(body: str, title: str = "", language: str = "ar") -> bytes:
    return orjson.dumps({**H.VALID, "body": body, "title": title, "language": language})


@_settings("valid")
@given(raw=H.valid_articles())
@example(raw=_valid("<script>alert(1)</script><p>قال المتحدث</p>"))
@example(raw=_valid("\u202eقال\u202c \u2066المتحدث\u2069 \u200bإن\u200d الهجوم بدأ. The council met. 北京 😀"))
@example(raw=_valid("." * 5000 + " قال"))
@example(raw=_valid("قال " + "!" * 5000))
@example(raw=_valid("a" * 3500, language="en"))
@example(raw=_valid("ب" * 3000))  # one long Arabic word without spaces
@example(raw=_valid("قتل 1" + ",000" * 200 + " شخصا"))  # a number too large for a float
@example(raw=_valid("killed " + "9" * 400 + " people", language="en"))
@example(raw=_valid("Dr." * 1000, language="en"))
@example(raw=_valid("\x00\x00 قال \x00", title="\x00"))
@example(raw=_valid("ﷺ ﻻ ﬁ İstanbul Ⅻ straße", title="İİİ", language="en"))  # NFKC/lower() change lengths
@example(raw=_valid("<p>" * 2000 + "x"))
@example(raw=_valid("مُحَمَّد" * 400))
@example(raw=_valid("5 يناير" + " " * 3000 + "x"))
def test_valid_hostile_articles_are_processed_with_exact_offsets(pipeline, raw):
    result = check(pipeline, raw, "valid")
    if isinstance(result, DeadLetter) and result.reason == "empty_body":
        # only acceptable when nothing visible is left once the HTML is removed
        from marsad.streams.pipeline.normalize import compose_text

        article = orjson.loads(raw)
        text, body_start = compose_text(article.get("title", ""), article["body"])
        assert not text[body_start:].strip()
        return
    assert isinstance(result, Handoff), f"{result.reason}: {result.message}"


def test_example_budget():
    assert sum(BUDGET.values()) >= 10_000
