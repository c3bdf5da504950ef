"""The committed contract files must match the models: regenerate with `marsad schemas export`."""

import json

from marsad.schemas.export import PUBLISHED, SCHEMA_DIR, json_schema, render, schema_filename
from marsad.streams.contracts import ASYNCAPI_FILE, asyncapi
from marsad.streams.topics import TOPICS


def test_committed_json_schemas_match_the_models():
    for stem in PUBLISHED:
        path = SCHEMA_DIR / schema_filename(stem)
        assert path.exists(), f"{path.name} missing: run 'marsad schemas export'"
        assert path.read_text(encoding="utf-8") == render(json_schema(stem)), \
            f"{path.name} drifted from the model: run 'marsad schemas export' and commit"


def test_committed_asyncapi_matches_the_topics():
    path = SCHEMA_DIR.parent / ASYNCAPI_FILE
    assert path.read_text(encoding="utf-8") == render(asyncapi()), "run 'marsad schemas export' and commit"


def test_asyncapi_describes_every_topic_with_key_schema_and_cleanup_policy():
    document = asyncapi()
    assert document["asyncapi"].startswith("3.")
    addresses = {c["address"]: c for c in document["channels"].values()}
    for spec in TOPICS:
        channel = addresses[f"marsad.{spec.name}"]
        assert channel["bindings"]["kafka"]["topicConfiguration"]["cleanup.policy"] == [spec.cleanup_policy]
        assert channel["x-producers"] and channel["x-consumers"]
        if spec.schema:
            assert (SCHEMA_DIR / spec.schema).exists()
    assert addresses["marsad.events"]["bindings"]["kafka"]["topicConfiguration"]["cleanup.policy"] == ["compact"]
    assert addresses["marsad.stories"]["bindings"]["kafka"]["topicConfiguration"]["cleanup.policy"] == ["compact"]


def test_every_record_schema_carries_the_schema_version():
    for stem in PUBLISHED:
        schema = json.loads((SCHEMA_DIR / schema_filename(stem)).read_text())
        assert "schema_version" in schema["properties"]
