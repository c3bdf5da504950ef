"""``marsad process``: the whole pipeline in-process, no broker; JSONL out (batch/offline mode)."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from marsad.schemas import DeadLetter
from marsad.streams.native import limit_native_threads
from marsad.streams.pipeline.dedup import Deduplicator, memory_stores
from marsad.streams.pipeline.runner import Pipeline, Source
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages


@dataclass
class ProcessReport:
    articles: int = 0
    enriched: int = 0
    copies: int = 0
    dead: Counter = field(default_factory=Counter)
    events: int = 0
    stories: set = field(default_factory=set)
    seconds: float = 0.0
    load_seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def process(paths: list[Path], settings: Settings, out: IO[bytes], *, events_out: IO[bytes] | None = None,
            stories_out: IO[bytes] | None = None, dead_out: IO[bytes] | None = None,
            limit: int | None = None) -> ProcessReport:
    report = ProcessReport()
    started = time.perf_counter()
    limit_native_threads(settings.native_threads)
    pipeline = Pipeline.from_settings(settings)
    pipeline.warm_up()
    dedup = Deduplicator(settings, memory_stores())
    report.load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for key, raw in iter_messages(paths, limit):
        report.articles += 1
        result = pipeline.run(raw, Source(topic="file"))
        if isinstance(result, DeadLetter):
            report.dead[result.reason] += 1
            (dead_out or sys.stderr.buffer).write(result.to_json() + b"\n")
            continue
        output = dedup.process(result)
        report.enriched += 1
        report.copies += output.article.copy_of is not None
        out.write(output.article.to_json() + b"\n")
        for story in output.stories:
            report.stories.add(story.story_id)
            if stories_out:
                stories_out.write(story.to_json() + b"\n")
        for event in output.events:
            report.events += 1
            if events_out:
                events_out.write(event.to_json() + b"\n")
    report.seconds = time.perf_counter() - started
    return report
