"""The lead and body views of a document's embedding."""

from __future__ import annotations

import numpy as np

from marsad.streams.pipeline.stories.embed import (
    BODY_CHARS,
    BODY_SCRATCH_KEY,
    LEAD_CHARS,
    doc_segments,
    embed_batch,
    embed_body_batch,
)
from tests.streams.pipeline.stories.conftest import make_doc, unit


def _long_doc(aid: str = "a"):
    body = " ".join(f"Sentence number {i} of the report adds one more detail." for i in range(80))
    return make_doc(aid, "Storm hits coast", body)


def test_body_view_reads_further_than_the_lead_but_stays_capped():
    doc = _long_doc()
    (lead,), (body,) = doc_segments(doc), doc_segments(doc, BODY_CHARS)
    assert len(lead) <= LEAD_CHARS < len(body) <= BODY_CHARS
    assert body.startswith(lead) and lead.startswith("Storm hits coast. ")


def test_precomputed_body_view_is_reused_without_the_encoder():
    vec = 3.0 * unit(7)
    doc = _long_doc().evolve(scratch={BODY_SCRATCH_KEY: vec})
    out = embed_body_batch([doc])
    assert np.allclose(out[0], unit(7), atol=1e-6)


def test_body_and_lead_views_differ_on_a_long_article(encoder):
    doc = _long_doc()
    lead, body = embed_batch([doc])[0], embed_body_batch([doc])[0]
    assert np.isclose(np.linalg.norm(body), 1.0, atol=1e-5)
    assert 0.3 < float(lead @ body) < 0.9999
