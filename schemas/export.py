"""JSON Schema exports of the published records, for consumers in other languages.

The files are committed under ``schemas/json/``; a test fails when they drift from the models.
Regenerate with ``marsad schemas export``.
"""

from __future__ import annotations

import json
from pathlib import Path

from marsad.schemas.article import EnrichedArticle, RawArticle
from marsad.schemas.base import SCHEMA_VERSION, Record
from marsad.schemas.deadletter import DeadLetter
from marsad.schemas.event import CanonicalEvent
from marsad.schemas.story import Story

SCHEMA_DIR = Path(__file__).resolve().parent / "json"

#: File stem (without ``.v<N>.schema.json``) -> model.
PUBLISHED: dict[str, type[Record]] = {
    "article.raw": RawArticle,
    "article.enriched": EnrichedArticle,
    "event": CanonicalEvent,
    "story": Story,
    "deadletter": DeadLetter,
}


def schema_filename(stem: str) -> str:
    return f"{stem}.v{SCHEMA_VERSION}.schema.json"


def json_schema(stem: str) -> dict:
    schema = PUBLISHED[stem].model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://marsad.dev/schemas/{schema_filename(stem)}", **schema}


def render(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem in PUBLISHED:
        path = folder / schema_filename(stem)
        path.write_text(render(json_schema(stem)), encoding="utf-8")
        written.append(path)
    return written
