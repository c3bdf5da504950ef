"""Named-entity taggers: a trained Arabic CRF and spaCy's English/French models.

One API for every language so the entity stage does not care which model runs::

    tagger = load_tagger("ar")      # None for languages without a model
    spans = tagger.tag(text)        # list[NerSpan], char offsets into text
    tags = tagger.tag_tokens(toks)  # IOB2 per token (used by the evaluator)

Taggers are loaded once per process (``functools.lru_cache``).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .span import NerLabel, NerSpan

__all__ = ["NerLabel", "NerSpan", "Tagger", "load_tagger"]

log = logging.getLogger(__name__)


class Tagger(Protocol):
    language: str

    def tag(self, text: str) -> list[NerSpan]: ...

    def tag_tokens(self, tokens: list[str]) -> list[str]: ...


@lru_cache(maxsize=8)
def load_tagger(language: str, model_path: str | None = None) -> Tagger | None:
    """The tagger for ``language`` ("ar", "en", "fr"), or ``None`` when there is none.

    ``model_path`` overrides the shipped Arabic model (used by training/evaluation).
    """
    lang = (language or "").lower().split("-")[0]
    if lang == "ar":
        from .arabic import MODEL_NAME, ArabicCrfTagger
        from .gazetteer import RESOURCES

        path = Path(model_path) if model_path else RESOURCES / MODEL_NAME
        if not path.exists():
            log.warning("Arabic NER model missing at %s; run the ner training command", path)
            return None
        return ArabicCrfTagger(path)
    if lang in ("en", "fr"):
        from .spacy_tagger import SpacyTagger

        try:
            return SpacyTagger(lang)
        except OSError:
            log.warning("spaCy model for %s is not installed", lang)
            return None
    return None
