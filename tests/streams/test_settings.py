import pytest
from pydantic import ValidationError

from marsad.streams.errors import MarsadError
from marsad.streams.pipeline.registry import build_stages
from marsad.streams.settings import Settings


def test_settings_come_from_prefixed_environment_variables(monkeypatch):
    monkeypatch.setenv("MARSAD_TOPIC_PREFIX", "news")
    monkeypatch.setenv("MARSAD_PARTITIONS", "8")
    monkeypatch.setenv("MARSAD_STAGES", '["normalize","language"]')
    settings = Settings()
    assert settings.topic("events") == "news.events" and settings.partitions == 8
    assert settings.stages == ("normalize", "language")


def test_a_typo_in_an_enumerated_setting_fails_at_start_up(monkeypatch):
    monkeypatch.setenv("MARSAD_SECURITY_PROTOCOL", "SASL_PLAIN")
    with pytest.raises(ValidationError, match="SASL_PLAINTEXT"):
        Settings()


def test_unknown_stage_names_fail_with_the_known_list():
    with pytest.raises(MarsadError, match="known"):
        build_stages(Settings(stages=("normalize", "language", "nonsense")))
    with pytest.raises(MarsadError, match="must start"):
        build_stages(Settings(stages=("language",)))


def test_every_setting_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    missing = [f"MARSAD_{name.upper()}" for name in Settings.model_fields if f"`MARSAD_{name.upper()}`" not in readme]
    assert not missing, f"document these settings in README.md: {missing}"
