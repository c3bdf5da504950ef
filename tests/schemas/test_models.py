from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from marsad.schemas import DeadLetter, RawArticle


def test_raw_article_round_trips_through_json():
    article = RawArticle(id="a", outlet="o", body="text", published_at=datetime(2019, 2, 9, tzinfo=UTC))
    assert RawArticle.from_json(article.to_json()) == article
    assert article.schema_version == 1


def test_records_are_immutable_and_reject_unknown_fields():
    article = RawArticle(id="a", outlet="o", body="text", published_at=datetime(2019, 2, 9, tzinfo=UTC))
    with pytest.raises(ValidationError):
        article.body = "changed"
    with pytest.raises(ValidationError):
        RawArticle(id="a", outlet="o", body="t", published_at=datetime(2019, 2, 9, tzinfo=UTC), bogus=1)


def test_dead_letter_reason_is_an_enumeration():
    with pytest.raises(ValidationError):
        DeadLetter(reason="oops", message="m", original="", original_encoding="utf-8", original_size=0,
                   received_at=datetime.now(UTC))
