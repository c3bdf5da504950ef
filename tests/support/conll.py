"""Small clustering corpora in the CoNLL layout ``marsad eval clusters`` reads."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

#: One report worded alike in the corpora below: only a dateline can tell two events apart.
AIRBUS_REPORT = "Airbus wins an order for sixty jets from Qatar Airways worth fifteen billion dollars ."


def write_conll(path: Path, docs: Sequence[tuple[str, Sequence[str]]]) -> Path:
    """One document per ``(doc_id, sentences)``, tokens split on spaces, no coreference."""
    lines = []
    for doc_id, sentences in docs:
        lines.append(f"#begin document ({doc_id}); part 000")
        for k, sentence in enumerate(sentences):
            lines += [f"{doc_id}\t{k}\t{i}\t{token}\t-" for i, token in enumerate(sentence.split())]
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def airbus_reports(path: Path, *datelines: str | None) -> Path:
    """Two or more alike reports of different events (one story each), with these datelines."""
    return write_conll(path, [(f"corpus_x/{k}", ["Airbus wins Qatar order", *([d] if d else []), AIRBUS_REPORT])
                              for k, d in enumerate(datelines, 1)])
