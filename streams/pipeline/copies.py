"""Copy detection: exact and near-duplicate copies of one text across outlets (syndication).

Two parts, so the expensive one runs off the event loop and the stateful one stays cheap:

* :class:`Fingerprint` (stateless stage): SHA-256 of the folded body and a MinHash signature
  over word 5-gram shingles, kept in ``doc.scratch``.
* :class:`CopyDetector` (stateful): finds an earlier article with the same hash or, through
  LSH banding, a signature whose estimated Jaccard similarity reaches the threshold.

All state lives in a ``MutableMapping[str, JSON]`` passed in (a dict offline, a Faust table in
the stream), so a restarted worker recovers it from the changelog. Decisions are idempotent: an
article already seen gets its first decision again, never a new one.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from marsad.streams.pipeline.doc import Doc

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MAX_BAND_BUCKET = 32  # ids kept per LSH bucket; boilerplate texts must not grow buckets unbounded
_WORD = re.compile(r"\w+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
# Fixed permutations: signatures stored in changelogs must keep their meaning across upgrades,
# so they are computed here rather than by a library whose scheme could change.
_rng = np.random.RandomState(20190209)
_A = _rng.randint(1, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)


def shingles(folded_body: str) -> set[bytes]:
    words = _WORD.findall(folded_body)
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(folded_body: str) -> list[int]:
    """MinHash signature: per permutation, the least (a*h+b mod p) over the shingles' hashes."""
    items = shingles(folded_body) or {b""}
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(x, digest_size=4).digest(), "little") for x in items),
                         dtype=np.uint64, count=len(items))
    permuted = ((hashes[:, None] * _A + _B) % _MERSENNE) & _MAX32
    return permuted.min(axis=0).tolist()


def content_hash(folded_body: str) -> str:
    return hashlib.sha256(" ".join(folded_body.split()).encode()).hexdigest()


def band_keys(sig: list[int]) -> list[str]:
    return [
        f"{band}:{hashlib.blake2b(np.asarray(sig[band * ROWS:(band + 1) * ROWS], dtype=np.uint32).tobytes(), digest_size=8).hexdigest()}"
        for band in range(BANDS)
    ]


def estimated_jaccard(a: list[int], b: list[int]) -> float:
    return float(np.mean(np.asarray(a, dtype=np.uint32) == np.asarray(b, dtype=np.uint32)))


class Fingerprint:
    """Stateless: computes the content hash and MinHash signature of the article's body.

    Site chrome (a cookie banner, a publisher's disclaimer: :mod:`~marsad.streams.pipeline.stories.chrome`)
    is left out: two different stories of one site that carry the same long disclaimer are not
    copies, and a wire story one outlet wrapped in a banner still is. A body that is all chrome
    is fingerprinted by its title (only walls with the same title are copies)."""

    name = "fingerprint.v2"

    def __call__(self, doc: Doc) -> Doc:
        body = self._article_body(doc)
        return doc.evolve(
            content_hash=content_hash(body),
            scratch={**doc.scratch, "minhash": signature(body)},
            stages=doc.stages + (self.name,),
        )

    def _article_body(self, doc: Doc) -> str:
        from marsad.streams.pipeline.stories.chrome import readable

        start = self._folded_body_start(doc)
        text, origin = doc.folded.text, doc.folded.origin
        chrome = [span for span in readable(doc).chrome if span[1] > doc.body_start]
        if not chrome:
            return text[start:]
        pieces, at = [], start
        for begin, end in chrome:  # in text order, as readable() finds them
            lo, hi = bisect_left(origin, begin, at, len(text)), bisect_left(origin, end, at, len(text))
            pieces.append(text[at:lo])
            at = max(at, hi)
        pieces.append(text[at:])
        body = "".join(pieces)
        return body if body.strip() else text[:start]

    @staticmethod
    def _folded_body_start(doc: Doc) -> int:
        # the first folded char whose origin is at or after the body start
        origin = doc.folded.origin
        lo, hi = 0, len(origin) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if origin[mid] < doc.body_start:
                lo = mid + 1
            else:
                hi = mid
        return lo


