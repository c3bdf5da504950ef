"""The NLP process pool: models load once per process, batches cross the process boundary.

CPU-heavy stages must not run on the event loop: a 20 ms stage on the loop would stall the
consumer's heartbeats and every other agent. The enrich agent hands batches of raw bytes to
this pool and awaits the serialised results.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from marsad.streams.pipeline.runner import Pipeline, Source
from marsad.streams.settings import Settings

_pipeline: Pipeline | None = None


def _init(settings_json: str) -> None:
    global _pipeline
    _pipeline = Pipeline.from_settings(Settings.model_validate_json(settings_json))


def _run(items: list[tuple[bytes, Source]]) -> list[tuple[str, str | None, bytes]]:
    assert _pipeline is not None, "pool process was not initialised"
    return _pipeline.run_serialized(items)


class PipelinePool:
    def __init__(self, settings: Settings):
        init_args = (settings.model_dump_json(),)
        if settings.pipeline_processes > 0:
            self._executor: Executor = ProcessPoolExecutor(
                max_workers=settings.pipeline_processes, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init, initargs=init_args)
        else:
            self._executor = ThreadPoolExecutor(max_workers=1, initializer=_init, initargs=init_args)

    async def run(self, items: list[tuple[bytes, Source]]) -> list[tuple[str, str | None, bytes]]:
        return await asyncio.get_running_loop().run_in_executor(self._executor, _run, items)

    async def warm_up(self) -> None:
        """Load the models before the first message arrives (start-up, not first-article, cost)."""
        await self.run([])

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
