"""The multilingual knowledge base of actors (``streams/resources/kb/*.jsonl``).

Each line is one canonical entity::

    {"id": "kb:sdf", "type": "armed_group", "name_en": ..., "name_ar": ..., "name_fr": ...,
     "wikidata": "Q21000930" | null, "aliases": {"en": [...], "ar": [...], "fr": [...]},
     "countries": ["SY"], "context": [{"alias": "القوات المدعومة من الولايات المتحدة",
                                        "lang": "ar", "requires": {"country": ["SY"]}}]}

Names and aliases in every language go into one :class:`AliasIndex`, so ``قسد``, ``SDF`` and
``FDS`` all resolve to ``kb:sdf``. ``context`` aliases are generic phrases (``التنظيم``,
``قوات النظام``) that only link when the article's context satisfies ``requires`` (an entity
already mentioned, or a country in the article); the linker checks that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.streams.pipeline.entities.matcher import AliasIndex

KB_DIR = Path(__file__).resolve().parents[2] / "resources" / "kb"
KB_FILES = ("armed_groups", "governments", "organisations", "media", "persons")
ENTITY_TYPES = frozenset({"person", "organisation", "armed_group", "government", "location",
                          "facility"})


@dataclass(frozen=True, slots=True)
class KBEntry:
    id: str
    type: str
    name_en: str
    name_ar: str
    name_fr: str | None
    wikidata: str | None
    aliases: dict[str, tuple[str, ...]]
    countries: tuple[str, ...] = ()
    context: tuple[dict, ...] = ()


@dataclass(frozen=True, slots=True)
class KBPayload:
    entity_id: str
    requires: dict | None = None  # None: unconditional alias


@dataclass
class KnowledgeBase:
    entries: dict[str, KBEntry] = field(default_factory=dict)
    index: AliasIndex = field(default_factory=AliasIndex)

    def is_person(self, entity_id: str) -> bool:
        entry = self.get(entity_id)
        return entry is not None and entry.type == "person"

    def get(self, entity_id: str) -> KBEntry | None:
        return self.entries.get(entity_id)

    @classmethod
    def from_lines(cls, lines: list[dict]) -> KnowledgeBase:
        kb = cls()
        for raw in lines:
            entry = KBEntry(
                id=raw["id"], type=raw["type"], name_en=raw["name_en"], name_ar=raw["name_ar"],
                name_fr=raw.get("name_fr"), wikidata=raw.get("wikidata"),
                aliases={k: tuple(v) for k, v in (raw.get("aliases") or {}).items()},
                countries=tuple(raw.get("countries") or ()),
                context=tuple(raw.get("context") or ()),
            )
            if entry.id in kb.entries:
                raise ValueError(f"duplicate KB id {entry.id}")
            kb.entries[entry.id] = entry
            plain = KBPayload(entry.id)
            for name in (entry.name_en, entry.name_ar, entry.name_fr):
                if name:
                    kb.index.add(name, plain)
            for aliases in entry.aliases.values():
                for alias in aliases:
                    kb.index.add(alias, plain)
            for ctx in entry.context:
                kb.index.add(ctx["alias"], KBPayload(entry.id, ctx["requires"]))
        kb.index.build()
        return kb

    @classmethod
    def load(cls, directory: Path | None = None) -> KnowledgeBase:
        if directory is None:
            return _default_kb()
        return cls.from_lines(read_kb_lines(directory))


def read_kb_lines(directory: Path = KB_DIR) -> list[dict]:
    lines: list[dict] = []
    for name in KB_FILES:
        path = directory / f"{name}.jsonl"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    lines.append(json.loads(line))
    return lines


@lru_cache(maxsize=1)
def media_ids(directory: Path = KB_DIR) -> frozenset[str]:
    """Ids of the news agencies and outlets (``media.jsonl``): who reports a story, which most
    articles name whatever they report ('قالت وكالة الأنباء السعودية', 'Reuters reported')."""
    with (directory / "media.jsonl").open(encoding="utf-8") as fh:
        return frozenset(json.loads(line)["id"] for line in fh if line.strip())


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return KnowledgeBase.from_lines(read_kb_lines(KB_DIR))
