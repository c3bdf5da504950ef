"""Decoding and validation of raw messages: bytes in, a RawArticle out, or a dead-letter reason."""

from __future__ import annotations

import orjson
from pydantic import ValidationError

from marsad.schemas import RawArticle
from marsad.streams.errors import RejectedInput

STAGE = "validate.v1"


def decode_article(raw: bytes, max_bytes: int) -> RawArticle:
    if len(raw) > max_bytes:
        raise RejectedInput("too_large", f"message is {len(raw)} bytes; the limit (MARSAD_MAX_ARTICLE_BYTES) is {max_bytes}", STAGE)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput("invalid_utf8", f"not UTF-8 at byte {exc.start}: encode articles as UTF-8 JSON", STAGE) from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise RejectedInput("malformed_json", f"not valid JSON: {exc}", STAGE) from None
    if not isinstance(data, dict):
        raise RejectedInput("schema_invalid", f"expected a JSON object, got {type(data).__name__}", STAGE)
    body = data.get("body")
    if body is None or (isinstance(body, str) and not body.strip()):
        raise RejectedInput("empty_body", "the article has no body text ('body' is missing, empty or whitespace)", STAGE)
    try:
        return RawArticle.model_validate(data)
    except ValidationError as exc:
        raise RejectedInput("schema_invalid", _summarise(exc), STAGE) from None


def _summarise(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{where}: {err['msg']}")
    more = f" (+{exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
    return "invalid article: " + "; ".join(parts) + more
