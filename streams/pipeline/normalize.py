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


def fold(text: str) -> FoldedText:
    """Folded matching view of ``text`` with the map back to its offsets (1:1 except NFKC)."""
    if not unicodedata.is_normalized("NFKC", text):
        return _fold_with_nfkc(text)
    kept = [i for i, ch in enumerate(text) if ord(ch) not in _DELETE]
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) != len(kept):  # lower() changed a length (e.g. 'İ'): fall back to per char
        return _fold_with_nfkc(text)
    kept.append(len(text))
    return FoldedText(folded, tuple(kept))


def _fold_with_nfkc(text: str) -> FoldedText:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for piece in unicodedata.normalize("NFKC", ch).translate(_FOLD_TABLE).lower():
            out.append(piece)
            origin.append(i)
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
