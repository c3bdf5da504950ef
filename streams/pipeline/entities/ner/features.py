"""CRF features for Arabic tokens.

Why this shape: per-token ("intrinsic") features depend only on the token string, so they are
computed once per distinct token and cached; a sentence then only adds its neighbours' cached
lists (with a position prefix) and the gazetteer span matches. That keeps a 3 KB article in
the low milliseconds.

The token cache holds tuples of strings, never lists: CPython's cycle collector stops
tracking such tuples, so a worker's hundreds of thousands of cached entries cost nothing in
its full collections. With lists they did: the stage then ran about 20% faster with the
collector switched off (now it makes no difference). Word pairs are looked up in maps built once from the model's attributes rather than
built as strings and cached: most pairs of live text are new.
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .stemmer import stem as _sb
from .text import fold, shape, strip_article, strip_clitics

_MISS = object()
_NO_PAIRS: dict[str, str | bytes] = {}
_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})
#: Bound of the per-process cache of distinct tokens.
_MAX_TOKENS = 200_000


class FeatureExtractor:
    """Token features: folded word, clitic-stripped stem, article-less form, Snowball stem,
    affixes, shape, gazetteer word flags (first name, title, org/place head word, place
    adjective), +-2 context, quote state, and
    gazetteer span matches (``loc:B``/``org:I``) of the token and its neighbours."""

    def __init__(self, gaz: Gazetteer, known: frozenset[str] | set[str] | None = None,
                 encode: bool = False):
        self.gaz = gaz
        #: The model's attributes (inference only; ``None`` while training: keep everything).
        self.known = known
        #: Attributes as UTF-8 ``bytes`` (for the tagger): crfsuite takes bytes as they are,
        #: while every ``str`` attribute costs it a new encoded copy, on every article.
        self.encode = encode
        self._as = (lambda x: x.encode()) if encode else (lambda x: x)
        self._inq, self._bos, self._eos = (self._as(x) for x in ("inq", "BOS", "EOS"))
        self._cache: dict[str, tuple] = {}
        self._pair_maps = None if known is None else self._known_pairs(known)
        self._windows: dict[tuple[str, ...], str | bytes | None] = {}
        w = gaz.words
        self._per_first = w["per_first"]
        self._title = w["title"]
        self._org_kw = w["org_kw"]
        self._loc_kw = w["loc_kw"]
        self._loc1 = {n for n, kinds in gaz.names.items() if " " not in n and "loc" in kinds}

    def _token(self, tok: str) -> tuple:
        """Per distinct token, cached: ``(folded, stem, intrinsic features, gazetteer-word
        flags, -1 prefixed core, +1 prefixed core, -2 features, +2 features, shape)``, the
        feature groups as tuples.

        With ``known`` (the model's attribute set) every group is filtered to the attributes
        the model has: an unknown attribute changes nothing in the CRF but costs a lookup there.
        """
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        f = fold(tok) or tok
        cl, stem = strip_clitics(f)
        bare = strip_article(stem)
        sh = shape(tok)
        core = ["w=" + f, "sh=" + sh]
        if stem != f:
            core.append("s=" + stem)
        if bare != stem:
            core.append("b=" + bare)
        flags = []
        for name, lst in (("pf", self._per_first), ("ti", self._title),
                          ("ok", self._org_kw), ("lk", self._loc_kw)):
            if f in lst or stem in lst or bare in lst:
                flags.append("g=" + name)
        long_arabic = sh == "A" and len(bare) > 3
        if long_arabic and self._nisba(bare):
            flags.append("g=nis")
        core.extend(flags)
        feats = ["bias", *core]
        if cl:
            feats.append("cl=" + cl)
        if long_arabic:
            feats.append("sb=" + _sb(bare))
        feats.extend(("p2=" + bare[:2], "p3=" + bare[:3], "x2=" + f[-2:], "x3=" + f[-3:]))
        if len(f) > 4:
            feats.append("x4=" + f[-4:])
        if stem.startswith("ال"):
            feats.append("al")
        if len(f) <= 2:
            feats.append("short")
        if sh != "A" and sh != "P":
            feats.append("lat=" + f[:3])
        groups = (feats, ["-1:" + x for x in core], ["+1:" + x for x in core],
                  ["-2:w=" + f, *("-2:" + g for g in flags)], ["+2:w=" + f])
        k = self.known
        if k is None:
            feats, m1, p1, m2, p2 = (tuple(map(self._as, g)) for g in groups)
        elif self.encode:
            feats, m1, p1, m2, p2 = (tuple([x.encode() for x in g if x in k]) for g in groups)
        else:
            feats, m1, p1, m2, p2 = (tuple([x for x in g if x in k]) for g in groups)
        hit = (f, stem, feats, tuple(flags), m1, p1, m2, p2, sh)
        if len(self._cache) < _MAX_TOKENS:
            self._cache[tok] = hit
        return hit

    def _known_pairs(self, known: frozenset[str] | set[str]
                     ) -> dict[str, dict[str, dict[str, str | bytes]]]:
        """Per word-pair kind (``bg``, ``bg+``, ``ctx``), the model's pair attributes by left
        word, then right word.

        Why: most word pairs of live text are new and unknown to the model; looking the pair
        up directly spares building an attribute string per pair to look that up. A word may
        itself be ``|``, so every split of the attribute at a ``|`` is indexed: ``b`` is under
        ``a`` exactly when ``kind=a|b`` is a model attribute.
        """
        maps: dict[str, dict[str, dict[str, str | bytes]]] = {"bg": {}, "bg+": {}, "ctx": {}}
        for attr in known:
            kind, eq, rest = attr.partition("=")
            if not eq or kind not in maps:
                continue
            cut = rest.find("|")
            while cut >= 0:
                maps[kind].setdefault(rest[:cut], {})[rest[cut + 1:]] = self._as(attr)
                cut = rest.find("|", cut + 1)
        return maps

    def _pair_features(self, kind: str, left: list[str], right: list[str]) -> list:
        """``kind=left[i]|right[i]`` per i: the attribute, or ``None`` when the model lacks it
        (while training every pair is an attribute)."""
        maps = self._pair_maps
        if maps is None:
            head = kind + "="
            return [self._as(head + a + "|" + b) for a, b in zip(left, right)]
        by_left = maps[kind]
        return [by_left.get(a, _NO_PAIRS).get(b) for a, b in zip(left, right)]

    def _window(self, key: tuple[str, ...]) -> str | bytes | None:
        """The shape-window feature ``sw=<prev><this><next>`` (few distinct values), cached."""
        x = "sw=" + "".join(key)
        known = self.known is None or x in self.known
        self._windows[key] = feat = self._as(x) if known else None
        return feat

    def _nisba(self, bare: str) -> bool:
        """Relational adjective of a known place (سوري, البريطانية, العراقيين)."""
        for suf in ("يون", "يين", "يه", "ي"):
            if bare.endswith(suf) and len(bare) - len(suf) >= 3:
                base = bare[: -len(suf)]
                loc = self._loc1
                return base in loc or base + "ا" in loc or "ال" + base in loc or base + "يا" in loc
        return False

    def sentence(self, tokens: list[str]) -> list[list[str]] | list[list[bytes]]:
        """One attribute list per token, in a fixed order (the order crfsuite sums weights in):
        intrinsic features, quote state, the -1 token's core and the left word pair (or BOS),
        the -2 token's, the right word pair and context pair and the +1 token's core (or EOS),
        the +2 token's, then the shape window and the gazetteer spans of -1, +1 and the token.
        """
        n = len(tokens)
        token = self._token
        info = [token(t) for t in tokens]
        words = [x[0] for x in info]
        gz = self.gaz.match_spans([x[1] for x in info], words)
        k = self.known
        # per position: the (i-1, i) pair, the (i, i+1) pair and the (i-1, i+1) context pair
        left = [None, *self._pair_features("bg", words, words[1:])]
        right = [*self._pair_features("bg+", words, words[1:]), None]
        around = [None, *self._pair_features("ctx", words, words[2:]), None]
        # a 3-token shape window marks quotes and Latin runs
        shapes = ["^", *(x[8] for x in info), "$"]
        get_window = self._windows.get
        miss = _MISS
        windows = [get_window(key, miss) for key in zip(shapes, shapes[1:], shapes[2:])]
        near_span = {j for i, g in enumerate(gz) if g for j in (i - 1, i, i + 1)}
        inq, bos, eos = self._inq, self._bos, self._eos
        last = n - 1
        out: list[list[str]] = []
        quoted = False
        for i in range(n):
            x = info[i]
            row = [*x[2]]
            if x[0] in _QUOTES:
                quoted = not quoted
            elif quoted:
                row.append(inq)
            if i:
                row += info[i - 1][4]
                feat = left[i]
                if feat is not None:
                    row.append(feat)
                if i > 1:
                    row += info[i - 2][6]
            else:
                row.append(bos)
            if i < last:
                feat = right[i]
                if feat is not None:
                    row.append(feat)
                feat = around[i]
                if feat is not None:
                    row.append(feat)
                row += info[i + 1][5]
                if i + 1 < last:
                    row += info[i + 2][7]
            else:
                row.append(eos)
            feat = windows[i]
            if feat is miss:
                feat = self._window((shapes[i], shapes[i + 1], shapes[i + 2]))
            if feat is not None:
                row.append(feat)
            if i in near_span:
                spans = [*(("-1:" + g for g in gz[i - 1]) if i > 0 else ()),
                         *(("+1:" + g for g in gz[i + 1]) if i < last else ()), *gz[i]]
                row.extend([self._as(g) for g in spans if k is None or g in k])
            out.append(row)
        return out
