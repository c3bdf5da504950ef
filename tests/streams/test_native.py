from threadpoolctl import threadpool_info

from marsad.streams.native import limit_native_threads


def test_blas_pools_are_capped():
    limit_native_threads(1)
    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert pools and all(p["num_threads"] == 1 for p in pools)
