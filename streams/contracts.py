"""The AsyncAPI 3 document of every Marsad channel, generated from the topic list and the
published models, and the export of all contract files (``marsad schemas export``)."""

from __future__ import annotations

from pathlib import Path

from marsad.schemas.base import SCHEMA_VERSION
from marsad.schemas.export import SCHEMA_DIR, export_schemas, render
from marsad.streams.topics import TOPICS

ASYNCAPI_FILE = "asyncapi.json"


def asyncapi(prefix: str = "marsad") -> dict:
    channels, operations, messages = {}, {}, {}
    for spec in TOPICS:
        cid = spec.name.replace(".", "_")
        message_id = f"{cid}_message"
        payload = ({"$ref": f"./json/{spec.schema}"} if spec.schema else
                   {"type": "object", "description": "Internal; not a published contract."})
        messages[message_id] = {"name": message_id, "contentType": "application/json",
                                "summary": spec.description, "payload": payload,
                                "bindings": {"kafka": {"key": {"type": "string", "description": spec.key}}}}
        channels[cid] = {
            "address": f"{prefix}.{spec.name}",
            "description": spec.description,
            "messages": {message_id: {"$ref": f"#/components/messages/{message_id}"}},
            "bindings": {"kafka": {"topic": f"{prefix}.{spec.name}", "partitions": 4, "replicas": 1,
                                   "topicConfiguration": {"cleanup.policy": [spec.cleanup_policy]}}},
            "x-producers": list(spec.producers),
            "x-consumers": list(spec.consumers),
        }
        action = "receive" if spec.name == "articles.raw" else "send"
        operations[f"{action}_{cid}"] = {"action": action, "channel": {"$ref": f"#/channels/{cid}"},
                                         "summary": f"{'Marsad consumes' if action == 'receive' else 'Marsad publishes'} {spec.name}"}
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "Marsad", "version": f"{SCHEMA_VERSION}.0.0",
                 "description": "Topics of the Marsad news-event stream processor. Topic names carry the "
                                "MARSAD_TOPIC_PREFIX (default 'marsad'); partitions and replicas are the defaults "
                                "(MARSAD_PARTITIONS, MARSAD_REPLICATION)."},
        "defaultContentType": "application/json",
        "servers": {"kafka": {"host": "localhost:9092", "protocol": "kafka"}},
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }


def export_all(folder: Path | None = None) -> list[Path]:
    json_dir = (folder / "json") if folder else SCHEMA_DIR
    written = export_schemas(json_dir)
    target = json_dir.parent / ASYNCAPI_FILE
    target.write_text(render(asyncapi()), encoding="utf-8")
    return [*written, target]
