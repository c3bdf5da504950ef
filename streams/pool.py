"""The NLP process pool: models load once per process, batches cross the process boundary.

CPU-heavy stages must not run on the event loop: a 20 ms stage on the loop would stall the
consumer's heartbeats and every other agent. The enrich agent hands batches of raw bytes to
this pool and awaits the serialised results.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from marsad.streams.native import limit_native_threads
from marsad.streams.pipeline.runner import Pipeline, Source, dead_letter
from marsad.streams.settings import Settings

log = logging.getLogger(__name__)
_pipeline: Pipeline | None = None


#: How often a pool process checks that the worker that started it is still alive.
PARENT_CHECK_S = 1.0


def _exit_with_parent(parent_pid: int) -> None:
    """A pool process outlives a worker killed by SIGKILL or the OOM killer: it holds both ends
    of its task queue, so it never sees the end of it and waits for work for good, holding its
    models (about 350 MB each; dozens piled up on a test machine). It exits once its parent is
    gone (it is then re-parented, so its parent pid changes)."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-worker", daemon=True).start()


def _init(settings_json: str, parent_pid: int | None = None) -> None:
    global _pipeline
    if parent_pid is not None:
        _exit_with_parent(parent_pid)
    settings = Settings.model_validate_json(settings_json)
    limit_native_threads(settings.native_threads)
    _pipeline = Pipeline.from_settings(settings)
    _pipeline.warm_up()


def _run(items: list[tuple[bytes, Source]]) -> list[tuple[str, str | None, bytes]]:
    assert _pipeline is not None, "pool process was not initialised"
    return _pipeline.run_serialized(items)


class PipelinePool:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._executor = self._new_executor()

    def _new_executor(self) -> Executor:
        settings_json = self.settings.model_dump_json()
        if self.settings.pipeline_processes > 0:
            return ProcessPoolExecutor(max_workers=self.settings.pipeline_processes,
                                       mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init, initargs=(settings_json, os.getpid()))
        return ThreadPoolExecutor(max_workers=1, initializer=_init, initargs=(settings_json,))

    async def run(self, items: list[tuple[bytes, Source]]) -> list[tuple[str, str | None, bytes]]:
        """One batch, split into contiguous chunks over the pool's processes; results in input order."""
        loop = asyncio.get_running_loop()
        chunks = _chunks(items, max(1, self.settings.pipeline_processes))
        if len(chunks) == 1:
            return await loop.run_in_executor(self._executor, _run, items)
        parts = await asyncio.gather(*(loop.run_in_executor(self._executor, _run, chunk) for chunk in chunks))
        return [result for part in parts for result in part]

    async def run_resilient(self, items: list[tuple[bytes, Source]]) -> list[tuple[str, str | None, bytes]]:
        """Like :meth:`run`, but survives a pool process dying (out of memory, a crash in native
        code): the pool is rebuilt and the batch retried one article at a time, so only an
        article that kills the process again is dead-lettered; the rest go through."""
        try:
            return await self.run(items)
        except BrokenProcessPool:
            log.error("NLP process died; restarting the pool and retrying the batch article by article")
            self._restart()
        results = []
        for item in items:
            try:
                results.extend(await self.run([item]))
            except BrokenProcessPool:
                self._restart()
                letter = dead_letter(item[0], "stage_error", "the NLP process died on this article", item[1])
                results.append(("dead", "stage_error", letter.to_json()))
        return results

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor()

    async def warm_up(self) -> None:
        """Load the models before the first message arrives (start-up, not first-article, cost)."""
        loop = asyncio.get_running_loop()
        # one empty task per process, submitted together: each finds no idle process and starts one
        await asyncio.gather(*(loop.run_in_executor(self._executor, _run, [])
                               for _ in range(max(1, self.settings.pipeline_processes))))

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _chunks(items: list, count: int) -> list[list]:
    """``items`` in at most ``count`` contiguous, nearly equal chunks (one empty chunk for none)."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out
