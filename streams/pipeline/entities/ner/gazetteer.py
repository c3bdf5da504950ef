"""Gazetteer lists (``streams/resources/ner/*.txt``) and a longest-match lookup over tokens.

Lists hold folded names (see :func:`text.fold`), one per line, words separated by a space;
``#`` starts a comment. Matching is on folded, clitic-stripped tokens so ``وبدمشق`` matches
``دمشق``. Everything is set/dict lookups so that a 500-token article costs well under 1 ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .text import fold, strip_article

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "ner"

#: Gazetteer kinds used as features: multiword lists matched as spans, word lists per token.
SPAN_LISTS = ("loc", "org", "per_full")
WORD_LISTS = ("per_first", "title", "org_kw", "loc_kw")


def read_list(path: Path) -> set[str]:
    out: set[str] = set()
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(" ".join(fold(w) for w in line.split()))
    return out


class Gazetteer:
    """Span lists (longest match, up to 5 words) plus single-word lists."""

    MAX_LEN = 5

    def __init__(self, spans: dict[str, set[str]], words: dict[str, set[str]]):
        self.words = words
        # name -> kinds; first word -> lengths to try (longest first)
        self.names: dict[str, list[str]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}
        tmp: dict[str, set[int]] = {}
        for kind, names in spans.items():
            for name in names:
                parts = name.split(" ")
                if len(parts) > self.MAX_LEN:
                    continue
                self.names.setdefault(name, []).append(kind)
                tmp.setdefault(parts[0], set()).add(len(parts))
                # also index without the article: "ال" + name and name both match
                bare = strip_article(parts[0])
                if bare != parts[0]:
                    alt = " ".join([bare, *parts[1:]])
                    self.names.setdefault(alt, []).append(kind)
                    tmp.setdefault(bare, set()).add(len(parts))
        self.lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in tmp.items()}

    @classmethod
    def load(cls, directory: Path = RESOURCES, model_dir: Path | None = None) -> Gazetteer:
        """Hand-made/package-derived lists from ``directory``; corpus-derived lists
        (``gaz_<kind>.corpus.txt``, written by training next to the model) from ``model_dir``."""
        dirs = [directory] if model_dir is None else [directory, model_dir]

        def lists(kind: str) -> set[str]:
            out = read_list(directory / f"gaz_{kind}.txt")
            for d in dirs:
                out |= read_list(d / f"gaz_{kind}.corpus.txt")
            return out

        return cls({k: lists(k) for k in SPAN_LISTS}, {k: lists(k) for k in WORD_LISTS})

    def match_spans(self, first: list[str], rest: list[str]) -> list[Sequence[str]]:
        """Per token, features like ``loc:B`` / ``org:I`` (an empty tuple for most tokens).

        ``first[i]`` is the clitic-stripped form (used when token i starts a match) and
        ``rest[i]`` the plain folded form (used inside a match).
        """
        n = len(first)
        out: list[Sequence[str]] = [()] * n
        i = 0
        lengths = self.lengths
        names = self.names
        while i < n:
            matched = 0
            for head in (first[i], rest[i]):
                ls = lengths.get(head)
                if not ls:
                    continue
                for L in ls:
                    if i + L > n:
                        continue
                    key = head if L == 1 else head + " " + " ".join(rest[i + 1:i + L])
                    kinds = names.get(key)
                    if kinds:
                        for k in kinds:
                            for j in range(i, i + L):
                                out[j] = [*out[j], k + (":B" if j == i else ":I")]
                        matched = L
                        break
                if matched:
                    break
            i += matched or 1
        return out


@lru_cache(maxsize=4)
def default_gazetteer(directory: str = str(RESOURCES)) -> Gazetteer:
    return Gazetteer.load(Path(directory))
