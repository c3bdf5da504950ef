"""Readers for the NER corpora and CoNLL-style files, and the coarse label mapping.

Every reader yields sentences as ``[(token, tag), ...]`` with IOB2 tags over the coarse
types PER/ORG/LOC/MISC (``O`` otherwise), so training and evaluation share one scheme.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .gazetteer import RESOURCES

Sentence = list[tuple[str, str]]
COARSE = ("PER", "ORG", "LOC", "MISC")
_INVISIBLE = "\u200e\u200f\ufeff"
_SENT_END = frozenset({".", "!", "?", "؟", "..."})


@lru_cache(maxsize=1)
def label_map() -> dict[str, dict[str, str | None]]:
    data = json.loads((RESOURCES / "label_map.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def coarse_type(kind: str, scheme: str | None = None) -> str | None:
    """Coarse type of a corpus type; ``scheme`` picks one table, ``None`` tries them all.

    Unknown types map to ``MISC`` so that they are neither lost nor scored as PER/ORG/LOC.
    """
    maps = label_map()
    tables = [maps[scheme]] if scheme else [maps["conll"], maps["newsfane"], maps["wojood"]]
    for t in tables:
        if kind in t:
            return t[kind]
        if kind.upper() in t:
            return t[kind.upper()]
    return "MISC"


def to_iob2(tags: list[str], scheme: str | None = None) -> list[str]:
    """Map raw tags (IOB1 or IOB2, fine types) to IOB2 over coarse types.

    IOB1 (``I-X`` opening an entity) and a type change inside a run both open a new entity.
    """
    out: list[str] = []
    prev = "O"
    for raw in tags:
        raw = raw.strip(_INVISIBLE)
        if raw in ("O", "", "_") or "-" not in raw and raw not in COARSE:
            out.append("O")
            prev = "O"
            continue
        if "-" in raw and raw[1] == "-":
            prefix, kind = raw[0].upper(), raw[2:]
        else:  # bare type, treat as IOB1 inside
            prefix, kind = "I", raw
        typ = coarse_type(kind, scheme)
        if typ is None:
            out.append("O")
            prev = "O"
            continue
        if prefix == "B" or prefix == "S" or prev != typ:
            out.append("B-" + typ)
        else:
            out.append("I-" + typ)
        prev = typ
    return out


def read_columns(path: Path) -> Iterator[list[list[str]]]:
    """Sentences as lists of whitespace-split rows; blank lines split, -DOCSTART- skipped."""
    rows: list[list[str]] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip().lstrip(_INVISIBLE)
            if not line:
                if rows:
                    yield rows
                rows = []
                continue
            cols = line.split()
            if cols[0] == "-DOCSTART-":
                if rows:
                    yield rows
                rows = []
                continue
            rows.append(cols)
    if rows:
        yield rows


def read_conll(path: Path, scheme: str | None = None) -> Iterator[Sentence]:
    """First column token, last column tag; tags mapped to coarse IOB2."""
    for rows in read_columns(path):
        toks = [r[0].strip(_INVISIBLE) for r in rows]
        tags = to_iob2([r[-1] if len(r) > 1 else "O" for r in rows], scheme)
        yield list(zip(toks, tags))


def read_newsfane(path: Path) -> Iterator[Sentence]:
    """NewsFANE has no blank lines: split sentences after sentence-final punctuation."""
    for sent in read_conll(path, "newsfane"):
        cur: Sentence = []
        for tok, tag in sent:
            cur.append((tok, tag))
            if tok in _SENT_END and tag == "O":
                yield cur
                cur = []
        if cur:
            yield cur


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out = []
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("I-") and start >= 0 and t[2:] == kind:
            continue
        if start >= 0:
            out.append((start, i, kind))
            start = -1
        if t.startswith(("B-", "I-")):
            start, kind = i, t[2:]
    return out


def read_wojood(path: Path) -> Iterator[Sentence]:
    """Wojood is nested: column k is nesting layer k. Flatten to one layer.

    All spans of kept types from all layers are collected and chosen greedily longest first
    without overlap, so ``[ORG مجلس الأمن]`` inside an OCC span still surfaces, and an outer
    ORG beats an inner PERS.
    """
    wmap = label_map()["wojood"]
    for rows in read_columns(path):
        rows = [r for r in rows if r[0] != "$#$"]
        if not rows:
            continue
        depth = max(len(r) for r in rows) - 1
        spans = []
        for layer in range(depth):
            tags = [r[1 + layer] if len(r) > 1 + layer else "O" for r in rows]
            for s, e, k in _spans(tags):
                typ = wmap.get(k, "MISC")
                if typ is not None:
                    spans.append((s, e, typ, layer))
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[3], x[0]))
        tags_out = ["O"] * len(rows)
        for s, e, typ, _ in spans:
            if all(t == "O" for t in tags_out[s:e]):
                tags_out[s] = "B-" + typ
                for j in range(s + 1, e):
                    tags_out[j] = "I-" + typ
        yield [(r[0], t) for r, t in zip(rows, tags_out)]


def read_training_corpora(data_dir: Path) -> Iterator[Sentence]:
    for p in sorted((data_dir / "ar-newsfane-gold").glob("*.txt")):
        if p.name.lower().startswith(("readme", "license")):
            continue
        yield from read_newsfane(p)
    for name in ("train.txt", "val.txt", "test.txt"):
        p = data_dir / "ar-wojood-sample" / name
        if p.exists():
            yield from read_wojood(p)


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of an IOB2 sequence."""
    return _spans(tags)
