"""Sentence splitting for Arabic and Latin-script news text, with offsets into ``Doc.text``.

Rule-based on purpose: it must be linear-time on hostile input and identical in every process.
A sentence ends at a line break or at ``. ! ? ؟ …`` followed by white space, unless the period
belongs to a number (3.5), a single capital initial (J. Smith) or a known abbreviation.
"""

from __future__ import annotations

import re

from marsad.schemas import Span
from marsad.streams.pipeline.doc import Doc

# The lookbehind and possessive quantifiers keep this linear: without them a run of n
# punctuation marks not followed by white space costs O(n^2) (every suffix is retried).
#: A stop followed by a space, a line break, or a Chinese/Japanese full stop (no space follows it).
_BOUNDARY = re.compile(r"(?<![.!?؟…])[.!?؟…]++[\"'”»)\]]*+(?=\s)|\n+|[。！？]+[」』”）]*")
_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen col lt sgt st mt jr sr inc ltd co corp vs etc no u.s u.n e.g i.e".split())
_MAX_SENTENCE = 2000


def split_sentences(text: str, start: int = 0) -> list[Span]:
    spans: list[Span] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start):
        end = match.end()
        if match.group()[0] == "." and _is_abbreviation(text, match.start()):
            continue
        _append(spans, text, begin, end)
        begin = end
    _append(spans, text, begin, len(text))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def _append(spans: list[Span], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    while end - begin > _MAX_SENTENCE:  # run-on text without punctuation: cut at a space
        cut = text.rfind(" ", begin, begin + _MAX_SENTENCE)
        cut = cut if cut > begin else begin + _MAX_SENTENCE
        spans.append(Span(start=begin, end=cut, text=text[begin:cut]))
        begin = cut + 1 if text[cut:cut + 1] == " " else cut
    if end > begin:
        spans.append(Span(start=begin, end=end, text=text[begin:end]))


class SplitSentences:
    name = "sentences.v1"

    def __call__(self, doc: Doc) -> Doc:
        return doc.evolve(sentences=tuple(split_sentences(doc.text)), stages=doc.stages + (self.name,))
