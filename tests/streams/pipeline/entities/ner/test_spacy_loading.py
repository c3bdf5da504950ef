"""Models loaded by ``load_model`` multiply on numpy's BLAS and give the same entities and parses
as a model loaded the default way (thinc's BLIS)."""

import pytest

spacy = pytest.importorskip("spacy")

from marsad.streams.pipeline.entities.ner.spacy_tagger import MODELS, load_model  # noqa: E402

TEXTS = [
    "Pakistan, a key U.S. ally in the war against terrorism, has refused to hand over the suspects.",
    "Vietnamese-led forces launched rocket fire on Tuesday, killing or wounding 50 Khmer Rouge guerrillas near the Thai border.",
    "The Syrian Democratic Forces said on Saturday that more than 20,000 civilians had been evacuated from Baghuz.",
]
PARSER_ONLY = ["tagger", "morphologizer", "senter", "attribute_ruler", "lemmatizer", "ner"]


def _analyses(nlp):
    return [([(t.dep_, t.head.i) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents])
            for doc in nlp.pipe(TEXTS)]


def test_dense_layers_skip_blis_and_results_are_unchanged():
    try:
        default = spacy.load(MODELS["en"], exclude=PARSER_ONLY[:-1])
    except OSError:
        pytest.skip("spaCy English model not installed")
    fast = load_model("en", PARSER_ONLY[:-1])
    maxouts = [layer for _, pipe in fast.pipeline for layer in pipe.model.walk() if layer.name == "maxout"]
    assert maxouts and all(layer.ops.use_blis is False for layer in maxouts)  # the embeddings' dense layers
    assert default.get_pipe("tok2vec").model.ops.use_blis is True
    assert _analyses(fast) == _analyses(default)
    assert any(label == "GPE" for _, ents in _analyses(fast) for *_, label in ents)  # the NER ran
