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
