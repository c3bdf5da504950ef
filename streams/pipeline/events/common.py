"""Language-neutral pieces of the event extractor: the candidate record the Arabic and English
extractors produce, and sentence context shared between them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .resources import Trigger
from .text import Token


@dataclass
class Candidate:
    type: str
    mode: str | None
    trigger: Trigger
    tok: tuple[int, int]  # trigger token range (sentence-local, end exclusive)
    status: str = "occurred"
    sources: list[tuple[int, int]] = field(default_factory=list)
    targets: list[tuple[int, int]] = field(default_factory=list)
    location: tuple[int, int] | None = None
    attribution: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.5
    pronoun_source: bool = False  # the subject is a pronoun / missing: resolve from discourse
    speaker_subject: bool = False  # that pronoun is the reporting verb's subject: 'أعلن الجيش أنه قصف'
    agentless: bool = False
    passive: bool = False  # English passive: the subject is the victim, the parse names no actor
    light_verb: bool = False  # nominal trigger governed by a support verb (شن هجوما)
    verbal: bool = False  # the trigger is inflected as a verb (prefix/suffix)
    present_tense: bool = False  # ongoing by its present tense alone: in a headline, what occurred ('مسلحون يختطفون عمالا')


@dataclass
class Sentence:
    start: int  # folded offsets of the sentence
    end: int
    tokens: list[Token]
    text: str  # folded sentence text (for regexes), offsets relative to ``start``
    marked_passive: frozenset[int] = frozenset()  # tokens whose original spelling marks a passive perfect ('قُتل')
    headline: bool = False  # in the article's title
