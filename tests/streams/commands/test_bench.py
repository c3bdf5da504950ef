"""The benchmark reads the workers' own /metrics text: parse real Prometheus output."""

from prometheus_client import generate_latest

from marsad.streams.commands.bench import _during, _loop_lag, _stage_cpu
from marsad.streams.metrics import Metrics


def _scrape(metrics: Metrics) -> str:
    return generate_latest(metrics.registry).decode()


def test_loop_lag_and_gc_pauses_count_only_what_happened_between_the_scrapes():
    metrics = Metrics()
    metrics.loop_lag.observe(0.5)  # start-up: before the first scrape
    metrics.gc_pause.labels(generation="2").observe(0.3)
    before = _scrape(metrics)
    for lag in (0.001, 0.02, 0.12):
        metrics.loop_lag.observe(lag)
    metrics.gc_pause.labels(generation="0").observe(0.002)
    metrics.loop_lag_max.set(0.5)
    report = _loop_lag([before], [_scrape(metrics)])
    assert report["probes"] == {"count": 3, "over_100ms": 1, "max_le_ms": 150.0}
    assert report["gc_pauses"] == {"count": 1, "over_100ms": 0, "max_le_ms": 5.0}
    assert report["lifetime_max_ms"] == 500.0


def test_a_stall_beyond_the_last_bound_has_no_upper_bound():
    metrics = Metrics()
    metrics.loop_lag.observe(30.0)
    assert _during([], [_scrape(metrics)], "marsad_event_loop_lag_seconds")["max_le_ms"] is None


def test_stage_cpu_is_the_mean_over_workers():
    a, b = Metrics(), Metrics()
    a.stage_seconds.labels(stage="entities").observe(0.010)
    b.stage_seconds.labels(stage="entities").observe(0.030)
    assert _stage_cpu([_scrape(a), _scrape(b)]) == {"entities": 20.0}
