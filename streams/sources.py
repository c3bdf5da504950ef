"""Reads articles from files for ``marsad produce``, ``marsad process`` and the benchmark.

Formats, chosen by file name: ``.jsonl``/``.ndjson`` (one article per line), ``.json`` (an
article or a list of articles), ``.txt`` (plain text: one article, id from the file name),
``.zip`` of JSON lists in the SaudiNewsNet layout, and directories (read recursively, sorted).
Messages are yielded as raw bytes: validation is the pipeline's job, so a broken record still
reaches the dead-letter topic with its reason instead of failing the reader.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson

from marsad.streams.errors import MarsadError

SUFFIXES = {".jsonl", ".ndjson", ".json", ".txt", ".zip"}


def iter_messages(paths: list[Path], limit: int | None = None) -> Iterator[tuple[bytes | None, bytes]]:
    """Yield ``(key, value)`` raw messages; the key is the article id when one can be read."""
    count = 0
    for path in _expand(paths):
        for key, value in _read(path):
            yield key, value
            count += 1
            if limit is not None and count >= limit:
                return


def _expand(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if not path.exists():
            raise MarsadError(f"{path}: no such file or directory")
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.suffix.lower() in SUFFIXES:
            yield path
        else:
            raise MarsadError(f"{path}: unknown format; use .jsonl, .json, .txt, .zip or a directory")


def _read(path: Path) -> Iterator[tuple[bytes | None, bytes]]:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        with path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    yield _key_of(line), line.rstrip(b"\r\n")
    elif suffix == ".json":
        data = path.read_bytes()
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError:
            yield None, data  # let the pipeline dead-letter it with the parser's message
            return
        for item in parsed if isinstance(parsed, list) else [parsed]:
            yield _id_bytes(item), orjson.dumps(item)
    elif suffix == ".txt":
        text = path.read_text(encoding="utf-8", errors="replace")
        mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        article = {"id": path.stem, "outlet": "local-file", "title": "", "body": text,
                   "published_at": mtime.isoformat(), "metadata": {"path": str(path)}}
        yield path.stem.encode(), orjson.dumps(article)
    elif suffix == ".zip":
        yield from _read_saudinewsnet(path)


def _read_saudinewsnet(path: Path) -> Iterator[tuple[bytes | None, bytes]]:
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".json"):
                continue
            for item in orjson.loads(archive.read(name)):
                yield _from_saudinewsnet(item)


def _from_saudinewsnet(item: dict) -> tuple[bytes, bytes]:
    url = item.get("url") or ""
    article_id = "snn-" + hashlib.sha1(f"{item.get('source')}|{url}|{item.get('title')}".encode()).hexdigest()[:20]
    published = (item.get("date_extracted") or "2015-07-21 00:00:00").replace(" ", "T") + "+03:00"
    article = {"id": article_id, "url": url or None, "outlet": item.get("source") or "unknown",
               "title": item.get("title") or "", "body": item.get("content") or "",
               "published_at": published, "language": "ar",
               "metadata": {"author": item.get("author") or "", "corpus": "SaudiNewsNet"}}
    return article_id.encode(), orjson.dumps(article)


def _key_of(line: bytes) -> bytes | None:
    try:
        return _id_bytes(orjson.loads(line))
    except orjson.JSONDecodeError:
        return None


def _id_bytes(item: object) -> bytes | None:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return item["id"].encode()
    return None
