"""Online story clustering: each arriving article joins the best open story or starts one.

All durable state lives in the ``store`` the caller passes (a Faust table in the stream, a
dict offline), with JSON-compatible values:

- ``s:<story_id>`` -> ``{"story": <Story as JSON>, "vec": <base64 float32 sum of member
  embeddings>, "n": <members in vec>, "ents": {id: weight}, "ctry": {cc: weight},
  "plc": {place id: count}, "nums": {number: count}}``
- ``a:<article_id>`` -> ``story_id`` (idempotency, and copies find their original's story)
- ``w`` -> low-water mark (ISO time): articles published before it are late.

In memory there is only a derived index (a matrix of normalised centroids plus each story's
signature and an expiry heap) that :meth:`StoryClusterer.rebuild` recreates from the store;
every write goes to the store first and then to the index, so the two never disagree.

Decision for an article (deterministic given the store):

1. already seen (``a:<id>`` present, or a story lists the article: a worker killed between the
   story's write and the marker's): the same story, unchanged (no version bump);
2. a copy (``doc.copy_of``) of an article of an open story: joins it;
3. otherwise the open stories whose centroid is closest to the article (exact cosine; above
   ``exact_limit`` open stories, the ``retrieve`` best by a 64-dimensional projection of the
   embeddings, re-ranked by exact cosine) and whose time span is within the window are scored
   with the :class:`JoinRule` (cosine adjusted by the overlap of linked entity ids and of the
   numbers in the text, against the story's accumulated ids and numbers; parameters in
   ``resources/stories/join_rule.json``) or, when a :class:`SimilarityModel` is passed
   explicitly, with that model; the best one joins if its score reaches ``threshold``
   (ties: the smaller story id);
4. otherwise a new story with id ``st-`` + hash(article id). An article older than the
   low-water mark that matches no open story gets a new story that is returned already
   closed and is not stored (closed stories receive nothing more).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from marsad.schemas import Story
from marsad.streams.pipeline.doc import Doc
from marsad.streams.pipeline.stories.embed import DIM, LEAD_CHARS, embed
from marsad.streams.pipeline.stories.similarity import (
    JoinRule,
    Signature,
    SimilarityModel,
    default_join_rule,
    doc_signature,
    features,
)
from marsad.streams.pipeline.stories.state import (
    decode_vec,
    encode_vec,
    iso,
    parse_dt,
    stable_id,
    top_weights,
    utcnow,
)

#: Join threshold of a :class:`SimilarityModel` passed explicitly without one (its file's
#: ``meta.threshold`` wins when present). The default join rule carries its own threshold
#: (``resources/stories/join_rule.json``).
DEFAULT_THRESHOLD = 0.75

#: Orthonormal basis (64 x 512, top right-singular vectors of USE embeddings of the SemEval-2022
#: Task 8 texts) used to pre-select candidate stories when many are open.
BASIS_PATH = Path(__file__).resolve().parents[2] / "resources" / "stories" / "retrieval_basis.npy"
_BASIS: np.ndarray | None = None


def retrieval_basis() -> np.ndarray:
    global _BASIS
    if _BASIS is None:
        _BASIS = np.ascontiguousarray(np.load(BASIS_PATH).astype(np.float32))
    return _BASIS


@dataclass(frozen=True)
class StoryUpdate:
    story_id: str
    is_new: bool
    story: Story
    #: False when nothing changed (the article was already in the story): publish nothing.
    changed: bool = True
    #: How it was decided: "new", "similar", "copy", "seen", "late", or "not_article" (a wall
    #: or chrome page, kept apart: see ``Signature.article``).
    reason: str = "new"
    score: float | None = None


class StoryClusterer:
    name = "stories.v1"

    def __init__(
        self,
        store: MutableMapping[str, Any],
        window: timedelta = timedelta(hours=72),
        threshold: float | None = None,
        model: SimilarityModel | None = None,
        rule: JoinRule | None = None,
        shortlist: int = 16,
        min_cosine: float = 0.2,
        exact_limit: int = 4096,
        retrieve: int = 256,
        max_entities: int = 64,
        max_numbers: int = 32,
        story_entities: int = 10,
        lead_chars: int = LEAD_CHARS,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.window = window
        # An explicitly passed model (and no rule) scores with the logistic model; otherwise the
        # join rule (default: the shipped one) decides.
        self.model = model if rule is None else None
        self.rule = None if self.model is not None else (rule or default_join_rule())
        if threshold is None:
            threshold = (self.rule.threshold if self.rule is not None
                         else float(self.model.meta.get("threshold", DEFAULT_THRESHOLD)))
        self.threshold = threshold
        self.shortlist = shortlist
        self.min_cosine = min_cosine
        self.exact_limit = exact_limit
        self.retrieve = retrieve
        self._basis = retrieval_basis()
        self.max_entities = max_entities
        self.max_numbers = max_numbers
        self.story_entities = story_entities
        self.lead_chars = lead_chars
        self.clock = clock
        self._reset_index()
        self.rebuild()

    # ------------------------------------------------------------------ index
    def _reset_index(self) -> None:
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._mat = np.zeros((64, DIM), dtype=np.float32)
        self._low = np.zeros((64, len(retrieval_basis())), dtype=np.float32)
        self._sig: dict[str, Signature] = {}
        self._heap: list[tuple[float, str]] = []
        self._low_water: datetime | None = None
        self._member: dict[str, str] = {}  # article id -> the story that lists it as a source

    def rebuild(self) -> None:
        """Recreate the in-memory index from the store (after recovery or a rebalance)."""
        self._reset_index()
        for key in sorted(k for k in list(self.store.keys()) if k.startswith("s:")):
            state = self.store.get(key)
            if state is not None:
                self._index(key[2:], state)
        low = self.store.get("w")
        self._low_water = parse_dt(low) if low else None

    def _index(self, story_id: str, state: dict[str, Any]) -> None:
        vec = decode_vec(state["vec"])
        norm = float(np.linalg.norm(vec))
        unit = vec / norm if norm > 0 else vec
        row = self._row.get(story_id)
        if row is None:
            row = len(self._ids)
            if row >= len(self._mat):
                grown = np.zeros((len(self._mat) * 2, DIM), dtype=np.float32)
                grown[: len(self._mat)] = self._mat
                self._mat = grown
                low = np.zeros((len(self._mat), self._low.shape[1]), dtype=np.float32)
                low[: len(self._low)] = self._low
                self._low = low
            self._ids.append(story_id)
            self._row[story_id] = row
            for src in state["story"]["sources"]:
                self._member[src["article_id"]] = story_id
        self._mat[row] = unit
        self._low[row] = self._basis @ unit
        story = state["story"]
        first, last = parse_dt(story["first_seen"]), parse_dt(story["last_seen"])
        self._sig[story_id] = Signature(
            vec=unit, entities=state.get("ents", {}), countries=state.get("ctry", {}),
            numbers=frozenset(state.get("nums", {})), start=first, end=last,
            languages=frozenset(story["languages"]), places=frozenset(state.get("plc", {})),
            article=state.get("article", True))
        heapq.heappush(self._heap, (last.timestamp(), story_id))

    def _unindex(self, story_id: str) -> None:
        row = self._row.pop(story_id, None)
        self._sig.pop(story_id, None)
        if row is None:
            return
        last = len(self._ids) - 1
        if row != last:
            moved = self._ids[last]
            self._ids[row] = moved
            self._row[moved] = row
            self._mat[row] = self._mat[last]
            self._low[row] = self._low[last]
        self._ids.pop()
        self._mat[last] = 0.0
        self._low[last] = 0.0

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self._ids)

    @property
    def low_water(self) -> datetime | None:
        return self._low_water

    def story(self, story_id: str) -> Story | None:
        state = self.store.get("s:" + story_id)
        return Story.model_validate(state["story"]) if state else None

    def story_of(self, article_id: str) -> str | None:
        return self.store.get("a:" + article_id)

    def candidates(self, sig: Signature) -> list[tuple[float, str, float]]:
        """Open stories scored against ``sig``: ``(score, story_id, cosine)``, best first. None
        for a page that is not an article, nor stories opened by one (see ``Signature.article``):
        such a page is a story of its own."""
        n = len(self._ids)
        if n == 0 or not sig.article:
            return []
        vec = sig.vec.astype(np.float32)
        if n > max(self.exact_limit, self.retrieve):
            approx = self._low[:n] @ (self._basis @ vec)
            pool = np.argpartition(-approx, self.retrieve - 1)[: self.retrieve]
            cos_pool = self._mat[pool] @ vec
        else:
            pool = None
            cos_pool = self._mat[:n] @ vec
        keep = np.flatnonzero(cos_pool >= self.min_cosine)
        if len(keep) > self.shortlist:
            keep = keep[np.argpartition(-cos_pool[keep], self.shortlist - 1)[: self.shortlist]]
        rows = keep if pool is None else pool[keep]
        cos = np.zeros(n, dtype=np.float32)
        cos[rows] = cos_pool[keep]
        out = []
        pub = sig.start
        for r in rows:
            sid = self._ids[r]
            other = self._sig[sid]
            if not other.article:
                continue
            if pub is not None and other.start is not None and (
                    other.end < pub - self.window or other.start > pub + self.window):
                continue
            if self.rule is not None:
                score = self.rule.score(sig, other, float(cos[r]))
            else:
                score = float(self.model.score_features(
                    features(sig, other, float(cos[r]), self.model.time_scale_h)))
            out.append((score, sid, float(cos[r])))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    # ------------------------------------------------------------------ updates
    def assign(self, doc: Doc, embedding: np.ndarray | Sequence[float] | None = None) -> StoryUpdate:
        """Decide join-or-new for ``doc`` and return the full updated story."""
        aid = doc.article.id
        marked = self.store.get("a:" + aid)
        seen = marked or self._member.get(aid)
        if seen is not None:
            state = self.store.get("s:" + seen)
            if state is not None:  # the member map only names stories that list the article
                if marked is None:
                    # a replay after a cut between the story's write and this marker's: the
                    # story already holds the article; publish it again as it was
                    self.store["a:" + aid] = seen
                return StoryUpdate(seen, False, Story.model_validate(state["story"]), changed=marked is None, reason="seen")
        if embedding is not None:
            vec = np.asarray(embedding, dtype=np.float32).reshape(-1)
            vec = vec / max(1e-12, float(np.linalg.norm(vec)))
        else:
            vec = embed(doc, self.lead_chars)
        sig = doc_signature(doc, vec, with_words=False)  # stories keep no word set
        pub = doc.article.published_at

        if doc.copy_of and sig.article:
            original = self.store.get("a:" + doc.copy_of)
            if original is not None and ("s:" + original) in self.store:
                return self._join(original, doc, sig, is_copy=True, reason="copy", score=None)

        cands = self.candidates(sig)
        if cands and cands[0][0] >= self.threshold:
            return self._join(cands[0][1], doc, sig, is_copy=False, reason="similar", score=cands[0][0])

        story_id = stable_id("st-", aid)
        late = self._low_water is not None and pub < self._low_water
        state = self._new_state(story_id, doc, sig)
        if late:
            state["story"]["closed"] = True
            return StoryUpdate(story_id, True, Story.model_validate(state["story"]), reason="late",
                               score=cands[0][0] if cands else None)
        self.store["s:" + story_id] = state
        self.store["a:" + aid] = story_id
        self._index(story_id, state)
        return StoryUpdate(story_id, True, Story.model_validate(state["story"]), reason="new" if sig.article else "not_article",
                           score=cands[0][0] if cands else None)

    def _source(self, doc: Doc) -> dict[str, Any]:
        a = doc.article
        return {"article_id": a.id, "outlet": a.outlet, "url": a.url, "language": doc.language,
                "title": a.title or doc.text[: doc.body_start].strip(), "published_at": iso(a.published_at),
                "copy_of": doc.copy_of}

    def _new_state(self, story_id: str, doc: Doc, sig: Signature) -> dict[str, Any]:
        pub = iso(doc.article.published_at)
        ents = top_weights(dict(sig.entities), self.max_entities)
        ctry = dict(sig.countries)
        nums = {n: 1 for n in sorted(sig.numbers)[: self.max_numbers]}
        plc = {p: 1 for p in sorted(sig.places)[: self.max_entities]}
        src = self._source(doc)
        story = {
            "story_id": story_id, "version": 1, "title": src["title"], "languages": [doc.language],
            "sources": [src], "outlets": [doc.article.outlet],
            "entity_ids": [k for k, _ in sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))][: self.story_entities],
            "countries": [k for k, _ in sorted(ctry.items(), key=lambda kv: (-kv[1], kv[0]))],
            "event_ids": [], "first_seen": pub, "last_seen": pub, "closed": False,
            "updated_at": iso(self.clock()),
        }
        state = {"story": story, "vec": encode_vec(sig.vec), "n": 1, "ents": ents, "ctry": ctry, "nums": nums,
                 "plc": plc}
        if not sig.article:
            state["article"] = False
        return state

    def _join(self, story_id: str, doc: Doc, sig: Signature, *, is_copy: bool, reason: str,
              score: float | None) -> StoryUpdate:
        state = dict(self.store["s:" + story_id])
        story = dict(state["story"])
        src = self._source(doc)
        story["sources"] = [*story["sources"], src]
        if not is_copy:
            vec = decode_vec(state["vec"]) + sig.vec.astype(np.float32)
            state["vec"] = encode_vec(vec)
            state["n"] = int(state["n"]) + 1
            ents = dict(state["ents"])
            for k, w in sig.entities.items():
                ents[k] = ents.get(k, 0.0) + w
            state["ents"] = top_weights(ents, self.max_entities)
            ctry = dict(state["ctry"])
            for k, w in sig.countries.items():
                ctry[k] = ctry.get(k, 0.0) + w
            state["ctry"] = ctry
            nums = dict(state["nums"])
            for k in sig.numbers:
                nums[k] = nums.get(k, 0) + 1
            state["nums"] = top_weights(nums, self.max_numbers)
            plc = dict(state.get("plc", {}))
            for k in sig.places:
                plc[k] = plc.get(k, 0) + 1
            state["plc"] = top_weights(plc, self.max_entities)
        if doc.language not in story["languages"]:
            story["languages"] = sorted({*story["languages"], doc.language})
        if doc.article.outlet not in story["outlets"]:
            story["outlets"] = sorted({*story["outlets"], doc.article.outlet})
        story["entity_ids"] = [k for k, _ in sorted(state["ents"].items(), key=lambda kv: (-kv[1], kv[0]))][
            : self.story_entities]
        story["countries"] = [k for k, _ in sorted(state["ctry"].items(), key=lambda kv: (-kv[1], kv[0]))]
        pub = doc.article.published_at
        if pub < parse_dt(story["first_seen"]):
            story["first_seen"] = iso(pub)
        if pub > parse_dt(story["last_seen"]):
            story["last_seen"] = iso(pub)
        story["version"] = int(story["version"]) + 1
        story["updated_at"] = iso(self.clock())
        state["story"] = story
        self.store["s:" + story_id] = state
        self.store["a:" + doc.article.id] = story_id
        self._index(story_id, state)
        self._member[doc.article.id] = story_id
        return StoryUpdate(story_id, False, Story.model_validate(story), reason=reason, score=score)

    def attach_events(self, story_id: str, event_ids: Sequence[str], bump: bool = False) -> Story | None:
        """Add canonical event ids to a story; ``bump`` for a separate update (else same version)."""
        state = self.store.get("s:" + story_id)
        if state is None:
            return None
        story = dict(state["story"])
        merged = sorted({*story["event_ids"], *event_ids})
        if merged != story["event_ids"]:
            story["event_ids"] = merged
            if bump:
                story["version"] = int(story["version"]) + 1
                story["updated_at"] = iso(self.clock())
            state = {**state, "story": story}
            self.store["s:" + story_id] = state
        return Story.model_validate(story)

    def evict(self, now_published: datetime) -> list[Story]:
        """Close and forget stories whose last article is older than ``now_published - window``.

        Returns the closed stories (``closed=True``, version bumped) for a final publish. Also
        advances the low-water mark: later articles older than it are late.
        """
        cutoff = now_published - self.window
        if self._low_water is None or cutoff > self._low_water:
            self._low_water = cutoff
            self.store["w"] = iso(cutoff)
        closed: list[Story] = []
        while self._heap and self._heap[0][0] < cutoff.timestamp():
            ts, sid = heapq.heappop(self._heap)
            sig = self._sig.get(sid)
            if sig is None or sig.end.timestamp() != ts:
                continue  # stale heap entry: the story was updated or already closed
            state = self.store.get("s:" + sid)
            self._unindex(sid)
            if state is None:
                continue
            story = dict(state["story"])
            story["closed"] = True
            story["version"] = int(story["version"]) + 1
            story["updated_at"] = iso(self.clock())
            for src in story["sources"]:
                self.store.pop("a:" + src["article_id"], None)
                self._member.pop(src["article_id"], None)
            del self.store["s:" + sid]
            closed.append(Story.model_validate(story))
        closed.sort(key=lambda s: s.story_id)
        return closed
