"""Which input partitions are stuck: records waiting past the committed offset, and no commit
for a while.

Why a worker needs this: faust-streaming 0.15 can lose track of records around a rebalance.
Records it fetched while the flow was stopped are dropped and meant to be fetched again, but
some never are (see :mod:`marsad.streams.faust_fixes` for the cases fixed at their root);
and a message dropped between fetch and agent leaves a gap that blocks later commits of its
partition (Faust commits past a gap of one offset at the head, which is why the drop that left
one is fixed at its root). Either way the partition's committed offset stops moving while
records wait behind it, the worker sits idle, and nothing but a restart would read them (seen
with one of two workers SIGKILLed during a burst, a few runs in ten under load).

A healthy partition with waiting records commits every few seconds (Faust's commit interval)
as batches finish, or has messages in flight in an agent (a batch in the NLP pool, models
still loading at start-up). A partition with nothing in flight whose committed offset has not
moved for ``after_s`` seconds while records wait is rewound to that offset; the records are
read again, which is safe because every stage after it is idempotent per article.

Messages in flight only put the clock off for so long (``BUSY_FACTOR`` times ``after_s``):
a message that an agent lost without acknowledging it must not keep its partition "busy" for
ever, and no batch takes minutes. Faust also leaves some acknowledged messages in its
unacknowledged set (a message read again after a rewind whose offset was acknowledged
before); those are not in flight (:func:`partitions_in_flight`).

Table recovery can stall the same way: a changelog partition it stopped receiving while
records wait (the offset it last applied below the end it noted) keeps the worker unready for
good. The same decision applies, with the applied offset for the commit and nothing in flight.

The decision is here, pure; the worker's timer (``agents/watchdog.py``) feeds it offsets and
does the seek.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

#: A partition whose commit has not moved for this many times ``after_s`` is stuck even with
#: messages in flight.
BUSY_FACTOR = 5


def partitions_in_flight(messages: Iterable) -> set[Hashable]:
    """Partitions of the messages an agent holds and has not acknowledged (Faust messages:
    ``tp`` and ``acked``)."""
    return {m.tp for m in messages if not m.acked}


@dataclass
class StallDetector:
    after_s: float
    #: partition -> (committed offset, first seen at that offset with records waiting,
    #: first seen so with nothing in flight (None while in flight))
    _waiting: dict[Hashable, tuple[int | None, float, float | None]] = field(default_factory=dict)

    def observe(self, now: float, offsets: Mapping[Hashable, tuple[int | None, int | None]],
                in_flight: Collection[Hashable] = ()) -> list[Hashable]:
        """``offsets``: per assigned input partition, ``(committed, end)`` (committed None: never;
        end: the offset the next record written will get); ``in_flight``: partitions with
        messages an agent holds and has not acknowledged. Returns the partitions to rewind to
        their committed offset; each is then watched afresh. Partitions no longer passed in
        (revoked) are forgotten."""
        stuck = []
        for tp, (committed, end) in offsets.items():
            if end is None or end <= (committed or 0):
                self._waiting.pop(tp, None)  # nothing waits
                continue
            busy = tp in in_flight
            seen = self._waiting.get(tp)
            if seen is None or seen[0] != committed:  # waiting since now, or progress was made
                self._waiting[tp] = (committed, now, None if busy else now)
                continue
            idle_since = None if busy else (seen[2] if seen[2] is not None else now)
            if now - seen[1] >= self.after_s * BUSY_FACTOR or (idle_since is not None and now - idle_since >= self.after_s):
                stuck.append(tp)
                self._waiting[tp] = (committed, now, None if busy else now)
            else:
                self._waiting[tp] = (committed, seen[1], idle_since)
        for tp in set(self._waiting) - set(offsets):
            del self._waiting[tp]
        return stuck

    def reset(self) -> None:
        """Forget everything (after a rebalance, offsets restart from the commits)."""
        self._waiting.clear()
