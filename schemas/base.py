"""Common base of every published record: a schema version and orjson (de)serialisation."""

from __future__ import annotations

from typing import Any, Self

import orjson
from pydantic import BaseModel, ConfigDict

#: Major version of the published contracts. A change that could break a consumer (a field
#: removed, renamed or retyped) bumps it; adding an optional field does not.
SCHEMA_VERSION = 1


class Record(BaseModel):
    """Immutable published record; unknown fields are rejected so typos fail loudly."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = SCHEMA_VERSION

    def to_json(self) -> bytes:
        return orjson.dumps(self.model_dump(mode="json", exclude_none=False))

    @classmethod
    def from_json(cls, data: bytes | str) -> Self:
        return cls.model_validate(orjson.loads(data))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls.model_validate(data)
