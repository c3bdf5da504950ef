"""Stories: articles about the same real-world story, across outlets and languages."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from marsad.schemas.base import Record


class StorySource(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str
    outlet: str
    url: str | None
    language: str
    title: str
    published_at: AwareDatetime
    copy_of: str | None = None


class Story(Record):
    """What Marsad publishes on ``<prefix>.stories`` (compacted, key: ``story_id``).

    Each update is the full story with a higher ``version``. ``closed`` is true once the story
    left the time window; it receives no more articles after that.
    """

    story_id: str
    version: int = Field(ge=1)
    title: str
    languages: list[str]
    sources: list[StorySource]
    outlets: list[str]
    entity_ids: list[str] = Field(description="Canonical ids of the story's main entities.")
    countries: list[str]
    event_ids: list[str]
    first_seen: AwareDatetime
    last_seen: AwareDatetime
    closed: bool = False
    updated_at: datetime
