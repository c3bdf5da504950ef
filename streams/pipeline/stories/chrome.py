"""Site chrome in scraped article text: what a scraper took from the page around the article.

Feeds built by scraping carry cookie and login walls, "too many requests from your IP" pages,
donation appeals, like boxes and publisher disclaimers, sometimes instead of the article. Left
in, they decide a story match: two articles of one site share their chrome (high similarity,
shared "entities"), and an article whose scrape failed looks unrelated to every report of its
story. On the SemEval-2022 Task 8 pairs, six of the 56 Arabic pairs hold a site's donation page
in place of an article; annotators, who read the real pages, graded most of them "same story".

Chrome is recognised by phrases (``resources/stories/chrome.tsv``, per language and kind),
matched on whole words after folding. :func:`readable` drops the sentences that hold one (and
the footer lines after a disclaimer or rights line) and
says whether what is left is an article at all: not when the title is chrome, the first sentence
is a wall (``WALL_KINDS``: blocked access, login, donation appeal) or chrome makes up more than
``MAX_CHROME_SHARE`` of the text. Story matching reads only the readable part, and a
page that is not an article is matched to nothing (its similarity is unknown, not low), except
that graded similarity still compares a page whose real title sits over a chrome body by its
title (``Readable.title_only``: a syndicator's disclaimer in place of the text).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.streams.pipeline.entities.ner.text import fold

if TYPE_CHECKING:
    from marsad.streams.pipeline.doc import Doc

CHROME_PATH = Path(__file__).resolve().parents[2] / "resources" / "stories" / "chrome.tsv"
#: Share of the text (characters) in chrome sentences above which the page is not an article.
MAX_CHROME_SHARE = 0.5
#: Longest sentence dropped whole when it holds a chrome phrase; see :func:`_sentence_chrome`.
SHORT_SENTENCE_CHARS = 300
#: Characters after a chrome phrase dropped with it inside a longer sentence.
CHROME_TAIL_CHARS = 200
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def normalise(text: str) -> str:
    """Matching form: folded, lower case, words joined by single spaces."""
    return " ".join(_WORD.findall(fold(text)))


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`normalise` of ``text`` and, per character of it, the offset in ``text`` it came from."""
    folded, origin = [], []
    for i, char in enumerate(text):
        for f in fold(char):
            folded.append(f)
            origin.append(i)
    out, where = [], []
    for m in _WORD.finditer("".join(folded)):
        if out:
            out.append(" ")
            where.append(origin[m.start()])
        out.append(m.group())
        where.extend(origin[m.start():m.end()])
    return "".join(out), where


def load_phrases(path: Path = CHROME_PATH) -> list[dict[str, str]]:
    """Rows of the chrome lexicon (``language``, ``kind``, ``phrase``); ``#`` lines are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for row in rows:
        if not normalise(row["phrase"]):
            raise ValueError(f"{path}: empty chrome phrase in row {row}: give words to match")
    return rows


#: Kinds of chrome that stand in place of the article (a wall), not beside it: a page whose
#: title or first sentence is one of these is not an article. A cookie banner or a "read more"
#: line often tops a real article and is only dropped.
WALL_KINDS = frozenset({"blocked", "login", "donate"})
#: Kinds that open a page's footer: the sentences after a disclaimer or a rights line, up to
#: ``FOOTER_CHARS``, are its other lines ("For any inquiries please contact ...") and dropped too.
FOOTER_KINDS = frozenset({"disclaimer", "rights"})
FOOTER_CHARS = 400


@lru_cache(maxsize=1)
def _matcher():
    """Aho-Corasick automaton of the phrases (one pass over a text whatever their number), each
    stored between spaces so that it matches whole words only, Chinese and Japanese ones bare;
    a key's value is its length and the kinds of the rows that give it."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for row in load_phrases():
        phrase = normalise(row["phrase"])
        key = phrase if _CJK.search(phrase) else f" {phrase} "
        kinds = auto.get(key, (len(key), frozenset()))[1]
        auto.add_word(key, (len(key), kinds | {row["kind"]}))
    auto.make_automaton()
    return auto


