"""Evaluation of the event stage (issue 4) on the shared gold files.

* ``evaluate_events(path, "ar-event-gsr")``: per-sentence detection of the file's event type
  (ASSAULT or PROTEST, from the ``event_type`` column, else the file name). Positives: ``yes``;
  negatives: ``easy no`` and ``difficult no``; ``ambiguous`` rows are left out. A sentence is
  predicted positive when the stage emits an event of that type whose status is not ``denied``
  (an announced ASSAULT is reported as THREATEN and does not count). ``single_annotator`` puts
  the figures in context: what one human annotator scores against the same labels
  (:func:`single_annotator_scores`).
* ``evaluate_events(path, "plover-gsr")``: PLOVER type accuracy of the stage's most confident event
  per record (the DOCUMENT record is skipped; no event = wrong), with the GSR's pre-2021 labels
  mapped to PLOVER 2021 (DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE,
  FIGHT->ASSAULT), and source/target actor text match (case-insensitive shared content word).
* ``evaluate_actors(path, "ar-event-gsr-spans")``: for each gold record, the stage's event of the
  file's type in that sentence (the one that scores best) must have a source actor sharing a token
  with ``source_gold`` and a target actor sharing a token with ``target_gold``. Where a gold role is
  empty (the annotators' spans had nothing in common) the role counts as right when the system
  gives no actor for it or its actor overlaps one of the annotators' spans for that role.
  ``both_correct`` is the share of records with both roles right; ``both_correct_nonempty`` the
  same over records whose two gold roles are non-empty.
* ``evaluate_actors(path, "wikievents")``: English attackers and targets on WikiEvents JSON lines
  (:func:`wikievents_scores`); an extra check of who-did-what-to-whom, not one of the issue's
  targets.

Each runs the same stage the service runs (entity stage first when importable).
"""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from marsad.schemas import RawArticle
from marsad.streams.pipeline.doc import Doc, FoldedText

PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_PUB = datetime(2020, 1, 1, 12, tzinfo=timezone.utc)
_WORD = re.compile(r"\w+", re.UNICODE)
#: ar-event-gsr labels scored for detection (``ambiguous`` is left out).
_SCORED_LABELS = ("yes", "easy no", "difficult no", "hard no")


@lru_cache(maxsize=1)
def _stages(with_entities: bool = True):
    from marsad.streams.pipeline.events import EventStage

    stages = []
    if with_entities:
        from marsad.streams.pipeline.entities import EntityStage

        stages.append(EntityStage())
    stages.append(EventStage())
    return tuple(stages)


def make_doc(text: str, language: str, published_at: datetime = _PUB, doc_id: str = "eval") -> Doc:
    return Doc(
        article=RawArticle(id=doc_id, outlet="eval", title="", body=text, published_at=published_at),
        text=text,
        body_start=0,
        folded=FoldedText(text, tuple(range(len(text) + 1))),
        language=language,
    )


def entity_stage_used() -> bool:
    return any(st.name != "events.v1" for st in _stages())


def run_stage(text: str, language: str, with_entities: bool = True) -> Doc:
    doc = make_doc(text, language)
    for stage in _stages(with_entities):  # as the service runs them: a broken stage fails the evaluation
        doc = stage(doc)
    return doc


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def detection_scores(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    tn = len(gold) - tp - fp - fn
    return {**_prf(tp, fp, fn), "counts": {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "n": len(gold)}}


def _event_type_of(path: Path, rows: list[dict]) -> str:
    types = {r.get("event_type", "").strip().upper() for r in rows} - {""}
    if len(types) == 1:
        return types.pop()
    return "PROTEST" if "protest" in path.name.lower() else "ASSAULT"


def predicts(doc: Doc, event_type: str) -> bool:
    return any(e.type == event_type and e.status != "denied" for e in doc.events)


def single_annotator_scores(rows: list[dict]) -> dict | None:
    """Expected precision, recall and F1 of one annotator drawn at random, against the file's
    labels (``accept`` of ``total`` annotators said yes): how far a human gets on these labels.
    'yes' needs every annotator, so one annotator recalls all of them; a 'difficult no' is a
    false positive for each annotator who accepted it. None where the vote columns are missing."""
    tp = fp = fn = 0.0
    for r in rows:
        label = r.get("label", "").strip().lower()
        if label not in _SCORED_LABELS:
            continue
        try:
            share = float(r["accept"]) / float(r["total"])
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            return None
        if label == "yes":
            tp, fn = tp + share, fn + 1.0 - share
        else:
            fp += share
    if not tp:
        return None
    p, r_ = tp / (tp + fp), tp / (tp + fn)
    return {"precision": round(p, 4), "recall": round(r_, 4), "f1": round(2 * p * r_ / (p + r_), 4)}


def evaluate_events(path: Path, fmt: str) -> dict:
    path = Path(path)
    if fmt == "ar-event-gsr":
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        event_type = _event_type_of(path, rows)
        gold, pred = [], []
        for r in rows:
            label = r["label"].strip().lower()
            if label not in _SCORED_LABELS:
                continue
            gold.append(label == "yes")
            pred.append(predicts(run_stage(r["text"], "ar"), event_type))
        return {"format": fmt, "event_type": event_type, **detection_scores(gold, pred),
                "single_annotator": single_annotator_scores(rows), "entity_stage": entity_stage_used()}
    if fmt == "wikievents":
        return {"format": fmt, "event_type": "ASSAULT", **wikievents_detection(_json_lines(path), lambda text: run_stage(text, "en").events),
                "entity_stage": entity_stage_used()}
    if fmt == "plover-gsr":
        records = json.loads(path.read_text(encoding="utf-8"))
        return {**plover_scores(records, lambda text: run_stage(text, "en").events), "entity_stage": entity_stage_used()}
    raise ValueError(f"unknown format {fmt!r}")


def _content_words(text: str) -> set[str]:
    stop = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "s"}
    return {w.lower() for w in _WORD.findall(text)} - stop


