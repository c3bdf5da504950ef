"""Event mentions (per article) and canonical events (merged across articles)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from marsad.schemas.base import Record
from marsad.schemas.entity import Place
from marsad.schemas.span import Span

EventStatus = Literal["announced", "occurred", "ongoing", "claimed", "alleged", "denied"]

#: PLOVER event types (PLOVER manual, 2021); see docs/ontology.md for the ACLED mapping.
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

QuantityKind = Literal[
    "killed", "injured", "evacuated", "displaced", "arrested", "fighters", "missing", "other",
]


class ActorRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    canonical_id: str | None = None
    name_en: str | None = None


class TimeRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date
    end: date
    precision: Literal["day", "part_of_day", "week", "month", "year", "range"]
    text: str | None = Field(default=None, description="The expression it was resolved from.")


class Quantity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: QuantityKind
    value: float | None = Field(description="Best single value, None when only vague.")
    min: float | None = None
    max: float | None = None
    approximate: bool = False
    text: str = Field(description="The words that give the figure: a number ('20', 'أكثر من 20 ألفاً', 'dozens') "
                                  "or a noun that counts by itself ('مقتل شرطي': one, 'قتيلان': two, 'a soldier').")


class EventMention(BaseModel):
    """One event as reported in one article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    status: EventStatus
    source_actors: list[ActorRef] = Field(default_factory=list)
    target_actors: list[ActorRef] = Field(default_factory=list)
    location: ActorRef | None = None
    place: Place | None = None
    time: TimeRef | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    attribution: list[ActorRef] = Field(default_factory=list)
    evidence: Span
    trigger: Span | None = None
    confidence: float = Field(ge=0.0, le=1.0)


class EventSource(BaseModel):
    """One article that reports a canonical event, with its own figures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str
    outlet: str
    url: str | None
    language: str
    published_at: AwareDatetime
    status: EventStatus
    quantities: list[Quantity] = Field(default_factory=list)
    evidence: Span


class CanonicalEvent(Record):
    """What Marsad publishes on ``<prefix>.events`` (compacted, key: ``event_id``).

    Every update is the full record with a higher ``version``; a consumer keeps the latest per
    key. Conflicting figures from different sources are all kept in ``quantities`` (one entry per
    source figure) rather than overwritten. Two events found to be one after both began are
    merged: the one first seen takes the other's sources, and the other's last record carries
    ``merged_into`` (a consumer drops it, or follows it to the event that holds its sources).
    """

    event_id: str
    version: int = Field(ge=1)
    story_id: str | None
    type: PloverType
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    status: EventStatus
    source_actors: list[ActorRef]
    target_actors: list[ActorRef]
    place: Place | None
    location_name: str | None
    time: TimeRef | None
    quantities: list[Quantity]
    sources: list[EventSource]
    corroboration: int = Field(ge=1, description="Number of distinct outlets reporting it.")
    first_seen: AwareDatetime
    last_seen: AwareDatetime
    confidence: float = Field(ge=0.0, le=1.0)
    updated_at: datetime
    merged_into: str | None = Field(
        default=None,
        description="Set on the last record of an event found to be another one after both began "
                    "(a later report placed them at one place): the id of the event that now holds "
                    "its sources. It receives no more updates.")
