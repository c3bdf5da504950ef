"""Helpers shared by the stateful story and event stages (JSON-compatible state)."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

import numpy as np


def stable_id(prefix: str, *parts: str, length: int = 20) -> str:
    """A short deterministic id: ``prefix`` + hex of SHA-256 over the parts."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{h[:length]}"


def encode_vec(vec: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(vec, dtype=np.float32).tobytes()).decode("ascii")


def decode_vec(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.float32).copy()


def parse_dt(value: str | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat()


def utcnow() -> datetime:
    return datetime.now(UTC)


def top_weights(weights: dict[str, float], n: int) -> dict[str, float]:
    """The ``n`` heaviest keys (ties: alphabetical), as a plain dict."""
    if len(weights) <= n:
        return dict(weights)
    keep = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return dict(keep)
