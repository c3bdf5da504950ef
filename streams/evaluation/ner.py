"""NER evaluation on CoNLL-style files: exact-span micro P/R/F1 over PER, ORG and LOC.

What is evaluated is the entity stage the service runs (``EntityStage``, ``entities.v1``):
every sentence becomes a ``Doc`` whose text is its tokens joined by single spaces (U+200E
marks removed), the stage extracts entities, their types are mapped to the coarse labels
(person -> PER; organisation, armed_group, government -> ORG; location, facility -> LOC;
dates and quantities are not scored) and their character spans are projected onto the tokens
(a token belongs to an entity when it overlaps it; ``B-`` on the first token). The span
projected is the entity's *name* (:func:`marsad.streams.pipeline.entities.coarse.name_span`;
an outer entity wins over one nested in it):
a KB alias such as ``طائرات التحالف الدولي`` is published whole for linking, but newswire NER
annotation (ANERcorp, NewsFANE) tags only the name, so descriptor heads are dropped here.

Input: one token per line, whitespace-separated columns, the token first and its IOB tag
last (so ``token TAG`` files, ANERcorp, NewsFANE and the four-column CoNLL-2003 layout all
read); blank lines end sentences; ``-DOCSTART-`` lines are skipped; leading U+200E marks are
ignored. Tags may be IOB1 or IOB2 and fine-grained (NewsFANE classes are mapped through
``streams/resources/ner/label_map.json``); ``PERS`` and ``PER`` are the same type.

MISC is read but not scored: corpora disagree too much on what it contains.

For comparison only, ``evaluate(..., tagger_only=True)`` (or ``tagger=<a tagger>``) scores the
bare NER tagger instead of the stage (``python -m marsad.streams.evaluation.ner --tagger-only``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.streams.pipeline.entities.ner.corpus import Sentence, read_conll, spans_of
from marsad.streams.pipeline.entities.ner.text import is_arabic

SCORED = ("PER", "ORG", "LOC")
_MARKS = "\u200e"


def _prf(correct: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> dict:
    """Exact-span scores of predicted vs gold IOB2 sequences (same tokenisation)."""
    c = {t: [0, 0, 0] for t in SCORED}  # correct, gold, predicted
    sentences = tokens = 0
    for g, p in zip(gold, pred, strict=True):
        sentences += 1
        tokens += len(g)
        gs = {s for s in spans_of(g) if s[2] in c}
        ps = {s for s in spans_of(p) if s[2] in c}
        for s in gs:
            c[s[2]][1] += 1
        for s in ps:
            c[s[2]][2] += 1
        for s in gs & ps:
            c[s[2]][0] += 1
    per_type = {}
    for t, (k, g, p) in c.items():
        pr, rc, f = _prf(k, g, p)
        per_type[t] = {"precision": pr, "recall": rc, "f1": f, "support": g}
    k, g, p = (sum(v[i] for v in c.values()) for i in range(3))
    pr, rc, f = _prf(k, g, p)
    return {
        "precision": pr, "recall": rc, "f1": f, "per_type": per_type,
        "counts": {"gold": g, "predicted": p, "correct": k, "sentences": sentences, "tokens": tokens},
    }


def read(path: Path) -> list[Sentence]:
    return list(read_conll(Path(path)))


def detect_language(sentences: list[Sentence]) -> str:
    sample = " ".join(t for s in sentences[:200] for t, _ in s)
    return "ar" if is_arabic(sample) else "en"


# --------------------------------------------------------------------------- stage path
def sentence_doc(tokens: list[str], language: str) -> tuple[Any, list[tuple[int, int]]]:
    """A ``Doc`` for one sentence and the ``(start, end)`` of every token in its text."""
    from marsad.schemas import RawArticle
    from marsad.streams.pipeline.doc import Doc
    from marsad.streams.pipeline.normalize import fold

    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for tok in tokens:
        tok = tok.replace(_MARKS, "")
        if parts:
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    text = " ".join(parts)
    article = RawArticle(id="eval", outlet="eval", title="", body=text,
                         published_at=datetime(2020, 1, 1, tzinfo=UTC))
    doc = Doc(article=article, text=text, body_start=0, folded=fold(text), language=language)
    return doc, offsets


def project(spans: Iterable[tuple[int, int, str]], offsets: list[tuple[int, int]]) -> list[str]:
    """IOB2 tags of the tokens from character spans ``(start, end, label)``.

    A token belongs to a span when it overlaps it; spans are taken left to right and a token
    already claimed by an earlier span is not re-tagged.
    """
    tags = ["O"] * len(offsets)
    for s, e, label in sorted(spans, key=lambda x: (x[0], -x[1])):
        idx = [i for i, (ts, te) in enumerate(offsets)
               if ts < e and s < te and te > ts and tags[i] == "O"]
        if not idx:
            continue
        # keep the run contiguous: stop at the first gap
        run = [idx[0]]
        for i in idx[1:]:
            if i != run[-1] + 1:
                break
            run.append(i)
        tags[run[0]] = "B-" + label
        for i in run[1:]:
            tags[i] = "I-" + label
    return tags


def stage_tags(stage: Any, tokens: list[str], language: str) -> list[str]:
    """IOB2 tags the entity stage gives one tokenised sentence."""
    from marsad.streams.pipeline.entities.coarse import coarse_spans

    if not tokens:
        return []
    doc, offsets = sentence_doc(tokens, language)
    out = stage(doc)
    return project(coarse_spans(out.entities, out.text, getattr(stage, "kb", None)), offsets)


def evaluate(paths: list[Path], fmt: str = "conll", *, stage: Any = None,
             language: str | None = None, tagger: Any = None, tagger_only: bool = False) -> dict:
    """Run the entity stage over every sentence of the files and score against the gold tags.

    ``stage`` and ``language`` override the defaults (the shared ``EntityStage`` and the
    language detected per file). ``tagger``/``tagger_only`` are for comparison only: they
    score a bare NER tagger (``tag_tokens`` on the gold tokens) instead of the stage.
    """
    if fmt != "conll":
        raise ValueError(f"unsupported NER format {fmt!r} (only 'conll')")
    use_tagger = tagger is not None or tagger_only
    if not use_tagger and stage is None:
        from marsad.streams.pipeline.entities import EntityStage

        stage = EntityStage.load()

    gold: list[list[str]] = []
    pred: list[list[str]] = []
    langs: list[str] = []
    for path in paths:
        sents = read(Path(path))
        lang = language or detect_language(sents)
        langs.append(lang)
        tg = None
        if use_tagger:
            from marsad.streams.pipeline.entities.ner import load_tagger

            tg = tagger if tagger is not None else load_tagger(lang)
            if tg is None:
                raise RuntimeError(f"no NER tagger for language {lang!r} ({path})")
        for s in sents:
            toks = [w for w, _ in s]
            gold.append([t for _, t in s])
            pred.append(tg.tag_tokens(toks) if tg is not None else stage_tags(stage, toks, lang))
    result = score(gold, pred)
    result["language"] = langs[0] if len(set(langs)) == 1 else ",".join(langs)
    result["files"] = [str(p) for p in paths]
    result["system"] = "tagger" if use_tagger else "entities.v1"
    return result


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser(description="NER evaluation (entity stage; --tagger-only compares)")
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--tagger-only", action="store_true", help="score the bare NER tagger")
    a = ap.parse_args()
    print(json.dumps(evaluate(a.paths, tagger_only=a.tagger_only), ensure_ascii=False))
