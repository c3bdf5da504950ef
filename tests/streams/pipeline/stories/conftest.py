from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from marsad.schemas import Entity, RawArticle
from marsad.schemas.entity import Place
from marsad.streams.pipeline.normalize import Normalize

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def encoder():
    """The USE model, loaded once per test session."""
    from marsad.streams.pipeline.stories.embed import get_encoder

    return get_encoder()


def place(country: str, lat: float = 31.5, lon: float = 34.45, gid: int | None = None, kind: str = "city",
          precision: str = "exact") -> Place:
    return Place(lat=lat, lon=lon, country=country, feature_kind=kind, precision=precision, geonames_id=gid)


def entity(text: str, cid: str, kind: str = "location", where: Place | None = None, start: int = 0) -> Entity:
    return Entity(type=kind, start=start, end=start + len(text), surface=text, normalized=text.lower(),
                  canonical_id=cid, confidence=0.9, place=where)


def make_doc(aid: str, title: str, body: str, lang: str = "en", hours: float = 0.0, outlet: str = "outlet-a",
             entities=(), events=(), embedding=None, copy_of: str | None = None):
    raw = RawArticle(id=aid, outlet=outlet, url=f"https://example.org/{aid}", title=title, body=body,
                     published_at=T0 + timedelta(hours=hours), language=lang)
    from marsad.streams.pipeline.doc import Doc, FoldedText

    doc = Normalize()(Doc(article=raw, text="", body_start=0, folded=FoldedText("", (0,))))
    scratch = {}
    if embedding is not None:
        scratch["embedding"] = np.asarray(embedding, dtype=np.float32)
    return doc.evolve(language=lang, entities=tuple(entities), events=tuple(events), copy_of=copy_of,
                      scratch=scratch)


def unit(seed: int, dim: int = 512, base=None, noise: float = 1.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.standard_normal(dim).astype(np.float32)
    if base is not None:
        v = base + noise * v / np.linalg.norm(v)
    return v / np.linalg.norm(v)
