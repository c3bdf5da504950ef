"""The incoming article and the enriched article."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, Field, field_validator

from marsad.schemas.base import Record
from marsad.schemas.entity import Entity
from marsad.schemas.event import EventMention
from marsad.schemas.span import Span


class RawArticle(Record):
    """What producers publish on ``<prefix>.articles.raw`` (key: ``id``).

    ``body`` may contain HTML; Marsad strips it. ``language`` is a hint (ISO 639-1); Marsad
    detects the language itself and reports both.
    """

    id: str = Field(min_length=1, max_length=512)
    url: str | None = None
    outlet: str = Field(min_length=1, max_length=512)
    title: str = ""
    body: str
    published_at: AwareDatetime
    language: str | None = Field(default=None, min_length=2, max_length=8)
    fetched_at: AwareDatetime | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("body")
    @classmethod
    def _body_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is empty or whitespace")
        return value


class EnrichedArticle(Record):
    """What Marsad publishes on ``<prefix>.articles.enriched`` (key: ``id``).

    Every offset (entities, events, sentences) indexes ``text``: the article's title, a blank
    line, then its body, with HTML removed but otherwise exactly as the outlet wrote it
    (diacritics, tatweel and digits are kept; matching folds them internally).
    """

    id: str
    url: str | None
    outlet: str
    title: str
    published_at: AwareDatetime
    fetched_at: AwareDatetime | None
    metadata: dict[str, Any]
    text: str
    body_start: int = Field(ge=0, description="Offset in text where the body begins.")
    language: str = Field(description="Detected ISO 639-1 language code.")
    language_confidence: float = Field(ge=0.0, le=1.0)
    language_hint: str | None = Field(description="The producer's language field, if any.")
    sentences: list[Span]
    content_hash: str = Field(description="SHA-256 of the folded text: equal for exact copies.")
    copy_of: str | None = Field(
        default=None, description="Id of the first-seen article this one copies, if any."
    )
    copy_similarity: float | None = Field(default=None, ge=0.0, le=1.0)
    story_id: str | None = None
    entities: list[Entity] = Field(
        default_factory=list, description="Entity mentions; empty until the entity stage runs."
    )
    events: list[EventMention] = Field(
        default_factory=list, description="Event mentions; empty until the event stage runs."
    )
    stages: list[str] = Field(description="Names and versions of the stages that ran.")
    processed_at: datetime
