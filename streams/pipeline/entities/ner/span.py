"""The tagger output type, shared by all languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NerLabel = Literal["PER", "ORG", "LOC", "MISC"]


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A named-entity span: ``text[start:end]`` with a coarse label and a 0..1 confidence."""

    start: int
    end: int
    label: NerLabel
    score: float
