"""The document that flows through the stages.

A :class:`Doc` is immutable: a stage returns a new one with ``doc.evolve(field=...)``. All
offsets index ``Doc.text`` (title, blank line, body, HTML removed, otherwise untouched).
``Doc.folded`` is a second view for matching (NFKC, no tatweel or diacritics, unified alef,
Western digits) with a map back to ``Doc.text`` offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from marsad.schemas import EnrichedArticle, Entity, EventMention, RawArticle, Span


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded text plus ``origin[i]``: the offset in the original text of folded char ``i``.

    ``origin`` has one extra entry (the original length) so that an end offset maps too.
    """

    text: str
    origin: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span ``[start, end)`` to the original text."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Doc:
    article: RawArticle
    text: str
    body_start: int
    folded: FoldedText
    language: str = "und"
    language_confidence: float = 0.0
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[EventMention, ...] = ()
    content_hash: str = ""
    copy_of: str | None = None
    copy_similarity: float | None = None
    story_id: str | None = None
    stages: tuple[str, ...] = ()
    #: Per-stage working data that is not published (e.g. a token list a later stage reuses).
    scratch: dict[str, Any] = field(default_factory=dict, compare=False)

    def evolve(self, **changes: Any) -> Doc:
        return replace(self, **changes)

    def to_enriched(self, processed_at: datetime) -> EnrichedArticle:
        a = self.article
        return EnrichedArticle(
            id=a.id,
            url=a.url,
            outlet=a.outlet,
            title=a.title,
            published_at=a.published_at,
            fetched_at=a.fetched_at,
            metadata=a.metadata,
            text=self.text,
            body_start=self.body_start,
            language=self.language,
            language_confidence=self.language_confidence,
            language_hint=a.language,
            sentences=list(self.sentences),
            content_hash=self.content_hash,
            copy_of=self.copy_of,
            copy_similarity=self.copy_similarity,
            story_id=self.story_id,
            entities=list(self.entities),
            events=list(self.events),
            stages=list(self.stages),
            processed_at=processed_at,
        )
