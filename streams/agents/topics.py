"""Faust topic objects for the app (names and configs come from ``marsad.streams.topics``)."""

from __future__ import annotations

from marsad.streams.app import app, settings
from marsad.streams.topics import TOPICS

_by_name = {spec.name: spec for spec in TOPICS}


def _topic(name: str):
    spec = _by_name[name]
    return app.topic(settings.topic(name), key_serializer="raw", value_serializer="raw",
                     partitions=settings.partitions, config=spec.config or None,
                     compacting=spec.cleanup_policy == "compact", internal=False)


raw = _topic("articles.raw")
enriched = _topic("articles.enriched")
events = _topic("events")
stories = _topic("stories")
deadletter = _topic("deadletter")
dedup = _topic("internal.dedup")
