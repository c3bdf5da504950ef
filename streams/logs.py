"""Structured logs: one JSON object per line with the article id and offset where known.

Article bodies and secrets never go into logs: records are referred to by id and offset.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import orjson

from marsad.streams.settings import Settings

_STANDARD = set(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, UTC).isoformat(), "level": record.levelname,
                 "logger": record.name, "msg": record.getMessage()}
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def logging_config(settings: Settings) -> dict:
    """``logging.config.dictConfig`` for workers; Faust applies it when the worker starts."""
    formatter = ({"()": "marsad.streams.logs.JsonFormatter"} if settings.log_format == "json"
                 else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"})
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}},
        "root": {"handlers": ["stderr"], "level": settings.log_level},
        "loggers": {"aiokafka": {"level": "WARNING"}},
    }
