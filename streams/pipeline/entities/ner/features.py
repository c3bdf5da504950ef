"""CRF features for Arabic tokens.

Why this shape: per-token ("intrinsic") features depend only on the token string, so they are
computed once per distinct token and cached; a sentence then only adds its neighbours' cached
groups (with a position prefix), the word pairs, the shape window, the quote state and the
gazetteer span matches.

Two modes share that code. Training (no model) returns each token's attributes as strings for
crfsuite. Inference (:class:`CrfWeights` given) caches, per distinct token, the summed weight
vectors of its five groups (its own features, and those it lends to the tokens one and two
to its left and right), so an article's emission scores are a handful of numpy gathers
instead of ~4,500 attribute strings (see :mod:`.crf`).
"""

from __future__ import annotations

import numpy as np

from .crf import CrfWeights
from .gazetteer import Gazetteer
from .stemmer import stem as _sb
from .text import fold, shape, strip_article, strip_clitics

_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})
#: Bound of the per-process cache of distinct tokens (inference: 360 bytes of vectors each).
_MAX_TOKENS = 200_000
#: The cached groups of a token, in the order of :meth:`FeatureExtractor._groups`.
_OWN, _TO_NEXT, _TO_PREV, _TO_NEXT2, _TO_PREV2 = range(5)


