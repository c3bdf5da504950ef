"""The stateful step: copies, stories and canonical events for one blocking key at a time.

Articles reach this step routed by their blocking key (see ``stories.blocking_key``), so every
article that could be a copy of, or share a story with, another reaches the same partition
and the same worker. State lives in mappings the caller provides, with values as JSON bytes:
dicts offline, Faust tables (changelog-backed, raw values) in the stream; each bucket sees its
keys under a ``<bucket>|`` prefix so buckets sharing a partition never collide.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from marsad.schemas import CanonicalEvent, EnrichedArticle, Story
from marsad.streams.pipeline.copies import CopyDetector
from marsad.streams.pipeline.runner import Handoff
from marsad.streams.pipeline.stories import EventMerger, StoryClusterer
from marsad.streams.settings import Settings

log = logging.getLogger(__name__)

StoreFactory = Callable[[str], MutableMapping[str, Any]]


class PrefixedStore(MutableMapping[str, Any]):
    """A view of one bucket's keys in a shared mapping (a Faust table holds many buckets)."""

    def __init__(self, backing: MutableMapping[str, Any], prefix: str):
        self.backing = backing
        self.prefix = prefix

    def __getitem__(self, key: str) -> Any:
        return self.backing[self.prefix + key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.backing[self.prefix + key] = value

    def __delitem__(self, key: str) -> None:
        del self.backing[self.prefix + key]

    def __iter__(self) -> Iterator[str]:
        n = len(self.prefix)
        return (k[n:] for k in list(self.backing.keys()) if k.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class JsonValues(MutableMapping[str, Any]):
    """A mapping whose values the backing store keeps as JSON bytes.

    Why: a story's state is a tree of dicts and lists, and tens of thousands of them in a window
    are millions of objects that every full garbage collection walks while the event loop
    waits; bytes are one object the collector does not track. It is also what the changelog
    stores, so a Faust table with ``value_type=bytes`` encodes nothing twice.
    """

    def __init__(self, backing: MutableMapping[str, bytes]):
        self.backing = backing

    def __getitem__(self, key: str) -> Any:
        return orjson.loads(self.backing[key])

    def __setitem__(self, key: str, value: Any) -> None:
        self.backing[key] = orjson.dumps(value)

    def __delitem__(self, key: str) -> None:
        del self.backing[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.backing)

    def __len__(self) -> int:
        return len(self.backing)

    def __contains__(self, key: object) -> bool:
        return key in self.backing


@dataclass
class DedupOutput:
    article: EnrichedArticle
    stories: list[Story] = field(default_factory=list)
    events: list[CanonicalEvent] = field(default_factory=list)
    #: The story decision (``StoryUpdate.reason``), counted by the worker's metrics.
    story_reason: str = "new"


@dataclass
class _Bucket:
    copies: CopyDetector
    stories: StoryClusterer
    events: EventMerger


#: Eviction runs when the publication-time watermark has advanced this far since the last one:
#: a few scans of the window per day, decided from stored state, so a restarted worker evicts
#: at the same articles as the worker it replaces.
EVICT_STEP = timedelta(hours=1)
#: A publication time this far past the article's processing time is not trusted as the
#: watermark (a feed dated 2099 must not close every story).
FUTURE_SLACK = timedelta(days=1)


class Deduplicator:
    """Runs copies -> stories -> events for each handoff, with per-bucket stage instances."""

    def __init__(self, settings: Settings, stores: dict[str, MutableMapping[str, bytes]]):
        """``stores``: one mapping per name in :func:`memory_stores`, holding JSON bytes."""
        self.settings = settings
        self.stores = {name: JsonValues(store) for name, store in stores.items()}
        self._buckets: dict[str, _Bucket] = {}
        self.window = timedelta(hours=settings.story_window_hours)
        # Records are stamped with the article's processing time, not the wall clock, so that a
        # replayed article re-emits byte-identical stories and events.
        self._now = datetime.fromtimestamp(0, UTC)

    def reset(self) -> None:
        """Drop in-memory indexes (after a rebalance); they are rebuilt from the stores on use."""
        self._buckets.clear()

    def _bucket(self, key: str) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            view = {name: PrefixedStore(store, f"{key}|") for name, store in self.stores.items()}
            bucket = self._buckets[key] = _Bucket(
                CopyDetector(view["copies"], self.settings.copy_threshold),
                StoryClusterer(view["stories"], window=self.window, clock=self._clock),
                EventMerger(view["events"], window=self.window, clock=self._clock))
        return bucket

    def _clock(self) -> datetime:
        return self._now

    def process(self, handoff: Handoff) -> DedupOutput:
        """Copies, story and events for one article. An article seen before gets its earlier
        decisions and produces no story or event update (idempotent replay). When the bucket's
        watermark has moved on by :data:`EVICT_STEP`, the stories it closed come out too."""
        self._now = handoff.article.processed_at
        bucket = self._bucket(handoff.blocking_key)
        output = self._process(bucket, handoff)
        watermark = min(handoff.article.published_at, handoff.article.processed_at + FUTURE_SLACK)
        low = bucket.stories.low_water
        if low is None or watermark - self.window >= low + EVICT_STEP:
            output.stories.extend(self.evict(handoff.blocking_key, watermark))
        return output

    def _process(self, bucket: _Bucket, handoff: Handoff) -> DedupOutput:
        doc = bucket.copies(handoff.to_doc())
        stories: list[Story] = []
        events: list[CanonicalEvent] = []
        update = bucket.stories.assign(doc)
        doc = doc.evolve(story_id=update.story_id, stages=doc.stages + (bucket.stories.name,))
        # Each store keeps its own "seen" marker, and each is consulted on its own: the three
        # tables have separate changelogs, so a worker killed mid-article can leave one store
        # with the article's writes and another without. The replay then redoes exactly the
        # missing part, and every record it emits is the one the first run emitted.
        event_ids = bucket.events.merged_ids(doc.article.id)
        if event_ids is None:
            events = bucket.events.merge(doc, update.story_id)
            event_ids = [e.event_id for e in events if e.merged_into is None]
        story = update.story
        if event_ids:
            story = bucket.stories.attach_events(update.story_id, event_ids) or story
        if update.changed or events:
            stories.append(story)
        return DedupOutput(doc.to_enriched(handoff.article.processed_at), stories, events, update.reason)

    def evict(self, bucket_key: str, now_published: datetime) -> list[Story]:
        """Close stories and forget copies of one bucket older than the window.

        One bucket at a time: in the stream, table writes must happen while processing an event
        of that bucket's partition. Returns the stories closed.
        """
        bucket = self._bucket(bucket_key)
        bucket.copies.evict(now_published - self.window)
        bucket.events.evict(now_published)
        return bucket.stories.evict(now_published)


def memory_stores() -> dict[str, MutableMapping[str, bytes]]:
    return {"copies": {}, "stories": {}, "events": {}}
