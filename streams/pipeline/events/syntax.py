"""How deep an English event trigger sits in its sentence's dependency tree.

A wire sentence reports one event in its main clause and mentions others inside it: "Hungary
said it will support a resolution that aims to tighten sanctions" reports support (AGREE), not
sanctions; "Thousands demonstrated in Kirkuk calling for independence" reports a protest, not a
request. The trigger nearest the root of spaCy's parse (``en_core_web_sm``, the model the entity
stage already ships) is the sentence's event; each level further down costs the others
``DEPTH_PENALTY`` of confidence. They are still published: an embedded event may be real, it is
only less surely what the sentence reports.

Measured on the PLOVER GSR dev records (``marsad eval events --format plover-gsr``): type
accuracy of the most confident event 0.793 without the penalty, 0.883 at 0.1 per level and
0.888 from 0.2 on (the same from 0.2 to 3: a plateau, not a tuned value). The parse runs only
for sentences with candidates of two or more types, all of a document's in one batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

#: Confidence an event loses per dependency level below the sentence's shallowest trigger.
DEPTH_PENALTY = 0.2
#: Sentences per parser batch (spaCy's ``pipe`` halves the cost per sentence against one call each).
BATCH_SIZE = 32
_EXCLUDE = ["tagger", "morphologizer", "senter", "attribute_ruler", "lemmatizer", "ner"]


@lru_cache(maxsize=1)
def _parser():
    """The entity stage's English model with only its tokeniser, tok2vec and parser."""
    import spacy

    from marsad.streams.pipeline.entities.ner.spacy_tagger import MODELS

    return spacy.load(MODELS["en"], exclude=_EXCLUDE)


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def trigger_depths(texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[int]]:
    """Per text (one sentence each, parsed in one batch), the dependency depth (root = 0) of
    each trigger: its shallowest token among those overlapping ``(start, end)``, character
    offsets into the text. A span no token overlaps (a caller's offsets off) ranks last."""
    out = []
    for doc, doc_spans in zip(_parser().pipe(texts, batch_size=BATCH_SIZE), spans, strict=True):
        depths = []
        for start, end in doc_spans:
            hit = [_depth(t) for t in doc if t.idx < end and t.idx + len(t.text) > start]
            depths.append(min(hit) if hit else len(doc))
        out.append(depths)
    return out
