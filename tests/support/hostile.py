"""Hypothesis strategies for hostile and malformed input (issue 6).

Shared by ``tests/streams/pipeline/test_hostile_input.py``. Everything here is generated text,
not real news. The strategies aim at what breaks text pipelines: invisible and bidirectional
control characters, mixed scripts, markup, lone surrogates, NUL bytes, extreme lengths, deep
nesting and wrong JSON types.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

def dumps(value) -> bytes:
    """JSON bytes of any generated value (stdlib json: big integers allowed, unlike orjson)."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


#: Bidirectional embedding/override/isolate controls and marks.
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)] + ["\u200e", "\u200f", "\u061c"]
#: Zero-width and other invisible formatting characters.
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
#: Odd white space: NBSP, ideographic space, line/paragraph separators, vertical tab, form feed.
ODD_SPACE = ["\u00a0", "\u3000", "\u2028", "\u2029", "\x0b", "\x0c", "\r", "\t", "\u2003", "\x85"]

ARABIC_WORDS = ["قال", "المتحدث", "إن", "الهجوم", "بدأ", "فجر", "يوم", "الأحد", "في", "مدينة", "حلب", "وأضاف",
                "أن", "القوات", "تقدمت", "نحو", "٢٠", "قتيلا", "مُحَمَّد", "ـــالحكومةـــ", "كانون", "الثاني", "5 يناير",
                "أكثر من ٣ ملايين", "بالمئة", "الأمم المتحدة", "ﻻ", "ﷺ"]
LATIN_WORDS = ["The", "council", "approved", "budget", "on", "Monday", "after", "debate", "Dr.", "J.", "U.S.",
               "3.5", "1,000,000", "killed", "near", "Aleppo", "January 5, 2024", "more than", "Ünïcödé", "İstanbul",
               "ﬁnance", "Ⅻ", "straße", "e.g.", "l'armée", "aujourd'hui", "percent", "%"]
CJK_WORDS = ["北京", "新闻", "東京", "서울", "ニュース", "中华人民共和国", "１２３", "。", "、"]
EMOJI = ["😀", "👩‍👩‍👧‍👦", "🇸🇾", "🏳️‍🌈", "✊🏽", "❤️", "🔥", "\U0001F9D1\u200d\U0001F680"]
HTML = ["<p>", "</p>", "<br>", "<br/>", "<div class='x'>", "</div>", "<script>alert('x')</script>",
        "<script>", "</script>", "<style>p{color:red}</style>", "<img src=x onerror=alert(1)>", "<!-- comment -->",
        "<![CDATA[x]]>", "&amp;", "&lt;script&gt;", "&#x202E;", "&nbsp;", "<a href='javascript:alert(1)'>link</a>",
        "<iframe src=//evil>", "<svg><script>1</script></svg>", "<", ">", "</", "<a", "<<<>>>", "<table><tr><td>"]
PUNCT = [".", "!", "?", "؟", "…", "،", "؛", "\"", "'", "”", "»", ")", "]", "-", "_", "/", "\\", "*", ",", ":", "(", "«"]


def _repeat(piece: st.SearchStrategy[str], max_times: int) -> st.SearchStrategy[str]:
    return st.tuples(piece, st.integers(1, max_times)).map(lambda t: t[0] * t[1])


#: One hostile fragment.
fragment = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.sampled_from(LATIN_WORDS),
    st.sampled_from(CJK_WORDS),
    st.sampled_from(EMOJI),
    st.sampled_from(HTML),
    st.sampled_from(BIDI),
    st.sampled_from(ZERO_WIDTH),
    st.sampled_from(ODD_SPACE),
    st.sampled_from(PUNCT),
    st.just("\x00"),
    st.just("\n"),
    st.just(" "),
    st.text(max_size=12),  # any code point except surrogates (Hypothesis excludes them from text)
    _repeat(st.sampled_from(PUNCT), 5000),  # 5,000 repeated punctuation marks
    _repeat(st.sampled_from(["a", "ب", "1", "北", "😀", "1,", "1.", "a-", "\u0301", "\u064e", "ـ"]), 3000),  # long words
    _repeat(st.sampled_from([" ", "\n", "\t", "\u00a0", "\n \n"]), 2000),  # long white space
)

#: Hostile free text: a concatenation of fragments.
hostile_text = st.lists(fragment, max_size=15).map("".join)

#: Valid articles stay well under the 20,000-byte limit the hostile tests run with.
MAX_BODY, MAX_TITLE = 3500, 300

#: Hostile text with at least one visible character (a body that passes validation).
hostile_body = st.tuples(st.sampled_from(ARABIC_WORDS + LATIN_WORDS + CJK_WORDS + EMOJI), hostile_text,
                         st.booleans()).map(
    lambda t: t[0] + " " + t[1][:MAX_BODY] if t[2] else t[1][:MAX_BODY] + " " + t[0])

_keys = st.one_of(st.sampled_from(["id", "url", "outlet", "title", "body", "published_at", "language",
                                   "metadata", "", "\x00", "\u202e"]), st.text(max_size=8))

#: Any JSON value, nested (leaves are single fragments: cheap to generate).
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | fragment,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=4),
    max_leaves=12,
)

FIELDS = ["id", "url", "outlet", "title", "body", "published_at", "language", "fetched_at", "metadata"]
VALID = {"id": "a1", "outlet": "Outlet", "published_at": "2024-01-01T00:00:00Z", "title": "Budget",
         "body": "The council approved the new budget on Monday after a long debate."}

