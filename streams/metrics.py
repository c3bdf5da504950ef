"""Prometheus metrics of a worker, served on ``/metrics`` of its web port."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


#: Fine around 100 ms, the stall budget: a scrape before and after a run bounds its worst stall.
LOOP_LAG_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.records_in = Counter("marsad_records_in", "Records consumed, per topic.", ["topic"], registry=r)
        self.records_out = Counter("marsad_records_out", "Records produced, per topic.", ["topic"], registry=r)
        self.dead_letters = Counter("marsad_dead_letters", "Dead letters, per reason.", ["reason"], registry=r)
        self.story_decisions = Counter(
            "marsad_story_decisions", "Story decision per article: new, similar (joined a story), copy, late, "
            "seen (a replay), not_article (a login wall, blocked or chrome page: a scraper problem).",
            ["reason"], registry=r)
        self.stage_seconds = Histogram(
            "marsad_stage_seconds", "CPU time per article in each pipeline stage.", ["stage"], registry=r,
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0))
        self.consumer_lag = Gauge("marsad_consumer_lag", "Messages behind the end of each assigned partition.",
                                  ["topic", "partition"], registry=r)
        self.loop_lag = Histogram(
            "marsad_event_loop_lag_seconds", "How late the event loop woke a probe that sleeps 50 ms.", registry=r,
            buckets=LOOP_LAG_BUCKETS)
        self.gc_pause = Histogram(
            "marsad_gc_pause_seconds", "Garbage-collector pauses (they stop the event loop too).", ["generation"],
            registry=r, buckets=LOOP_LAG_BUCKETS)
        self.loop_lag_max = Gauge("marsad_event_loop_lag_max_seconds", "Largest event-loop delay seen.", registry=r)
        self.stall_rewinds = Counter(
            "marsad_stall_rewinds", "Partitions read again after they stopped moving while records waited: "
            "input partitions whose commits stopped, changelog partitions in table recovery "
            "(see marsad.streams.stalls).", ["topic"], registry=r)
        self.ready = Gauge("marsad_ready", "1 once the worker loaded its models and joined the group.", registry=r)


METRICS = Metrics()
