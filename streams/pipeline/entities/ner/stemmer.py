"""The Snowball Arabic stemmer (a CRF feature), run by PyStemmer's C library.

Why PyStemmer: ``snowballstemmer`` alone runs the generated Snowball program in pure Python,
about 0.035 ms a word even with its string tables made into dicts, and a long-running worker
still stems about 25 unseen words per 3 KB article. PyStemmer runs the same Snowball program
compiled (~4 us a word). The stems are the same: a run over the 148,668 distinct folded words
and clitic-stripped stems of 6,000 SaudiNewsNet articles found no difference, and
``tests/streams/pipeline/entities/ner/test_ner_stemmer.py`` compares them on the seed
article's words. The shipped model was trained with the pure-Python stems.
"""

from __future__ import annotations

import Stemmer

#: Bound of the per-process stem cache (distinct article-less words).
MAX_CACHED = 100_000

_STEMMER = Stemmer.Stemmer("arabic")
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """Snowball Arabic stem of ``word``, cached per process in a plain ``str -> str`` dict
    (one object for the cycle collector, however many entries)."""
    hit = _STEMS.get(word)
    if hit is None:
        hit = _STEMMER.stemWord(word)
        if len(_STEMS) < MAX_CACHED:
            _STEMS[word] = hit
    return hit