def actor_match(system: list[str], gold: list[str]) -> bool:
    sw = set().union(*(_content_words(s) for s in system)) if system else set()
    return any(_content_words(g) & sw for g in gold)


def _gold_actors(value) -> list[str]:
    if not value or isinstance(value, str):
        return [value] if isinstance(value, str) and value.strip() else []
    return [a.get("actorText", "") for a in value if a.get("actorText")]


def plover_scores(records: list[dict], extract) -> dict:
    n = correct = 0
    roles = {"source": [0, 0], "target": [0, 0]}
    confusion: dict[str, dict[str, int]] = {}
    for rec in records:
        gold_type = rec.get("event", "")
        if gold_type == "DOCUMENT" or not rec.get("text"):
            continue
        gold_type = PLOVER_2021.get(gold_type, gold_type)
        events = list(extract(rec["text"]))
        best = max(events, key=lambda e: e.confidence) if events else None
        got = best.type if best else "NONE"
        n += 1
        correct += got == gold_type
        confusion.setdefault(gold_type, {}).setdefault(got, 0)
        confusion[gold_type][got] += 1
        for role, field in (("source", "source_actors"), ("target", "target_actors")):
            gold = _gold_actors(rec.get(role))
            if not gold:
                continue
            roles[role][1] += 1
            if best is not None and actor_match([a.text for a in getattr(best, field)], gold):
                roles[role][0] += 1
    hit = roles["source"][0] + roles["target"][0]
    tot = roles["source"][1] + roles["target"][1]
    return {
        "format": "plover-gsr",
        "type_accuracy": round(correct / n, 4) if n else 0.0,
        "actor_match": round(hit / tot, 4) if tot else 0.0,
        "source_match": round(roles["source"][0] / roles["source"][1], 4) if roles["source"][1] else 0.0,
        "target_match": round(roles["target"][0] / roles["target"][1], 4) if roles["target"][1] else 0.0,
        "counts": {"records": n, "type_correct": correct, "actor_roles": tot, "actor_roles_matched": hit},
        "confusion": confusion,
    }


# ------------------------------------------------------------------ Arabic actor spans
_AR_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


def ar_norm_tokens(text: str) -> set[str]:
    from marsad.streams.pipeline.events.text import fold

    out = set()
    for w in _WORD.findall(fold(text).text):
        for p in _AR_CLITICS:
            if w.startswith(p) and len(w) - len(p) >= 2:
                w = w[len(p):]
                break
        if len(w) >= 2:
            out.add(w)
    return out


def role_correct(system: list[str], gold: str, annotator_spans: list[list[str]]) -> bool:
    sys_tokens = set().union(*(ar_norm_tokens(s) for s in system)) if system else set()
    if gold.strip():
        return bool(sys_tokens & ar_norm_tokens(gold))
    if not system:
        return True
    return any(sys_tokens & ar_norm_tokens(" ".join(span)) for span in annotator_spans if span)


