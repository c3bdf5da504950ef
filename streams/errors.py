"""One catalogue of user-facing errors. Each says what went wrong and what to do."""

from __future__ import annotations

from marsad.schemas.deadletter import DeadLetterReason


class MarsadError(Exception):
    """An error a user can act on; the CLI prints it as one line, without a traceback."""


class RejectedInput(Exception):
    """Input the pipeline cannot process: it becomes a dead letter with this reason."""

    def __init__(self, reason: DeadLetterReason, message: str, stage: str | None = None):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.stage = stage


#: Dead-letter messages: what happened and what the producer should do.
DEAD_LETTER_HELP: dict[DeadLetterReason, str] = {
    "malformed_json": "The message is not valid JSON. Publish one JSON object per message.",
    "invalid_utf8": "The message is not UTF-8. Encode articles as UTF-8 JSON.",
    "schema_invalid": "The JSON does not match the article contract (schemas/json/article.raw.v1.schema.json).",
    "empty_body": "The article has no body text. Publish articles with a non-empty 'body'.",
    "too_large": "The message exceeds MARSAD_MAX_ARTICLE_BYTES. Split it or raise the limit.",
    "unsupported_language": "The language is not one MARSAD_LANGUAGES lists. Add it there if the pipeline should read it.",
    "stage_error": "A pipeline stage failed on this article. This is a Marsad bug: report it with this record.",
}


def no_broker(url: str) -> MarsadError:
    return MarsadError(f"cannot reach a Kafka broker at {url}: start one, set MARSAD_BROKERS, "
                       "or try 'marsad demo', which runs an embedded broker")
