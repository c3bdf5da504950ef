"""Native thread pools (BLAS under numpy) sized from the settings.

Why: Marsad parallelises with processes (the NLP pool, more workers). OpenBLAS by default
starts a thread per core in every process, and on a busy machine its threads spin against
each other and against the other processes: a 4096 x 512 matrix-vector product measured 12 ms
with the default threads and 0.4 ms with one, on the 2-core machines here.
"""

from __future__ import annotations

import os

from threadpoolctl import threadpool_limits

_applied: int | None = None


def limit_native_threads(threads: int) -> None:
    """Cap the BLAS/OpenMP pools of this process and of the processes it spawns (once; later
    calls with the same value are free)."""
    global _applied
    if _applied != threads:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[name] = str(threads)  # libraries loaded later read these
        import numpy  # noqa: F401  (loads BLAS, so the limit below reaches it)

        threadpool_limits(limits=threads)
        _applied = threads
