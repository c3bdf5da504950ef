from types import SimpleNamespace

from marsad.streams.stalls import BUSY_FACTOR, StallDetector, partitions_in_flight


def test_records_waiting_behind_a_commit_that_does_not_move_are_rewound_once_per_period():
    d = StallDetector(after_s=60)
    assert d.observe(0, {"p0": (4, 12)}) == []
    assert d.observe(59, {"p0": (4, 12)}) == []
    assert d.observe(60, {"p0": (4, 12)}) == ["p0"]
    # watched afresh after the rewind
    assert d.observe(100, {"p0": (4, 12)}) == []
    assert d.observe(120, {"p0": (4, 12)}) == ["p0"]


def test_a_moving_commit_is_progress_however_long_the_backlog():
    d = StallDetector(after_s=60)
    for t in range(0, 600, 30):
        assert d.observe(t, {"p0": (t // 3, 10_000)}) == []


def test_nothing_waiting_is_never_a_stall():
    d = StallDetector(after_s=60)
    assert d.observe(0, {"p0": (12, 12), "p1": (None, 0), "p2": (5, None)}) == []
    assert d.observe(1000, {"p0": (12, 12), "p1": (None, 0), "p2": (5, None)}) == []


def test_a_partition_never_committed_with_records_is_watched():
    d = StallDetector(after_s=60)
    d.observe(0, {"p0": (None, 6)})
    assert d.observe(61, {"p0": (None, 6)}) == ["p0"]


def test_revoked_partitions_and_a_reset_forget_the_clock():
    d = StallDetector(after_s=60)
    d.observe(0, {"p0": (4, 12), "p1": (0, 3)})
    d.observe(30, {"p1": (0, 3)})  # p0 revoked
    assert d.observe(70, {"p0": (4, 12), "p1": (0, 3)}) == ["p1"]  # p0's clock restarted at 70
    d.reset()
    assert d.observe(100, {"p0": (4, 12)}) == []
    assert d.observe(160, {"p0": (4, 12)}) == ["p0"]


def test_a_partition_with_messages_in_flight_is_busy_not_stalled():
    # a batch in the NLP pool, or models still loading at start-up: the commit waits for it
    d = StallDetector(after_s=60)
    for t in range(0, 200, 10):
        assert d.observe(t, {"p0": (4, 12)}, in_flight={"p0"}) == []
    d.observe(200, {"p0": (4, 12)})  # nothing in flight any more: the clock starts now
    assert d.observe(259, {"p0": (4, 12)}) == []
    assert d.observe(260, {"p0": (4, 12)}) == ["p0"]


def test_messages_in_flight_that_are_never_acknowledged_do_not_hold_a_partition_for_ever():
    # a message an agent lost without acknowledging it: the commit never moves again
    d = StallDetector(after_s=60)
    limit = 60 * BUSY_FACTOR
    for t in range(0, limit, 10):
        assert d.observe(t, {"p0": (4, 12)}, in_flight={"p0"}) == []
    assert d.observe(limit, {"p0": (4, 12)}, in_flight={"p0"}) == ["p0"]
    assert d.observe(limit + 10, {"p0": (4, 12)}, in_flight={"p0"}) == []  # watched afresh


def test_acknowledged_messages_are_not_in_flight():
    # Faust keeps a message read again after a rewind in its unacknowledged set although it
    # acknowledged it (its offset was acknowledged before the rewind)
    msgs = [SimpleNamespace(tp="p0", acked=True), SimpleNamespace(tp="p1", acked=False), SimpleNamespace(tp="p1", acked=True)]
    assert partitions_in_flight(msgs) == {"p1"}


def test_a_recovery_that_applied_nothing_of_its_changelog_is_stalled_and_an_empty_one_is_not():
    # table recovery: (last offset applied, -1 before any; last offset of the changelog, -1 if empty)
    d = StallDetector(after_s=5)
    assert d.observe(0, {"log0": (-1, 5), "log1": (-1, -1), "log2": (5, 5)}) == []
    assert d.observe(10, {"log0": (-1, 5), "log1": (-1, -1), "log2": (5, 5)}) == ["log0"]
