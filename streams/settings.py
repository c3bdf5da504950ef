"""The one settings object. Every option is an environment variable with the ``MARSAD_`` prefix
(``MARSAD_BROKERS``, ``MARSAD_TOPIC_PREFIX`` ...) or a field of a ``.env`` file; enumerated
options are Literal types, so a typo fails at start-up with the list of allowed values."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_STATELESS_STAGES = ("normalize", "language", "sentences", "entities", "events")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARSAD_", env_file=".env", extra="ignore", frozen=True)

    # Broker and topics
    brokers: str = Field("kafka://127.0.0.1:9092", description="Comma-separated broker URLs (kafka://host:port).")
    topic_prefix: str = Field("marsad", description="Prefix of every topic name.")
    partitions: int = Field(4, ge=1, description="Partitions of the topics Marsad creates.")
    replication: int = Field(1, ge=1, description="Replication factor of the topics Marsad creates.")
    consumer_group: str = Field("marsad", description="Consumer group (Faust app id) of the workers.")
    state_dir: Path = Field(Path(".marsad-data"), description="Local table state (RocksDB/memory cache) folder.")
    store: str = Field("memory://", description="Faust table store: memory:// or rocksdb://.")
    session_timeout_s: float = Field(30.0, gt=0, description="Consumer group session timeout.")
    heartbeat_interval_s: float = Field(3.0, gt=0, description="Consumer heartbeat interval.")
    table_standby_replicas: int = Field(
        0, ge=0, description="Standby copies of each table partition on other workers. Keep 0: with faust-streaming "
                             "0.15 a standby turning active can wait for good (README, Rebalances).")
    stall_rewind_s: float = Field(
        60.0, ge=0, description="An input partition whose commit has not moved for this long while records "
                                "wait is read again from its committed offset, and a changelog partition that table recovery "
                                "stopped receiving is read again from the last record applied; 0 = never "
                                "(marsad.streams.stalls).")
    web_port: int = Field(6066, ge=0, le=65535, description="Worker HTTP port (/metrics, /health, /ready).")
    web_host: str = Field("127.0.0.1", description="Worker HTTP bind address.")

    # Security
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="How clients talk to the brokers.")
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        "PLAIN", description="SASL mechanism (with SASL_* protocols).")
    sasl_username: str | None = Field(None, description="SASL user name.")
    sasl_password: SecretStr | None = Field(None, description="SASL password (never logged).")
    ssl_cafile: Path | None = Field(None, description="CA bundle that signed the brokers' certificates.")
    ssl_certfile: Path | None = Field(None, description="Client certificate (mutual TLS).")
    ssl_keyfile: Path | None = Field(None, description="Client private key (mutual TLS).")

    # Input limits and pipeline
    max_article_bytes: int = Field(1_000_000, ge=1024, description="Larger raw messages are dead-lettered (too_large).")
    languages: tuple[str, ...] = Field(("ar", "en", "fr", "es", "de", "it", "nl", "tr"),
                                       description="Languages the pipeline reads; others are dead-lettered.")
    min_language_confidence: float = Field(0.3, ge=0, le=1,
                                           description="Below this, the producer's language hint wins.")
    stages: tuple[str, ...] = Field(DEFAULT_STATELESS_STAGES, description="Stateless stages, in order.")
    batch_size: int = Field(64, ge=1, description="Articles per batch sent to the NLP process pool.")
    batch_wait_s: float = Field(0.2, gt=0, description="Longest wait to fill a batch.")
    pipeline_processes: int = Field(1, ge=0, description="NLP worker processes per Marsad worker (0 = in a thread); "
                                                          "each batch is split over them.")
    native_threads: int = Field(1, ge=1, description="BLAS/OpenMP threads per process (numpy); Marsad parallelises "
                                                     "with processes, so more threads only contend.")
    max_poll_records: int = Field(100, ge=1, description="Most records one consumer poll returns: bounds the work "
                                                         "the event loop does between two chances to run other tasks.")
    processing_guarantee: Literal["at_least_once", "exactly_once"] = Field(
        "at_least_once", description="at_least_once: a crash may re-emit identical records (idempotent keys). "
                                     "exactly_once (Kafka transactions) is measured to stall the enrich agent "
                                     "(bench/bench_guarantee.py); it exists to repeat that measurement.")

    # Dedup
    dedup_blocking: Literal["global", "country"] = Field(
        "global", description="Routing of the dedup step: one partition for all (never splits a story) or by "
                              "primary country (scales further, but a story spanning countries can split).")
    copy_threshold: float = Field(0.8, gt=0, le=1, description="Estimated Jaccard of shingles above which an article is a copy.")
    story_window_hours: float = Field(72.0, gt=0, description="Publication-time window after which stories close.")

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Worker log level.")
    log_format: Literal["json", "text"] = Field("json", description="Worker log lines: JSON objects or text.")

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}.{name}"

    @property
    def broker_list(self) -> list[str]:
        return [b.strip() for b in self.brokers.split(",") if b.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