class FeatureExtractor:
    """Token features: folded word, clitic-stripped stem, article-less form, Snowball stem,
    affixes, shape, gazetteer word flags (first name, title, org/place head word, place
    adjective), +-2 context, quote state, and
    gazetteer span matches (``loc:B``/``org:I``) of the token and its neighbours."""

    def __init__(self, gaz: Gazetteer, model: CrfWeights | None = None):
        self.gaz = gaz
        self.model = model
        self._cache: dict[str, tuple] = {}
        self._windows: dict[tuple[str, ...], str | int] = {}
        w = gaz.words
        self._per_first = w["per_first"]
        self._title = w["title"]
        self._org_kw = w["org_kw"]
        self._loc_kw = w["loc_kw"]
        self._loc1 = {n for n, kinds in gaz.names.items() if " " not in n and "loc" in kinds}
        if model is not None:
            self._pair_rows = self._model_pairs(model)
            self._vectors = np.zeros((1024, 5, len(model.labels)))
            self._pending: list[tuple[int, list[list[int]]]] = []

    # ------------------------------------------------------------------ per token
    def _groups(self, tok: str) -> tuple[str, str, str, tuple[list[str], ...]]:
        """``(folded, stem, shape, groups)``: the token's own attributes, then the core it
        lends its right neighbour (``-1:``) and its left one (``+1:``), then what it lends the
        tokens two away (``-2:`` to the right, ``+2:`` to the left)."""
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
        return f, stem, sh, groups

    def _token(self, tok: str) -> tuple:
        """Training: ``(folded, stem, shape, groups as tuples)``, cached."""
        hit = self._cache.get(tok)
        if hit is None:
            f, stem, sh, groups = self._groups(tok)
            hit = (f, stem, sh, tuple(tuple(g) for g in groups))
            if len(self._cache) < _MAX_TOKENS:
                self._cache[tok] = hit
        return hit

    def _token_vectors(self, tok: str) -> tuple:
        """Inference: ``(folded, stem, shape, row of the cached group vectors)``. A new
        token's vectors are summed later, for all of a text's new tokens at once
        (:meth:`_sum_pending`)."""
        hit = self._cache.get(tok)
        if hit is None:
            f, stem, sh, groups = self._groups(tok)
            slot = len(self._cache)
            if slot == len(self._vectors):
                size = max(min(2 * slot, _MAX_TOKENS), slot + 1)
                grown = np.zeros((size, *self._vectors.shape[1:]))
                grown[:slot] = self._vectors
                self._vectors = grown
            get, none = self.model.index.get, self.model.none
            self._pending.append((slot, [[*(get(a, none) for a in g), none] for g in groups]))
            hit = self._cache[tok] = (f, stem, sh, slot)
        return hit

    def _sum_pending(self) -> None:
        if not self._pending:
            return
        rows, starts, slots = [], [], []
        for slot, groups in self._pending:
            for g in groups:  # never empty: each ends with the all-zero row
                starts.append(len(rows))
                rows.extend(g)
            slots.append(slot)
        sums = np.add.reduceat(self.model.state[rows], starts, axis=0)
        self._vectors[slots] = sums.reshape(len(slots), 5, -1)
        self._pending.clear()

    # ------------------------------------------------------------------ per text
    def _model_pairs(self, model: CrfWeights) -> dict[str, dict[str, dict[str, int]]]:
        """Per word-pair kind (``bg``, ``bg+``, ``ctx``), the model's pair attributes' rows
        by left word, then right word.

        Why: most word pairs of live text are new and unknown to the model; looking the pair
        up directly spares building an attribute string per pair to look that up. A word may
        itself be ``|``, so every split of the attribute at a ``|`` is indexed: ``b`` is under
        ``a`` exactly when ``kind=a|b`` is a model attribute.
        """
        maps: dict[str, dict[str, dict[str, int]]] = {"bg": {}, "bg+": {}, "ctx": {}}
        for attr, row in model.index.items():
            kind, eq, rest = attr.partition("=")
            if not eq or kind not in maps:
                continue
            cut = rest.find("|")
            while cut >= 0:
                maps[kind].setdefault(rest[:cut], {})[rest[cut + 1:]] = row
                cut = rest.find("|", cut + 1)
        return maps

    def _pairs(self, kind: str, left: list[str], right: list[str]) -> list:
        """``kind=left[i]|right[i]`` per i: the attribute (training) or its weight row."""
        if self.model is None:
            head = kind + "="
            return [head + a + "|" + b for a, b in zip(left, right)]
        by_left, none = self._pair_rows[kind].get, self.model.none
        return [none if (rights := by_left(a)) is None else rights.get(b, none)
                for a, b in zip(left, right)]

    def _window(self, key: tuple[str, ...]) -> str | int:
        """The shape-window feature ``sw=<prev><this><next>`` (few distinct values), cached."""
        feat = self._windows.get(key)
        if feat is None:
            feat = "sw=" + "".join(key)
            if self.model is not None:
                feat = self.model.row(feat)
            self._windows[key] = feat
        return feat

    def _nisba(self, bare: str) -> bool:
        """Relational adjective of a known place (سوري, البريطانية, العراقيين)."""
        for suf in ("يون", "يين", "يه", "ي"):
            if bare.endswith(suf) and len(bare) - len(suf) >= 3:
                base = bare[: -len(suf)]
                loc = self._loc1
                return base in loc or base + "ا" in loc or "ال" + base in loc or base + "يا" in loc
        return False

    def _context(self, info: list[tuple]) -> tuple:
        """What a token gets from beyond its cached groups: quote state, word pairs (left,
        right, around), shape window and gazetteer spans (``-1:``/``+1:`` of the neighbours'
        and its own) per position."""
        n = len(info)
        words = [x[0] for x in info]
        quoted, inside = [], False
        for w in words:
            if w in _QUOTES:
                inside = not inside
                quoted.append(False)
            else:
                quoted.append(inside)
        left = self._pairs("bg", words, words[1:])        # (i-1, i) for i >= 1
        right = self._pairs("bg+", words, words[1:])      # (i, i+1) for i < n-1
        around = self._pairs("ctx", words, words[2:])     # (i-1, i+1) for 1 <= i < n-1
        shapes = ["^", *(x[2] for x in info), "$"]
        windows = [self._window(key) for key in zip(shapes, shapes[1:], shapes[2:])]
        gz = self.gaz.match_spans([x[1] for x in info], words)
        spans: dict[int, list[str]] = {}
        for i in sorted({j for i, g in enumerate(gz) if g for j in (i - 1, i, i + 1)}):
            if 0 <= i < n:
                spans[i] = [*(("-1:" + g for g in gz[i - 1]) if i > 0 else ()),
                            *(("+1:" + g for g in gz[i + 1]) if i < n - 1 else ()), *gz[i]]
        return quoted, left, right, around, windows, spans

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Training: one attribute list per token, in the order crfsuite sums weights in:
        intrinsic features, quote state, the -1 token's core and the left word pair (or BOS),
        the -2 token's, the right word pair and context pair and the +1 token's core (or EOS),
        the +2 token's, then the shape window and the gazetteer spans of -1, +1 and the token.
        """
        info = [self._token(t) for t in tokens]
        quoted, left, right, around, windows, spans = self._context(info)
        last = len(info) - 1
        out = []
        for i, x in enumerate(info):
            row = [*x[3][_OWN]]
            if quoted[i]:
                row.append("inq")
            if i:
                row += info[i - 1][3][_TO_NEXT]
                row.append(left[i - 1])
                if i > 1:
                    row += info[i - 2][3][_TO_NEXT2]
            else:
                row.append("BOS")
            if i < last:
                row.append(right[i])
                if i:
                    row.append(around[i - 1])
                row += info[i + 1][3][_TO_PREV]
                if i + 1 < last:
                    row += info[i + 2][3][_TO_PREV2]
            else:
                row.append("EOS")
            row.append(windows[i])
            row += spans.get(i, ())
            out.append(row)
        return out

    def emissions(self, tokens: list[str]) -> np.ndarray:
        """Inference: the model's state score of every label at every token, the sum of the
        weights of exactly the attributes :meth:`sentence` gives that token."""
        model = self.model
        if len(self._cache) + len(tokens) > _MAX_TOKENS:
            self._cache.clear()  # a bounded cache: start over (the slots are reused)
        hit, miss = self._cache.get, self._token_vectors
        info = [hit(t) or miss(t) for t in tokens]
        self._sum_pending()
        n = len(info)
        if not n:
            return np.zeros((0, len(model.labels)))
        quoted, left, right, around, windows, spans = self._context(info)
        state, vec = model.state, self._vectors
        ids = np.fromiter((x[3] for x in info), dtype=np.int64, count=n)
        out = vec[ids, _OWN]
        out += state[windows]
        if n > 1:
            out[1:] += vec[ids[:-1], _TO_NEXT]
            out[:-1] += vec[ids[1:], _TO_PREV]
            out[1:] += state[left]
            out[:-1] += state[right]
        if n > 2:
            out[2:] += vec[ids[:-2], _TO_NEXT2]
            out[:-2] += vec[ids[2:], _TO_PREV2]
            out[1:-1] += state[around]
        out[0] += state[model.row("BOS")]
        out[-1] += state[model.row("EOS")]
        if any(quoted):
            out[np.flatnonzero(quoted)] += state[model.row("inq")]
        if spans:
            row = model.row
            at = [i for i, feats in spans.items() for _ in feats]
            np.add.at(out, at, state[[row(a) for feats in spans.values() for a in feats]])
        return out
