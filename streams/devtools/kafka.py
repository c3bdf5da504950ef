"""A local Apache Kafka (KRaft, one node, 127.0.0.1) for tests and benchmarks.

The broker's jars come from Maven Central through ``resources/kafka/pom.xml`` and are cached
(``MARSAD_KAFKA_CACHE``, default ``~/.cache/marsad/kafka``), so only the first run resolves
them. Needs Java 17+ and Maven on PATH. Never a production broker: one node, no replication.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POM = Path(__file__).resolve().parent.parent / "resources" / "kafka" / "pom.xml"
DEFAULT_CACHE = Path(os.environ.get("MARSAD_KAFKA_CACHE", Path.home() / ".cache" / "marsad" / "kafka"))


class KafkaUnavailable(RuntimeError):
    """Raised when the local broker cannot be provisioned or started."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def provision(cache: Path = DEFAULT_CACHE) -> Path:
    """Copy Kafka and its runtime dependencies into ``cache/lib`` (once) and return that folder."""
    lib = cache / "lib"
    marker = lib / ".complete"
    if marker.exists() and marker.read_text() == POM.read_text():
        return lib
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            raise KafkaUnavailable(f"'{tool}' is not on PATH: install Java 17+ and Maven to run a local Kafka")
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    cmd = ["mvn", "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
           f"-DoutputDirectory={lib}", "-DincludeScope=runtime"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise KafkaUnavailable(f"Maven could not fetch Kafka:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    marker.write_text(POM.read_text())
    return lib


@dataclass
class LocalKafka:
    """One KRaft broker+controller node. Use as a context manager or call start()/stop()."""

    port: int = field(default_factory=free_port)
    controller_port: int = field(default_factory=free_port)
    workdir: Path | None = None
    extra_config: dict[str, str] = field(default_factory=dict)
    #: Listener spec override, e.g. for SASL tests; default is one PLAINTEXT listener.
    listeners: dict[str, str] | None = None
    #: Extra ``StorageTool format`` arguments, e.g. ``["--add-scram", "SCRAM-SHA-256=[name=u,password=p]"]``.
    format_args: list[str] = field(default_factory=list)
    #: aiokafka client options of the readiness probe (security settings when the listener needs them).
    client_options: dict[str, Any] = field(default_factory=dict)
    jvm_opts: str = "-Xms256m -Xmx768m"
    _proc: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _config(self, logs: Path) -> str:
        cfg = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "inter.broker.listener.name": "PLAINTEXT",
            "log.dirs": str(logs),
            "num.partitions": "1",
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "4",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "true",
            "log.segment.bytes": str(64 * 1024 * 1024),
        }
        if self.listeners:
            cfg.update(self.listeners)
        cfg.update(self.extra_config)
        return "".join(f"{k}={v}\n" for k, v in cfg.items())

    def _java(self, lib: Path, main: str, *args: str, **kw) -> subprocess.Popen:
        log4j = self.workdir / "log4j2.properties"
        log4j.write_text("rootLogger.level=WARN\nrootLogger.appenderRef.f.ref=F\n"
                         "appender.f.type=File\nappender.f.name=F\n"
                         f"appender.f.fileName={self.workdir / 'kafka.log'}\n"
                         "appender.f.layout.type=PatternLayout\n"
                         "appender.f.layout.pattern=%d %p %c - %m%n\n")
        cmd = ["java", *self.jvm_opts.split(), f"-Dlog4j2.configurationFile={log4j}",
               "-cp", f"{lib}/*", main, *args]
        return subprocess.Popen(cmd, **kw)

    def start(self, timeout: float = 90.0) -> LocalKafka:
        lib = provision()
        if self.workdir is None:
            self.workdir = Path(tempfile.mkdtemp(prefix="marsad-kafka-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        props = self.workdir / "server.properties"
        logs = self.workdir / "data"
        fresh = not logs.exists()
        props.write_text(self._config(logs))
        if fresh:
            fmt = self._java(lib, "kafka.tools.StorageTool", "format", "-t",
                             "marsad-test-cluster-0001", "-c", str(props), *self.format_args,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            out, _ = fmt.communicate(timeout=120)
            if fmt.returncode != 0:
                raise KafkaUnavailable(f"kafka storage format failed: {out.decode()[-2000:]}")
        self._proc = self._java(lib, "kafka.Kafka", str(props),
                                stdout=open(self.workdir / "stdout.log", "ab"),
                                stderr=subprocess.STDOUT)
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise KafkaUnavailable(f"Kafka exited early; see {self.workdir}/stdout.log")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    pass
                if self._metadata_ok():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise KafkaUnavailable(f"Kafka did not become ready in {timeout:.0f}s; see {self.workdir}")

    def _metadata_ok(self) -> bool:
        """The port opens before the broker serves metadata; ask it for topics to be sure."""
        import asyncio

        from aiokafka.admin import AIOKafkaAdminClient

        async def probe() -> None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=3000,
                                        **self.client_options)
            await admin.start()
            try:
                await admin.list_topics()
            finally:
                await admin.close()

        try:
            asyncio.run(probe())
            return True
        except Exception:
            return False

    def stop(self, kill: bool = False) -> None:
        if self._proc is None:
            return
        if kill:
            self._proc.kill()
        else:
            self._proc.terminate()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._proc = None

    def restart(self) -> None:
        """Stop and start the same node on the same ports and data (broker-outage tests)."""
        self.stop()
        self.start()

    def __enter__(self) -> LocalKafka:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self.workdir and self.workdir.name.startswith("marsad-kafka-"):
            shutil.rmtree(self.workdir, ignore_errors=True)
