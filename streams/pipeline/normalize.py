"""Text normalisation: strip HTML, then build the folded matching view with an offset map.

The published text keeps the outlet's characters (diacritics, tatweel, Eastern digits) so every
offset a consumer receives points into what the outlet wrote. Matching works on the folded
view: NFKC, no tatweel/diacritics/invisible marks, one alef, ya for alef maqsura, ha for ta
marbuta, hamza carriers folded, Western digits, lower case. ``FoldedText.origin`` maps back.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape as html_unescape

from selectolax.lexbor import LexborHTMLParser

from marsad.streams.errors import RejectedInput
from marsad.streams.pipeline.doc import Doc, FoldedText

_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,500}>")
_BLOCK_TAGS = "p,br,div,li,tr,h1,h2,h3,h4,h5,h6,blockquote,section,article,header,footer,table"
_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg"]
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

#: Removed from the folded view: tatweel, Arabic diacritics and Quranic marks, invisible
#: formatting (zero-width, bidi controls, BOM, soft hyphen).
_DELETE = {0x0640, 0x0670, 0x00AD, 0xFEFF, *range(0x064B, 0x0660), *range(0x06D6, 0x06EE),
           *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_REPLACE = {
    **{ord(c): "ا" for c in "أإآٱ"},
    ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي",
    **{0x0660 + d: str(d) for d in range(10)},  # Arabic-Indic digits
    **{0x06F0 + d: str(d) for d in range(10)},  # Persian digits
    ord("،"): ",", ord("؛"): ";", ord("؟"): "?",
}
_FOLD_TABLE = {**_REPLACE, **{cp: None for cp in _DELETE}}


def looks_like_html(text: str) -> bool:
    return _TAG.search(text) is not None


_MAX_PARSED_TAGS = 2000
_SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|template)\b[^<>]{0,500}>[^<]*+(?:<(?!/\1)[^<]*+)*+</\1\s*>", re.I)
_BLOCK_TAG = re.compile(r"<(?:/(?:p|div|li|tr|h[1-6]|blockquote|section|article|header|footer|table)\b|br\b)[^<>]{0,500}>", re.I)


def strip_html(html: str) -> str:
    """Visible text of an HTML fragment, one line per block element, scripts dropped.

    Real pages go through an HTML5 parser. A fragment with thousands of tags (hostile or broken
    input) goes through linear regular expressions instead: the parser is quadratic on deeply
    nested unclosed elements.
    """
    if html.count("<") > _MAX_PARSED_TAGS:
        return _tidy(html_unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", _SCRIPT_BLOCK.sub("", html)))))
    tree = LexborHTMLParser(html)
    tree.strip_tags(_DROP_TAGS)
    for node in tree.css(_BLOCK_TAGS):
        node.insert_after("\n")
    root = tree.body or tree.root
    return _tidy(root.text(deep=True, separator="") if root is not None else "")


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


_DELETED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_DELETE)) + "]")


def _plain_chars() -> str:
    """A regex class of characters that NFKC leaves alone one by one and that ``lower()`` maps
    to one character: runs of them fold in bulk. Checked over the blocks news text lives in
    (Latin, Greek, Cyrillic, Hebrew, Arabic, general punctuation); any other character is
    folded one by one."""
    cps = [cp for block in (range(0x0000, 0x0800), range(0x2000, 0x2070))
           for cp in block if unicodedata.normalize("NFKC", chr(cp)) == chr(cp) and len(chr(cp).lower()) == 1
           and cp != 0x03A3]  # capital sigma lowers by context (final ς): one by one
    cps.extend(cp for cp in _DELETE if unicodedata.normalize("NFKC", chr(cp)) == chr(cp) and cp not in cps)
    return "".join(re.escape(chr(cp)) for cp in sorted(cps))


_PLAIN_RUN = re.compile("[" + _plain_chars() + "]+")


def fold(text: str) -> FoldedText:
    """Folded matching view of ``text`` with the map back to its offsets (1:1 except NFKC)."""
    if not unicodedata.is_normalized("NFKC", text):
        return _fold_with_nfkc(text)
    folded = text.translate(_FOLD_TABLE).lower()
    origin = _kept_offsets(text, 0)
    if len(folded) != len(origin):  # lower() changed a length (e.g. 'İ'): fall back to per char
        return _fold_with_nfkc(text)
    origin.append(len(text))
    return FoldedText(folded, tuple(origin))


def _kept_offsets(text: str, base: int) -> list[int]:
    """Offsets (plus ``base``) of the characters of ``text`` the fold keeps, in C-speed pieces."""
    kept: list[int] = []
    previous = 0
    for match in _DELETED.finditer(text):
        kept.extend(range(base + previous, base + match.start()))
        previous = match.end()
    kept.extend(range(base + previous, base + len(text)))
    return kept


def _fold_with_nfkc(text: str) -> FoldedText:
    """Each character NFKC-normalised on its own (so offsets map back one by one); runs of
    characters NFKC leaves alone go in bulk."""
    out: list[str] = []
    origin: list[int] = []
    position = 0
    for run in (*_PLAIN_RUN.finditer(text), None):
        stop = run.start() if run is not None else len(text)
        for i in range(position, stop):
            for piece in unicodedata.normalize("NFKC", text[i]).translate(_FOLD_TABLE).lower():
                out.append(piece)
                origin.append(i)
        if run is None:
            break
        out.append(run.group().translate(_FOLD_TABLE).lower())
        origin.extend(_kept_offsets(run.group(), run.start()))
        position = run.end()
    origin.append(len(text))
    return FoldedText("".join(out), tuple(origin))


def compose_text(title: str, body: str) -> tuple[str, int]:
    """The analysed text (title, blank line, body) and the offset where the body starts."""
    title = title.strip()
    if looks_like_html(title):
        title = strip_html(title)
    if looks_like_html(body):
        body = strip_html(body)
    else:
        body = body.strip("\n\r\t ")
    if not title:
        return body, 0
    return f"{title}\n\n{body}", len(title) + 2


class Normalize:
    """First stage: builds ``Doc.text`` and ``Doc.folded`` from the raw article."""

    name = "normalize.v1"

    def __call__(self, doc: Doc) -> Doc:
        text, body_start = compose_text(doc.article.title, doc.article.body)
        if not text[body_start:].strip():
            raise RejectedInput("empty_body", "the body has no visible text once HTML is removed", self.name)
        return doc.evolve(text=text, body_start=body_start, folded=fold(text),
                          stages=doc.stages + (self.name,))
