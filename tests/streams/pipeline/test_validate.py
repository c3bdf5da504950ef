"""One test per dead-letter reason, through the same Pipeline.run the workers use."""

import base64

import orjson
import pytest

from marsad.schemas import DeadLetter
from marsad.streams.pipeline.runner import Handoff, Pipeline, Source
from marsad.streams.settings import Settings
from tests.support.faulty_stage import TRIGGER

OK = {"id": "a1", "outlet": "o", "published_at": "2024-01-01T00:00:00Z",
      "body": "The council approved the new budget on Monday after a long debate."}


@pytest.fixture(scope="module")
def pipeline():
    settings = Settings(stages=("normalize", "language", "sentences", "tests.support.faulty_stage:FailOnMarker"),
                        max_article_bytes=2048)
    return Pipeline.from_settings(settings)


def run(pipeline, raw: bytes) -> DeadLetter | Handoff:
    return pipeline.run(raw, Source("raw", 2, 40))


def test_valid_article_passes(pipeline):
    result = run(pipeline, orjson.dumps(OK))
    assert isinstance(result, Handoff)
    assert result.article.language == "en" and result.article.sentences


@pytest.mark.parametrize(("reason", "raw"), [
    ("malformed_json", b'{"id": '),
    ("invalid_utf8", b'{"body": "\xff"}'),
    ("schema_invalid", orjson.dumps({**OK, "published_at": "not a date"})),
    ("schema_invalid", orjson.dumps([OK])),
    ("schema_invalid", orjson.dumps({**OK, "published_at": "2024-01-01T00:00:00"})),  # no time zone
    ("empty_body", orjson.dumps({k: v for k, v in OK.items() if k != "body"})),
    ("empty_body", orjson.dumps({**OK, "body": "  \n "})),
    ("too_large", orjson.dumps({**OK, "body": "x " * 2000})),
    ("unsupported_language", orjson.dumps({**OK, "body": "Правительство объявило сегодня о новых мерах поддержки."})),
    ("stage_error", orjson.dumps({**OK, "body": OK["body"] + " " + TRIGGER})),
])
def test_each_bad_input_becomes_a_dead_letter_with_its_reason(pipeline, reason, raw):
    letter = run(pipeline, raw)
    assert isinstance(letter, DeadLetter)
    assert letter.reason == reason
    assert letter.message and letter.source_partition == 2 and letter.source_offset == 40
    restored = base64.b64decode(letter.original) if letter.original_encoding == "base64" else letter.original.encode()
    assert restored == raw and letter.original_size == len(raw)


def test_stage_error_names_the_stage(pipeline):
    letter = run(pipeline, orjson.dumps({**OK, "body": TRIGGER + " in a sentence of English words."}))
    assert letter.stage == "test-failure.v1" and letter.error_type == "RuntimeError"