@dataclass(frozen=True, slots=True)
class CopyDecision:
    copy_of: str | None
    similarity: float | None


class CopyDetector:
    """Stateful: marks an article as a copy of the first-seen article it duplicates.

    The store holds one JSON entry per article, ``a:<article id>`` -> its signature, content
    hash, decision and publication time: one changelog write per article. The exact-hash and
    LSH band indexes are derived from those entries in memory (:meth:`rebuild`), so recovery
    restores them without writing 32 band keys per article to the changelog.
    """

    name = "copies.v1"

    def __init__(self, store: MutableMapping[str, Any], threshold: float = 0.8):
        self.store = store
        self.threshold = threshold
        self._by_hash: dict[str, str] = {}
        self._bands: dict[str, list[str]] = {}
        self.rebuild()

    def rebuild(self, entries: list[tuple[str, dict]] | None = None) -> None:
        """Recreate the in-memory indexes from the stored entries (or from ``entries``, the
        stored ``(article id, entry)`` pairs a caller has already read)."""
        if entries is None:
            entries = self._entries()
        self._by_hash.clear()
        self._bands.clear()
        for article_id, entry in sorted(entries, key=lambda item: (item[1]["t"], item[0])):
            self._index(article_id, entry)

    def _entries(self) -> list[tuple[str, dict]]:
        return [(key[2:], entry) for key, entry in self.store.items() if key.startswith("a:")]

    def _index(self, article_id: str, entry: dict) -> None:
        self._by_hash.setdefault(entry["h"], article_id)
        for key in band_keys(entry["sig"]):
            bucket = self._bands.setdefault(key, [])
            if len(bucket) < MAX_BAND_BUCKET:
                bucket.append(article_id)

    def check(self, article_id: str, published_at: datetime, digest: str, sig: list[int]) -> CopyDecision:
        known = self.store.get(f"a:{article_id}")
        if known is not None:
            return CopyDecision(known["copy_of"], known["sim"])
        decision = self._find(digest, sig)
        entry = {"sig": sig, "copy_of": decision.copy_of, "sim": decision.similarity,
                 "t": published_at.timestamp(), "h": digest}
        self.store[f"a:{article_id}"] = entry
        self._index(article_id, entry)
        return decision

    def __call__(self, doc: Doc) -> Doc:
        decision = self.check(doc.article.id, doc.article.published_at, doc.content_hash, doc.scratch["minhash"])
        return doc.evolve(copy_of=decision.copy_of, copy_similarity=decision.similarity,
                          stages=doc.stages + (self.name,))

    def _find(self, digest: str, sig: list[int]) -> CopyDecision:
        exact = self._by_hash.get(digest)
        if exact is not None:
            return CopyDecision(self._root(exact), 1.0)
        best_id, best_sim = None, 0.0
        seen: set[str] = set()
        for key in band_keys(sig):
            for candidate in self._bands.get(key, ()):
                if candidate in seen:
                    continue
                seen.add(candidate)
                entry = self.store.get(f"a:{candidate}")
                if entry is None:
                    continue
                sim = estimated_jaccard(sig, entry["sig"])
                if sim > best_sim or (sim == best_sim and best_id is not None and candidate < best_id):
                    best_id, best_sim = candidate, sim
        if best_id is not None and best_sim >= self.threshold:
            return CopyDecision(self._root(best_id), round(best_sim, 4))
        return CopyDecision(None, None)

    def _root(self, article_id: str) -> str:
        entry = self.store.get(f"a:{article_id}")
        return entry["copy_of"] if entry and entry["copy_of"] else article_id

    def evict(self, before: datetime) -> int:
        """Forget articles published before ``before``; returns how many were forgotten."""
        cutoff = before.timestamp()
        entries = self._entries()
        kept = [(article_id, entry) for article_id, entry in entries if entry["t"] >= cutoff]
        if len(kept) < len(entries):
            for article_id, entry in entries:
                if entry["t"] < cutoff:
                    del self.store[f"a:{article_id}"]
            self.rebuild(kept)  # from the entries already read: each one is decoded once
        return len(entries) - len(kept)