#: Values of the wrong type, numbers as strings and strings as numbers, out-of-range values.
wrong_value = st.one_of(
    json_values,
    st.sampled_from(["1704067200", "2024-13-45T99:99:99Z", "2024-01-01T00:00:00", "yesterday", "", " ", "\x00",
                     "0", "-1", "1e309", "NaN", "Infinity", "true", "null", "[]", "{}", "x" * 600,
                     "2024-01-01T00:00:00+25:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]),
    st.sampled_from([1704067200, -1, 0, 2 ** 64, -(2 ** 63), 1e308, 3.5, True, False, None, [], {}, [VALID], {"a": None}]),
)


@st.composite
def wrong_typed_articles(draw) -> bytes:
    """An article-shaped object where some fields are missing, extra, or of the wrong type."""
    article = dict(VALID)
    for key in draw(st.lists(st.sampled_from(FIELDS + ["extra", "schema_version", ""]), max_size=5)):
        action = draw(st.sampled_from(["replace", "drop", "replace"]))
        if action == "drop":
            article.pop(key, None)
        else:
            article[key] = draw(wrong_value)
    return dumps(article)


@st.composite
def json_with_lone_surrogates(draw) -> bytes:
    """Valid-looking article JSON with escapes orjson must reject or accept (lone/paired surrogates)."""
    escapes = draw(st.lists(st.sampled_from([r"\ud800", r"\udfff", r"\udc00", r"\ud83d", r"\ud83d\ude00",
                                             r"\ud800\ud800", r"\u0000", r"\u202e", r"\ufeff", r"\uffff",
                                             r"\u", r"\x00", r"\\", "\\"]), min_size=1, max_size=4))
    where = draw(st.sampled_from(["body", "title", "id", "outlet", "key"]))
    article = {k: v for k, v in VALID.items()}
    text = dumps(article).decode()
    inject = "".join(escapes)
    if where == "key":
        return text.replace('"id"', f'"{inject}":1,"id"', 1).encode()
    value = dumps(article[where]).decode()
    pos = draw(st.integers(1, len(value) - 1))
    return text.replace(value, value[:pos] + inject + value[pos:], 1).encode()


@st.composite
def mutated_json(draw) -> bytes:
    """A valid article, then bytes flipped, cut, inserted (invalid UTF-8, NUL, truncation)."""
    raw = bytearray(dumps({**VALID, "body": draw(hostile_body)}))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "nul"]))
        pos = draw(st.integers(0, len(raw)))
        if op == "flip" and pos < len(raw):
            raw[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del raw[pos:]
        elif op == "insert":
            raw[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        else:
            raw[pos:pos] = b"\x00"
    return bytes(raw)


@st.composite
def deep_json(draw) -> bytes:
    """Deeply nested arrays/objects, balanced or not, in the body or at the top level."""
    depth = draw(st.integers(1, 5000))
    kind = draw(st.sampled_from(["array", "object", "mixed_body", "unbalanced"]))
    if kind == "array":
        return b"[" * depth + b"]" * depth
    if kind == "object":
        return b'{"a":' * depth + b"1" + b"}" * depth
    if kind == "mixed_body":
        inner = b"[" * depth + b'"x"' + b"]" * depth
        return b'{"id":"a","outlet":"o","published_at":"2024-01-01T00:00:00Z","body":' + inner + b"}"
    return b"[" * depth + b"{" * draw(st.integers(0, 10))


@st.composite
def huge_payloads(draw, limit: int) -> bytes:
    """Messages around and far over ``limit`` bytes: long bodies, long keys, long arrays."""
    size = draw(st.one_of(st.integers(limit - 200, limit + 200), st.integers(limit, 20 * limit)))
    piece = draw(st.sampled_from(["x", "😀", "ب", " ", ".", "<a", "\u202e", "\\u0000", "1,"]))
    kind = draw(st.sampled_from(["body", "title", "metadata", "array", "raw"]))
    filler = piece * max(1, size // len(piece.encode()))
    if kind == "body":
        return dumps({**VALID, "body": filler})
    if kind == "title":
        return dumps({**VALID, "title": filler})
    if kind == "metadata":
        return dumps({**VALID, "metadata": {"k": [filler[:100]] * max(1, size // 100)}})
    if kind == "array":
        return b"[" + b"1," * (size // 2) + b"1]"
    return filler.encode()


@st.composite
def valid_articles(draw) -> bytes:
    """A valid RawArticle whose text fields are hostile; the language hint makes it acceptable."""
    article = {
        "id": draw(st.text(min_size=1, max_size=40).filter(lambda s: len(s) <= 512)),
        "outlet": draw(st.text(min_size=1, max_size=40)),
        "published_at": draw(st.sampled_from(["2024-01-01T00:00:00Z", "2019-02-09T23:59:59+03:00",
                                              "1970-01-01T00:00:00-12:00", "2099-12-31T12:00:00+14:00"])),
        "language": draw(st.sampled_from(["ar", "en", "fr", "AR", "en-GB"])),
        "title": draw(st.one_of(st.just(""), hostile_text))[:MAX_TITLE],
        "body": draw(hostile_body),
    }
    if draw(st.booleans()):
        article["url"] = draw(st.one_of(st.none(), fragment.map(lambda s: s[:MAX_TITLE])))
    if draw(st.booleans()):
        article["metadata"] = draw(st.dictionaries(st.text(max_size=10), json_values, max_size=3))
    raw = dumps(article)
    if len(raw) > 20_000:  # only metadata can still be large: drop it
        article.pop("metadata", None)
        raw = dumps(article)
    return raw
