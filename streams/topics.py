"""Every topic Marsad reads or writes, with its key, value contract and configuration.

One list feeds topic creation (``marsad topics create``, worker start-up), the AsyncAPI
document and the README, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.streams.settings import Settings


@dataclass(frozen=True)
class TopicSpec:
    name: str  # without the prefix
    key: str
    schema: str | None  # JSON Schema file in schemas/json/, None for internal topics
    description: str
    producers: tuple[str, ...]
    consumers: tuple[str, ...]
    config: dict[str, str] = field(default_factory=dict)

    @property
    def cleanup_policy(self) -> str:
        return self.config.get("cleanup.policy", "delete")


COMPACT = {"cleanup.policy": "compact", "min.cleanable.dirty.ratio": "0.1", "segment.ms": "3600000"}

TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec("articles.raw", "article id (UTF-8); any key is accepted", "article.raw.v1.schema.json",
              "Incoming articles from crawlers and feeds.", ("news producers (marsad produce)",), ("enrich agent",)),
    TopicSpec("articles.enriched", "article id", "article.enriched.v1.schema.json",
              "Every valid article with language, sentences, entities, events, copy and story ids.",
              ("dedup agent",), ("downstream consumers",)),
    TopicSpec("events", "event_id", "event.v1.schema.json",
              "Canonical events; each update is the full record with a higher version.",
              ("dedup agent",), ("downstream consumers",), COMPACT),
    TopicSpec("stories", "story_id", "story.v1.schema.json",
              "Stories across outlets and languages; each update is the full record with a higher version.",
              ("dedup agent",), ("downstream consumers",), COMPACT),
    TopicSpec("deadletter", "input key", "deadletter.v1.schema.json",
              "Input Marsad could not process, with reason, message and the original bytes.",
              ("enrich agent",), ("operators",)),
    TopicSpec("internal.dedup", "blocking key (primary country or 'xx')", None,
              "Internal repartition topic: enriched articles routed so that possible duplicates meet.",
              ("enrich agent",), ("dedup agent",)),
)


#: Faust tables of the dedup agent. Their changelog topics (``<group>-<table>-changelog``) are
#: created with the other topics before Faust starts: two workers starting together otherwise
#: race to create them, and the loser caches a partition count of 0 and crashes its agent.
TABLES = ("copies", "stories", "events")


def changelog_topic(settings: Settings, table: str) -> str:
    return f"{settings.consumer_group}-{table}-changelog"
