"""Shared helpers for the entity-stage tests: one stage per session, Doc construction."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from marsad.schemas import RawArticle
from marsad.streams.pipeline.doc import Doc, FoldedText

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


def make_doc(body: str, title: str = "", language: str = "ar",
             published: datetime = datetime(2019, 2, 9, 12, 0, tzinfo=timezone.utc)) -> Doc:
    article = RawArticle(id="t1", outlet="test", title=title, body=body,
                         published_at=published, language=language)
    text = f"{title}\n\n{body}" if title else body
    body_start = len(title) + 2 if title else 0
    return Doc(article=article, text=text, body_start=body_start,
               folded=FoldedText(text, tuple(range(len(text) + 1))), language=language)


@pytest.fixture(name="make_doc")
def _make_doc_fixture():
    return make_doc


@pytest.fixture(scope="session")
def stage():
    from marsad.streams.pipeline.entities import EntityStage

    return EntityStage.load()


@pytest.fixture(scope="session")
def stage_no_ner():
    from marsad.streams.pipeline.entities import EntityStage
    from marsad.streams.pipeline.entities.geocode import Gazetteer
    from marsad.streams.pipeline.entities.kb import KnowledgeBase

    return EntityStage(KnowledgeBase.load(), Gazetteer.load(), use_ner=False)


@pytest.fixture
def run(stage_no_ner):
    """Entities of a text (KB/gazetteer/rules only: deterministic, NER-independent)."""

    def _run(body: str, language: str = "ar", title: str = ""):
        doc = stage_no_ner(make_doc(body, title=title, language=language))
        return list(doc.entities)

    return _run
