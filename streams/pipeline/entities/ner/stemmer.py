"""The Snowball Arabic stemmer (a CRF feature), with its string-table lookups made cheap.

Why: ``snowballstemmer`` without its C accelerator (PyStemmer) runs the generated Snowball
program in pure Python, and most of that time is ``find_among``: a character-by-character
binary search of the program's suffix/prefix tables, called for every letter of the word.
New words keep arriving in news, so a long-running worker still stems about a dozen unseen
words per 3 KB article, at about 0.1 ms each (about 0.035 ms each here).

:class:`_DictAmongArabicStemmer` runs the same generated program (every rule, in the same
order) and only answers ``find_among`` / ``find_among_b`` from a dict per table: the longest
table string at the cursor wins and, when a string's routine fails, the next shorter one is
tried - which is exactly the table's ``substring_i`` chain, since every shorter string that
matches at the cursor is a prefix (suffix, backwards) of the longer one. The stems are the
library's stems (``tests/streams/pipeline/entities/ner/test_ner_speed_paths.py`` compares
them; so did a run over the 136,539 distinct words of 3,000 SaudiNewsNet articles and NER
corpora).
When PyStemmer is installed ``snowballstemmer`` uses it and this class is not needed.
"""

from __future__ import annotations

import snowballstemmer
from snowballstemmer.among import Among

try:
    from snowballstemmer.arabic_stemmer import ArabicStemmer
except ImportError:  # pragma: no cover - a snowballstemmer without the pure-Python stemmers
    ArabicStemmer = None  # type: ignore[assignment,misc]

#: Bound of the per-process stem cache (distinct article-less words).
MAX_CACHED = 100_000

#: table (by identity) -> (string lengths, longest first; string -> Among), for every table of
#: the stemmer class (class attributes, never changed: they live as long as the process)
_INDEXES: dict[int, tuple[tuple[int, ...], dict[str, Among]]] = {}


def _index_tables(cls: type) -> None:
    for value in vars(cls).values():
        if isinstance(value, (list, tuple)) and value and all(isinstance(a, Among) for a in value):
            by_string = {a.s: a for a in value}
            _INDEXES[id(value)] = (tuple(sorted({len(x) for x in by_string}, reverse=True)),
                                   by_string)


if ArabicStemmer is not None:

    class _DictAmongArabicStemmer(ArabicStemmer):  # type: ignore[misc,valid-type]
        def find_among(self, v):  # noqa: ANN001, ANN201 - the library's signature
            index = _INDEXES.get(id(v))
            if index is None:  # not one of the class's tables: the library's search
                return super().find_among(v)
            lengths, by_string = index
            c, limit, current = self.cursor, self.limit, self.current
            for n in lengths:
                if c + n > limit:
                    continue
                w = by_string.get(current[c:c + n])
                if w is None:
                    continue
                self.cursor = c + n
                if w.method is None or w.method(self):
                    self.cursor = c + n
                    return w.result
            return 0

        def find_among_b(self, v):  # noqa: ANN001, ANN201
            index = _INDEXES.get(id(v))
            if index is None:
                return super().find_among_b(v)
            lengths, by_string = index
            c, low, current = self.cursor, self.limit_backward, self.current
            for n in lengths:
                if c - n < low:
                    continue
                w = by_string.get(current[c - n:c])
                if w is None:
                    continue
                self.cursor = c - n
                if w.method is None or w.method(self):
                    self.cursor = c - n
                    return w.result
            return 0

    _index_tables(ArabicStemmer)


def library_stemmer():
    """The stemmer ``snowballstemmer`` itself gives (PyStemmer's when installed)."""
    return snowballstemmer.stemmer("arabic")


def _fast_stemmer():
    lib = library_stemmer()
    if ArabicStemmer is not None and type(lib) is ArabicStemmer:
        return _DictAmongArabicStemmer()
    return lib


_STEMMER = _fast_stemmer()
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
