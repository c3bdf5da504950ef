"""Marsad's published contracts: one pydantic model per record that crosses a topic.

This package imports nothing from the runtime (no Faust, no NLP), so another program can
depend on it alone to read Marsad's topics. JSON Schema exports of these models live in
``schemas/json/`` and the AsyncAPI description of every channel in ``schemas/asyncapi.json``.
"""

from marsad.schemas.article import EnrichedArticle, RawArticle
from marsad.schemas.base import SCHEMA_VERSION, Record
from marsad.schemas.deadletter import DeadLetter, DeadLetterReason
from marsad.schemas.entity import Entity, EntityType, Place
from marsad.schemas.event import (
    ActorRef,
    CanonicalEvent,
    EventMention,
    EventSource,
    EventStatus,
    Quantity,
    TimeRef,
)
from marsad.schemas.span import Span
from marsad.schemas.story import Story, StorySource

__all__ = [
    "SCHEMA_VERSION",
    "ActorRef",
    "CanonicalEvent",
    "DeadLetter",
    "DeadLetterReason",
    "EnrichedArticle",
    "Entity",
    "EntityType",
    "EventMention",
    "EventSource",
    "EventStatus",
    "Place",
    "Quantity",
    "RawArticle",
    "Record",
    "Span",
    "Story",
    "StorySource",
    "TimeRef",
]
