"""CRF features for Arabic tokens.

Why this shape: per-token ("intrinsic") features depend only on the token string, so they are
computed once per distinct token and cached; a sentence then only adds its neighbours' cached
lists (with a position prefix) and the gazetteer span matches. That keeps a 3 KB article in
the low milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from .gazetteer import Gazetteer
from .text import fold, shape, strip_article, strip_clitics

_STEMMER = snowballstemmer.stemmer("arabic")
_MISS = object()
_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})


class FeatureExtractor:
    """Token features: folded word, clitic-stripped stem, article-less form, Snowball stem,
    affixes, shape, gazetteer word flags (first name, title, org/place head word, place
    adjective), +-2 context, quote state, and
    gazetteer span matches (``loc:B``/``org:I``) of the token and its neighbours."""

    def __init__(self, gaz: Gazetteer, known: frozenset[str] | set[str] | None = None):
        self.gaz = gaz
        #: The model's attributes (inference only; ``None`` while training: keep everything).
        self.known = known
        self._cache: dict[str, tuple] = {}
        self._pairs: dict[tuple[str, str, str], str | None] = {}
        w = gaz.words
        self._per_first = w["per_first"]
        self._title = w["title"]
        self._org_kw = w["org_kw"]
        self._loc_kw = w["loc_kw"]
        self._loc1 = {n for n, kinds in gaz.names.items() if " " not in n and "loc" in kinds}

    def _token(self, tok: str) -> tuple:
        """Per distinct token, cached: ``(folded, stem, intrinsic features, gazetteer-word
        flags, -1 prefixed core, +1 prefixed core, -2 features, +2 features, shape)``.

        With ``known`` (the model's attribute set) every list is filtered to the attributes
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
        if sh == "A" and len(bare) > 3 and self._nisba(bare):
            flags.append("g=nis")
        core.extend(flags)
        feats = ["bias", *core]
        if cl:
            feats.append("cl=" + cl)
        if sh == "A" and len(bare) > 3:
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
        m2 = ["-2:w=" + f, *("-2:" + g for g in flags)]
        p2 = ["+2:w=" + f]
        m1 = ["-1:" + x for x in core]
        p1 = ["+1:" + x for x in core]
        k = self.known
        if k is not None:
            feats, m1, p1, m2, p2 = ([x for x in lst if x in k] for lst in (feats, m1, p1, m2, p2))
        hit = (f, stem, feats, flags, m1, p1, m2, p2, sh)
        if len(self._cache) < 200_000:
            self._cache[tok] = hit
        return hit

    def _pair(self, key: tuple[str, str, str], feat: str) -> str | None:
        """A word-pair feature, cached (``None`` when the model does not know it).

        Why cache: crfsuite encodes every attribute string to UTF-8, and a Python string keeps
        its UTF-8 form, so handing the same string objects over again is much cheaper than
        building (and encoding) new Arabic strings for every article.
        """
        x = feat if self.known is None or feat in self.known else None
        if len(self._pairs) < 500_000:
            self._pairs[key] = x
        return x

    def _nisba(self, bare: str) -> bool:
        """Relational adjective of a known place (سوري, البريطانية, العراقيين)."""
        for suf in ("يون", "يين", "يه", "ي"):
            if bare.endswith(suf) and len(bare) - len(suf) >= 3:
                base = bare[: -len(suf)]
                loc = self._loc1
                return base in loc or base + "ا" in loc or "ال" + base in loc or base + "يا" in loc
        return False

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        n = len(tokens)
        info = [self._token(t) for t in tokens]
        gz = self.gaz.match_spans([x[1] for x in info], [x[0] for x in info])
        k = self.known
        pairs = self._pairs
        out: list[list[str]] = []
        quoted = False
        # a 3-token shape window marks quotes and Latin runs
        shapes = ["^", *(t[8] for t in info), "$"]
        for i in range(n):
            f, _stem, feats, _flags, _m1, _p1, _m2, _p2, _sh = info[i]
            row = list(feats)
            if f in _QUOTES:
                quoted = not quoted
            elif quoted:
                row.append("inq")
            pair = ["sw=" + shapes[i] + shapes[i + 1] + shapes[i + 2]]
            if i > 0:
                prev = info[i - 1]
                row.extend(prev[4])
                x = pairs.get(("bg", prev[0], f), _MISS)
                if x is _MISS:
                    x = self._pair(("bg", prev[0], f), "bg=" + prev[0] + "|" + f)
                if x is not None:
                    row.append(x)
                g = gz[i - 1]
                if g:
                    pair.extend(["-1:" + x for x in g])
            else:
                row.append("BOS")
            if i > 1:
                row.extend(info[i - 2][6])
            if i + 1 < n:
                nxt = info[i + 1]
                x = pairs.get(("bg+", f, nxt[0]), _MISS)
                if x is _MISS:
                    x = self._pair(("bg+", f, nxt[0]), "bg+=" + f + "|" + nxt[0])
                if x is not None:
                    row.append(x)
                if i > 0:
                    pf = info[i - 1][0]
                    x = pairs.get(("ctx", pf, nxt[0]), _MISS)
                    if x is _MISS:
                        x = self._pair(("ctx", pf, nxt[0]), "ctx=" + pf + "|" + nxt[0])
                    if x is not None:
                        row.append(x)
                row.extend(nxt[5])
                g = gz[i + 1]
                if g:
                    pair.extend(["+1:" + x for x in g])
            else:
                row.append("EOS")
            if i + 2 < n:
                row.extend(info[i + 2][7])
            if gz[i]:
                pair.extend(gz[i])
            if k is None:
                row.extend(pair)
            else:
                row.extend([x for x in pair if x in k])
            out.append(row)
        return out


@lru_cache(maxsize=100_000)
def _sb(word: str) -> str:
    return _STEMMER.stemWord(word)
