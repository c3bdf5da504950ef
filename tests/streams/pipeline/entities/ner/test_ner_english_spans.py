"""English spaCy spans are trimmed to the name: no leading article, no trailing possessive."""

import pytest

from marsad.streams.pipeline.entities.ner import load_tagger


@pytest.fixture(scope="module")
def tagger():
    tg = load_tagger("en")
    if tg is None:
        pytest.skip("spaCy English model not installed")
    return tg


def _surfaces(tagger, text):
    return {text[s.start:s.end]: s.label for s in tagger.tag(text)}


def test_possessive_and_article_are_not_part_of_the_name(tagger):
    text = ("The USAF signed a deal to protect the Air Force 's interests , "
            "said Apple Computer 's chief .")
    found = _surfaces(tagger, text)
    assert "Air Force" in found and "Apple Computer" in found
    assert not any(s.startswith(("the ", "The ")) or s.endswith(("'s", "'")) for s in found)


def test_capitalised_the_inside_a_sentence_stays(tagger):
    from spacy.tokens import Doc

    from marsad.streams.pipeline.entities.ner.spacy_tagger import name_bounds

    words = ["He", "flew", "to", "The", "Hague", ".", "The", "Hague", "is", "calm"]
    doc = Doc(tagger.nlp.vocab, words=words)
    mid, start = doc[3:5], doc[6:8]
    assert name_bounds(mid) == (3, 5)  # "The Hague" mid-sentence: part of the name
    assert name_bounds(start) == (7, 8)  # sentence-initial "The" is the article
    assert name_bounds(doc[4:5]) == (4, 5)  # never trimmed to nothing


def test_tag_tokens_uses_the_same_bounds(tagger):
    toks = "protect the Air Force 's interests .".split()
    assert tagger.tag_tokens(toks) == ["O", "O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_a_typographic_apostrophe_is_read_like_the_ascii_one(tagger):
    """'didn’t' holds no place and 'Merkel’s' ends the name, as with "'"; an apostrophe inside a
    name is kept ('O’Malley'); a paragraph break does not end a name."""
    found = _surfaces(tagger, "A spokeswoman for Chancellor Angela Merkel’s office didn’t respond to Cardinal Seán O’Malley.")
    assert "Angela Merkel" in found and not any("’" in s and "O’Malley" not in s for s in found)
    assert not any(s.endswith("\n") for s in _surfaces(tagger, "You can find it on Apple Podcasts and Spotify\n\nToday"))