def score_actor_records(records: list[dict], events_for) -> dict:
    both = src = tgt = 0
    both_ne = n_ne = 0
    for rec in records:
        event_type = rec.get("event_type", "ASSAULT")
        events = [e for e in events_for(rec["text"]) if e.type == event_type] or []
        spans = rec.get("spans", [])
        src_spans = [s.get("source_actor", []) for s in spans]
        tgt_spans = [s.get("target_actor", []) for s in spans]
        best = (False, False)
        candidates = events or [None]
        for e in candidates:
            s_ok = role_correct([a.text for a in e.source_actors] if e else [], rec.get("source_gold", ""), src_spans)
            t_ok = role_correct([a.text for a in e.target_actors] if e else [], rec.get("target_gold", ""), tgt_spans)
            if (s_ok + t_ok, s_ok) > (best[0] + best[1], best[0]):
                best = (s_ok, t_ok)
        src += best[0]
        tgt += best[1]
        both += best[0] and best[1]
        if rec.get("source_gold", "").strip() and rec.get("target_gold", "").strip():
            n_ne += 1
            both_ne += best[0] and best[1]
    n = len(records)
    return {
        "both_correct": round(both / n, 4) if n else 0.0,
        "source": round(src / n, 4) if n else 0.0,
        "target": round(tgt / n, 4) if n else 0.0,
        "both_correct_nonempty": round(both_ne / n_ne, 4) if n_ne else 0.0,
        "records": n,
        "records_nonempty": n_ne,
    }


#: WikiEvents (KAIROS) event types that PLOVER codes as ASSAULT, and their argument roles.
WIKIEVENTS_ATTACKS = ("Conflict.Attack", "Life.Die", "Life.Injure")
WIKIEVENTS_SOURCE_ROLES = frozenset({"Attacker", "Killer", "Injurer"})
WIKIEVENTS_TARGET_ROLES = frozenset({"Target", "Victim"})


def _json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _sentence_attacks(doc: dict, idx: int) -> list[dict]:
    """The gold attack, death and injury mentions of sentence ``idx``."""
    return [m for m in doc["event_mentions"] if m["trigger"]["sent_idx"] == idx and m["event_type"].startswith(WIKIEVENTS_ATTACKS)]


def wikievents_scores(docs: list[dict], events_for) -> dict:
    """Share of the gold attacks' attacker and target/victim arguments that the stage's ASSAULT
    events in the same sentence name (a shared content word, as :func:`actor_match`)."""
    hit = {"source": 0, "target": 0}
    total = {"source": 0, "target": 0}
    for doc in docs:
        for idx, sentence in enumerate(doc["sentences"]):
            gold = _sentence_attacks(doc, idx)
            if not gold:
                continue
            events = [e for e in events_for(sentence[1]) if e.type == "ASSAULT"]
            for mention in gold:
                for role, roles, field in (("source", WIKIEVENTS_SOURCE_ROLES, "source_actors"), ("target", WIKIEVENTS_TARGET_ROLES, "target_actors")):
                    texts = [a["text"] for a in mention["arguments"] if a["role"] in roles]
                    if texts:
                        total[role] += 1
                        hit[role] += any(actor_match([a.text for a in getattr(e, field)], texts) for e in events)
    return {**{role: round(hit[role] / total[role], 4) if total[role] else 0.0 for role in hit},
            "arguments": total, "matched": hit}


def wikievents_detection(docs: list[dict], events_for) -> dict:
    """Sentence-level ASSAULT detection: a sentence is positive when it holds a gold attack,
    death or injury (:data:`WIKIEVENTS_ATTACKS`), predicted when the stage finds an ASSAULT in
    it (read alone, as the other WikiEvents measures do). KAIROS annotates every event of these
    documents, so this is the English precision the PLOVER records (all events) cannot show."""
    gold, pred = [], []
    for doc in docs:
        for idx, sentence in enumerate(doc["sentences"]):
            gold.append(bool(_sentence_attacks(doc, idx)))
            pred.append(any(e.type == "ASSAULT" and e.status != "denied" for e in events_for(sentence[1])))
    return detection_scores(gold, pred)


def evaluate_actors(path: Path, fmt: str = "ar-event-gsr-spans") -> dict:
    if fmt == "wikievents":
        return {"format": fmt, **wikievents_scores(_json_lines(path), lambda text: run_stage(text, "en").events), "entity_stage": entity_stage_used()}
    if fmt != "ar-event-gsr-spans":
        raise ValueError(f"unknown format {fmt!r} (supported: 'ar-event-gsr-spans', 'wikievents')")
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    for r in records:
        if not r.get("event_type"):
            r["event_type"] = "PROTEST" if "protest" in Path(path).name.lower() else "ASSAULT"
    return {"format": fmt, **score_actor_records(records, lambda text: run_stage(text, "ar").events), "entity_stage": entity_stage_used()}
