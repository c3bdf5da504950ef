"""The Arabic CRF tagger (trained with python-crfsuite, decoded by :mod:`.crf`) behind the
common ``tag`` / ``tag_tokens`` API."""

from __future__ import annotations

from pathlib import Path

from ..geocode import read_ambiguous
from .crf import CrfWeights
from .features import FeatureExtractor
from .gazetteer import RESOURCES, Gazetteer, read_list
from .span import NerSpan
from .text import fold, is_arabic, tokenize

MODEL_NAME = "ar-crf-v1.crfsuite"
#: Folded words whose initial و is part of the word (وزير, واشنطن), derived by training from
#: NewsFANE, where the conjunction is always a separate token.
W_INITIAL = "ar-w-initial.corpus.txt"

# Proclitics trimmed off the front of a predicted span's surface (longest first). "وال" loses
# only "و": the article belongs to the name (والعراق -> العراق).
_TRIM = (("وبال", 2), ("وال", 1), ("فال", 1), ("بال", 1), ("كال", 1), ("ولل", 2), ("لل", 1),
         ("وب", 2), ("ول", 2), ("و", 1), ("ف", 1), ("ب", 1), ("ل", 1), ("ك", 1))


class ArabicCrfTagger:
    language = "ar"

    def __init__(self, model_path: Path, resource_dir: Path = RESOURCES):
        self.model_path = Path(model_path)
        self.gaz = Gazetteer.load(resource_dir, self.model_path.parent)
        self.crf = CrfWeights.from_crfsuite(self.model_path)
        self.features = FeatureExtractor(self.gaz, self.crf)
        # Words known to be (part of) names: used to decide whether a leading letter is a
        # clitic (وبغداد -> بغداد) or part of the name (واشنطن, بالي).
        self._known = set(self.gaz.names) | self.gaz.words["per_first"]
        self._known |= {n.split(" ", 1)[0] for n in self.gaz.names}
        # place names the geocoder never matches (they are common words or rare elsewhere: لاتر)
        # are no evidence either: 'بلاتر' is Blatter, not ب + a town
        self._known -= read_ambiguous()[0] - self.gaz.words["per_first"]
        self._w_words = read_list(self.model_path.parent / W_INITIAL)

    def split_conjunction(self, toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Split the conjunction و off words, as in the training corpora (ANERcorp style).

        Why: the model was trained on text where و is its own token; doing the same on live
        text keeps the features identical and makes the spans start after the و.
        """
        out = []
        words = self._w_words
        for tok, s, e in toks:
            if tok[0] == "و" and len(tok) >= 4:
                f = fold(tok)
                if len(f) >= 4 and f not in words and f not in self._known:
                    cut = _raw_offset(tok, 1)
                    if 0 < cut < len(tok):
                        out.append((tok[:cut], s, s + cut))
                        out.append((tok[cut:], s + cut, e))
                        continue
            out.append((tok, s, e))
        return out

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        return self.crf.decode(self.features.emissions(tokens))

    def tag(self, text: str) -> list[NerSpan]:
        if not is_arabic(text):  # nothing for an Arabic model to find (and no CRF cost)
            return []
        toks = self.split_conjunction(tokenize(text))
        if not toks:
            return []
        scores = self.features.emissions([t[0] for t in toks])
        labels = self.crf.decode(scores)
        marginals = None
        spans: list[NerSpan] = []
        i, n = 0, len(labels)
        while i < n:
            lab = labels[i]
            if lab == "O":
                i += 1
                continue
            kind = lab[2:]
            j = i + 1
            while j < n and labels[j] == "I-" + kind:
                j += 1
            # the B- token's marginal (one forward-backward pass per text with a span)
            if marginals is None:
                marginals = self.crf.marginals(scores)
            score = marginals[i, self.crf.labels.index(lab)]
            start = toks[i][1] + self._clitic_len(toks[i][0])
            end = toks[j - 1][2]
            if end > start and any(c.isalnum() for c in text[start:end]):
                spans.append(NerSpan(start, end, kind, round(float(score), 4)))  # type: ignore[arg-type]
            i = j
        return spans

    def _clitic_len(self, token: str) -> int:
        """Characters of ``token`` to drop from the span start (a proclitic, not the name)."""
        f = fold(token)
        if f in self._known or len(f) < 4:
            return 0
        for p, cut in _TRIM:
            if f.startswith(p):
                rest = f[cut:] if not p.endswith("لل") else "ال" + f[len(p):]
                if p.endswith(("ال", "لل")) and len(rest) >= 5 or rest in self._known:
                    return _raw_offset(token, cut)
                return 0
        return 0


def _raw_offset(token: str, folded_chars: int) -> int:
    """Offset in ``token`` after ``folded_chars`` visible letters (skips diacritics/tatweel)."""
    seen = 0
    for k, ch in enumerate(token):
        if fold(ch):
            seen += 1
            if seen == folded_chars:
                # also skip a tatweel or diacritics directly after the clitic
                k += 1
                while k < len(token) and not fold(token[k]):
                    k += 1
                return k
    return 0
