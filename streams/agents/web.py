"""Operations endpoints on the worker's web port: /metrics, /health, /ready; and the monitors
that feed them (event-loop lag, consumer lag)."""

from __future__ import annotations

import asyncio
import gc
import time

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from marsad.streams.app import app
from marsad.streams.metrics import METRICS

LOOP_PROBE_S = 0.05


@app.page("/metrics")
async def metrics(web, request):
    return web.bytes(generate_latest(METRICS.registry), content_type=CONTENT_TYPE_LATEST.split(";")[0])


@app.page("/health")
async def health(web, request):
    return web.json({"status": "ok"})


@app.page("/ready")
async def ready(web, request):
    is_ready = METRICS.ready._value.get() == 1 and not app.rebalancing
    return web.json({"ready": is_ready}, status=200 if is_ready else 503)


@app.task
async def measure_loop_lag() -> None:
    """Sleeps a fixed time and records how late the loop woke up: a blocked loop shows here."""
    worst = 0.0
    while not app.should_stop:
        started = time.perf_counter()
        await asyncio.sleep(LOOP_PROBE_S)
        lag = max(0.0, time.perf_counter() - started - LOOP_PROBE_S)
        worst = max(worst, lag)
        METRICS.loop_lag.observe(lag)
        METRICS.loop_lag_max.set(worst)


@app.timer(interval=5.0)
async def measure_consumer_lag() -> None:
    consumer = app.consumer
    assigned = consumer.assignment()
    if not assigned:
        return
    highwaters = await consumer.highwaters(*assigned)
    for tp in assigned:
        position = consumer._read_offset.get(tp)
        end = highwaters.get(tp)
        if end is not None:
            METRICS.consumer_lag.labels(topic=tp.topic, partition=str(tp.partition)).set(
                max(0, end - (position or 0) - 1) if position is not None else end)


def _time_gc_pauses() -> None:
    """A full collection walks every live object; with large tables that can stall the loop,
    so its pauses are measured next to the loop lag."""
    started: list[float] = []

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started:
            METRICS.gc_pause.labels(generation=str(info["generation"])).observe(time.perf_counter() - started.pop())

    gc.callbacks.append(callback)


_time_gc_pauses()