def _hits(norm: str) -> list[tuple[int, int, frozenset[str]]]:
    """``(start, end, kinds)`` of the phrases found in a normalised text, in its own offsets."""
    padded = f" {norm} "
    out = []
    for last, (length, kinds) in _matcher().iter(padded):
        start, end = last + 1 - length, last + 1
        if padded[start] == " ":  # a whole-word key: its padding spaces are not part of the text
            start, end = start + 1, end - 1
        out.append((start - 1, end - 1, kinds))
    return sorted(out, key=lambda hit: hit[:2])


def _kinds(hits: list[tuple[int, int, frozenset[str]]]) -> frozenset[str]:
    return frozenset().union(*(kinds for _, _, kinds in hits))


def is_chrome(text: str, kinds: frozenset[str] | None = None) -> bool:
    """Whether ``text`` (a sentence or a title) holds a chrome phrase (of one of ``kinds``)."""
    found = _kinds(_hits(normalise(text))) if text else frozenset()
    return bool(found if kinds is None else found & kinds)


def _sentence_chrome(text: str, start: int = 0) -> tuple[list[tuple[int, int]], frozenset[str]]:
    """Character spans of chrome in one sentence ``text`` that begins at offset ``start``, and
    the kinds found: the whole sentence when it is short (a cookie line, "Read more: ..."), else
    from each phrase to at most ``CHROME_TAIL_CHARS`` after it (a run-on text the splitter could
    not cut, where the phrase is glued to the article: "...Truck Bitte registrieren!Sie haben ...")."""
    kinds = _kinds(_hits(normalise(text)))
    if not kinds:
        return [], kinds
    if len(text) <= SHORT_SENTENCE_CHARS:
        return [(start, start + len(text))], kinds
    norm, where = _normalise_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for hit_start, hit_end, _ in _hits(norm):
        begin = start + where[hit_start]
        end = min(start + len(text), start + where[hit_end - 1] + 1 + CHROME_TAIL_CHARS)
        if spans and begin <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((begin, end))
    return spans, kinds


@dataclass(frozen=True)
class Readable:
    """The article part of a document: title and body without chrome sentences."""

    title: str
    body: str
    is_article: bool
    chrome: tuple[tuple[int, int], ...] = ()  # character spans of the dropped sentences
    #: Not an article, but its real title still names its story: the body is chrome (a
    #: syndicator's disclaimer in place of the text, a subscription page under the headline),
    #: not a wall, and the title is not chrome
    title_only: bool = False

    def in_chrome(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.chrome)


def readable(doc: Doc) -> Readable:
    """Title and body of ``doc`` with chrome sentences dropped (see the module doc). The stateless
    step (copy fingerprint, embedding) and the story step each ask for it: computed once per text."""
    return _readable(doc.text, doc.body_start, tuple((s.start, s.end) for s in doc.sentences))


@lru_cache(maxsize=64)
def _readable(text: str, body_start: int, sentences: tuple[tuple[int, int], ...]) -> Readable:
    title = text[:body_start].strip() if body_start else ""
    title_chrome = is_chrome(title)
    chrome: list[tuple[int, int]] = [(0, body_start)] if title_chrome else []
    kept: list[str] = []
    body_chars = chrome_chars = footer_left = 0
    wall = title_chrome
    for begin, end in sentences or ((body_start, len(text)),):
        begin = max(begin, body_start)
        if end <= begin:
            continue
        first = not body_chars
        body_chars += end - begin
        if footer_left > 0:
            chrome.append((begin, end))
            chrome_chars += end - begin
            footer_left -= end - begin
            continue
        spans, kinds = _sentence_chrome(text[begin:end], begin)
        if first and end - begin <= SHORT_SENTENCE_CHARS:  # a short first sentence
            wall = wall or bool(kinds & WALL_KINDS)
        if kinds & FOOTER_KINDS:
            footer_left = FOOTER_CHARS
        at = begin
        for c_start, c_end in spans:
            kept.append(text[at:c_start])
            chrome.append((c_start, c_end))
            chrome_chars += c_end - c_start
            at = c_end
        kept.append(text[at:end])
    article = not wall and chrome_chars <= MAX_CHROME_SHARE * max(1, body_chars)
    return Readable(title="" if title_chrome else title, body=" ".join(k.strip() for k in kept if k.strip()),
                    is_article=article, chrome=tuple(chrome), title_only=not (article or wall) and bool(title))
