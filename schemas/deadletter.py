"""Dead letters: input Marsad could not process, kept with the reason and the original bytes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from marsad.schemas.base import Record

DeadLetterReason = Literal[
    "malformed_json",   # not parseable as JSON
    "invalid_utf8",     # bytes are not UTF-8
    "schema_invalid",   # JSON, but wrong types or missing fields
    "empty_body",       # body missing, empty or only whitespace
    "too_large",        # over MARSAD_MAX_ARTICLE_BYTES
    "unsupported_language",  # a language the pipeline cannot read
    "stage_error",      # an exception inside a pipeline stage (a bug: please report it)
]


class DeadLetter(Record):
    """What Marsad publishes on ``<prefix>.deadletter`` (key: the input key, if any)."""

    reason: DeadLetterReason
    message: str = Field(description="What went wrong and what to do about it.")
    stage: str | None = Field(default=None, description="The stage that failed, if any.")
    error_type: str | None = None
    original: str = Field(description="The input as text, or base64 when not valid UTF-8.")
    original_encoding: Literal["utf-8", "base64"]
    original_size: int = Field(ge=0)
    article_id: str | None = None
    source_topic: str | None = None
    source_partition: int | None = None
    source_offset: int | None = None
    received_at: datetime
