import os
import signal
import subprocess
import sys
import time

from marsad.streams.pool import _chunks


def test_chunks_are_contiguous_nearly_equal_and_keep_order():
    items = list(range(10))
    chunks = _chunks(items, 3)
    assert chunks == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert [x for c in chunks for x in c] == items


def test_chunks_never_more_than_items_and_one_for_none():
    assert _chunks([1, 2], 4) == [[1], [2]]
    assert _chunks([], 2) == [[]]
    assert _chunks([1, 2, 3], 1) == [[1, 2, 3]]


_POOL_OWNER = """
import asyncio, os, time
from marsad.streams.pool import PipelinePool
from marsad.streams.settings import Settings

pool = PipelinePool(Settings(stages=("normalize", "language", "sentences"), pipeline_processes=2))
asyncio.run(pool.warm_up())
print(" ".join(str(p.pid) for p in pool._executor._processes.values()), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie is dead, only not reaped yet
        return fh.read().split(")")[-1].split()[0] != "Z"


def test_pool_processes_exit_when_their_worker_is_killed():
    owner = subprocess.Popen([sys.executable, "-c", _POOL_OWNER], stdout=subprocess.PIPE, text=True)
    try:
        children = [int(p) for p in owner.stdout.readline().split()]
        assert len(children) == 2 and all(_alive(p) for p in children)
        owner.send_signal(signal.SIGKILL)
        owner.wait()
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in children), "NLP processes outlived their worker"
    finally:
        owner.kill()
