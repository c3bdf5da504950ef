"""Loads the event-extraction resources under ``streams/resources/events/`` (see its README)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "events"
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)


@dataclass(frozen=True, slots=True)
class Trigger:
    pattern: str  # folded Arabic stem (may contain spaces) or stemmed English words
    type: str
    mode: str | None
    weight: float
    pos: str = "X"  # Arabic: V / N / X
    frame: str = "trans"  # Arabic argument frame, English polarity


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (RESOURCE_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def _check(row: list[str], n: int, name: str) -> None:
    if len(row) != n:
        raise ValueError(f"{name}: expected {n} columns, got {row!r}")


@lru_cache(maxsize=1)
def triggers_ar() -> tuple[Trigger, ...]:
    out = []
    for row in _rows("triggers_ar.tsv"):
        _check(row, 6, "triggers_ar.tsv")
        stem, pos, typ, mode, weight, frame = row
        if typ not in PLOVER_TYPES or pos not in {"V", "N", "X"}:
            raise ValueError(f"triggers_ar.tsv: bad row {row!r}")
        out.append(Trigger(stem, typ, None if mode == "-" else mode, float(weight), pos, frame))
    return tuple(out)


_EN_STEMMER = snowballstemmer.stemmer("english")


def en_stem(word: str) -> str:
    return _EN_STEMMER.stemWord(word.lower())


@lru_cache(maxsize=1)
def triggers_en() -> tuple[Trigger, ...]:
    out = []
    for row in _rows("triggers_en.tsv"):
        _check(row, 5, "triggers_en.tsv")
        pattern, typ, mode, weight, polarity = row
        if typ not in PLOVER_TYPES:
            raise ValueError(f"triggers_en.tsv: bad type {row!r}")
        stems = " ".join("~" if w == "~" else en_stem(w) for w in pattern.split())
        out.append(Trigger(stems, typ, None if mode == "-" else mode, float(weight), "X", polarity))
    return tuple(out)


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    return json.loads((RESOURCE_DIR / name).read_text(encoding="utf-8"))


def cues(lang: str) -> dict:
    return load_json(f"cues_{'ar' if lang == 'ar' else 'en'}.json")


def timex(lang: str) -> dict:
    return load_json("timex.json")["ar" if lang == "ar" else "en"]


def quantities(lang: str) -> dict:
    return load_json("quantities.json")["ar" if lang == "ar" else "en"]


@lru_cache(maxsize=2)
def month_words(lang: str) -> frozenset[str]:
    """First words of the month names of timex.json ('كانون' of 'كانون الثاني', 'تموز')."""
    return frozenset(name.split()[0] for name in timex(lang)["months"])


@lru_cache(maxsize=2)
def weapon_modes(lang: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(mode, words) in the file's order of precedence; modes must be ``acled_map.tsv`` ASSAULT modes."""
    table = cues(lang)["weapon_modes"]
    known = {mode for typ, mode in acled_map() if typ == "ASSAULT"}
    out = []
    for mode, words in table.items():
        if mode.startswith("_"):
            continue
        if mode not in known:
            raise ValueError(f"cues_{lang}.json weapon_modes: {mode!r} is not an ASSAULT mode of acled_map.tsv")
        out.append((mode, frozenset(words)))
    return tuple(out)


@lru_cache(maxsize=2)
def weapon_words(lang: str) -> frozenset[str]:
    """Every word of ``weapon_modes`` (bomb, missiles, gunmen…; رصاص، قذيفة، عبوة…): a weapon named."""
    return frozenset(w for _, words in weapon_modes(lang) for w in words)


@lru_cache(maxsize=1)
def acled_map() -> dict[tuple[str, str], tuple[str, str]]:
    out = {}
    for row in _rows("acled_map.tsv"):
        _check(row, 4, "acled_map.tsv")
        out[(row[0], row[1])] = (row[2], row[3])
    return out


def acled_for(plover_type: str, mode: str | None) -> tuple[str | None, str | None]:
    table = acled_map()
    hit = table.get((plover_type, mode or "*")) or table.get((plover_type, "*"))
    return hit if hit else (None, None)


@lru_cache(maxsize=1)
def mode_refinements() -> dict[str, str]:
    """mode -> the broader mode it names a kind of (suicide-attack -> explosives)."""
    known = set(acled_map())
    out = {}
    for row in _rows("mode_refinements.tsv"):
        _check(row, 3, "mode_refinements.tsv")
        typ, mode, broader = row
        if (typ, mode) not in known or (typ, broader) not in known:
            raise ValueError(f"mode_refinements.tsv: {row!r} names a mode that acled_map.tsv lacks for {typ}")
        out[mode] = broader
    return out


#: ASSAULT modes that name what an attack did, not how it was done: 'طائرات التحالف قصفت مواقع
#: ... فضلا عن تدمير ثلاث سيارات' is one air strike that also destroyed cars.
OUTCOME_MODES = frozenset({"destroy"})


def modes_agree(a: str | None, b: str | None) -> bool:
    """Two modes can name one act: equal, one missing, one a kind of the other, or one an outcome."""
    refines = mode_refinements()
    return (not a or not b or a == b or a in OUTCOME_MODES or b in OUTCOME_MODES
            or refines.get(a) == b or refines.get(b) == a)


@lru_cache(maxsize=1)
def sub_event_refinements() -> dict[str, str]:
    """The ACLED sub-event types of :func:`mode_refinements` for ASSAULT (Suicide bomb ->
    Remote explosive/landmine/IED); pairs that map to one sub-event type are left out."""
    out = {}
    for mode, broader in mode_refinements().items():
        narrow, wide = acled_for("ASSAULT", mode)[1], acled_for("ASSAULT", broader)[1]
        if narrow != wide:
            out[narrow] = wide
    return out


def sub_events_agree(a: str | None, b: str | None) -> bool:
    """Two attacks' ACLED sub-event types can name one attack (equal, missing, or one a kind of the other)."""
    refines = sub_event_refinements()
    return not a or not b or a == b or refines.get(a) == b or refines.get(b) == a
