"""Prometheus metrics of a worker, served on ``/metrics`` of its web port."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.records_in = Counter("marsad_records_in", "Records consumed, per topic.", ["topic"], registry=r)
        self.records_out = Counter("marsad_records_out", "Records produced, per topic.", ["topic"], registry=r)
        self.dead_letters = Counter("marsad_dead_letters", "Dead letters, per reason.", ["reason"], registry=r)
        self.stage_seconds = Histogram(
            "marsad_stage_seconds", "CPU time per article in each pipeline stage.", ["stage"], registry=r,
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0))
        self.consumer_lag = Gauge("marsad_consumer_lag", "Messages behind the end of each assigned partition.",
                                  ["topic", "partition"], registry=r)
        self.loop_lag = Gauge("marsad_event_loop_lag_seconds", "Last measured event-loop delay.", registry=r)
        self.loop_lag_max = Gauge("marsad_event_loop_lag_max_seconds", "Largest event-loop delay seen.", registry=r)
        self.ready = Gauge("marsad_ready", "1 once the worker loaded its models and joined the group.", registry=r)


METRICS = Metrics()
