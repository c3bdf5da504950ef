"""Broker security settings reach Faust (``broker_credentials``) and the CLI's aiokafka clients
(``client_options``) for every protocol, and the SASL password never shows in reprs or logs."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import shutil
import ssl
import subprocess
from pathlib import Path

import faust
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from faust.auth import SSLCredentials
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from faust.types.auth import to_credentials

from marsad.streams.admin import client_options
from marsad.streams.app import broker_credentials, create_app
from marsad.streams.errors import MarsadError
from marsad.streams.settings import Settings

PASSWORD = "s3cret-Pa55word"
MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


def settings(**values) -> Settings:
    return Settings(_env_file=None, brokers="kafka://127.0.0.1:9093", **values)


@pytest.fixture(scope="module")
def tls(tmp_path_factory) -> dict[str, Path]:
    """A throwaway CA and a leaf certificate (IP SAN 127.0.0.1) signed by it, made with openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not on PATH")
    d = tmp_path_factory.mktemp("tls")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=marsad-test-ca")
    openssl("req", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=127.0.0.1")
    (d / "san.ext").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "leaf.pem", "-days", "2", "-extfile", "san.ext")
    return {"ca": d / "ca.pem", "cert": d / "leaf.pem", "key": d / "leaf.key"}


def tls_settings(tls, protocol: str, **values) -> Settings:
    return settings(security_protocol=protocol, ssl_cafile=tls["ca"], ssl_certfile=tls["cert"],
                    ssl_keyfile=tls["key"], **values)


def handshake(client: ssl.SSLContext, tls) -> str:
    """Mutual TLS with a local server that trusts the same CA: proves the context's CA and client cert."""
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(tls["ca"]))
    server.load_cert_chain(str(tls["cert"]), str(tls["key"]))
    server.verify_mode = ssl.CERT_REQUIRED

    async def run() -> str:
        peers: list[str] = []

        async def serve(reader, writer):
            peers.append(dict(x[0] for x in writer.get_extra_info("peercert")["subject"])["commonName"])
            writer.close()

        srv = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=server)
        port = srv.sockets[0].getsockname()[1]
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client)
            await reader.read()
            writer.close()
        finally:
            srv.close()
            await srv.wait_closed()
        return peers[0]

    return asyncio.run(run())


def accepted_by_aiokafka(options: dict) -> None:
    """aiokafka validates the option names and the SASL values when a client is built (in a loop)."""

    async def build() -> None:
        await AIOKafkaAdminClient(**options).close()

    asyncio.run(build())


def test_plaintext_has_no_credentials():
    s = settings()
    assert broker_credentials(s) is None
    assert client_options(s) == {"bootstrap_servers": "127.0.0.1:9093", "security_protocol": "PLAINTEXT"}
    assert credentials_to_aiokafka_auth(create_app(s).conf.broker_credentials) == {"security_protocol": "PLAINTEXT"}


def test_ssl_context_trusts_the_ca_and_presents_the_client_certificate(tls):
    s = tls_settings(tls, "SSL")
    context = broker_credentials(s)
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert handshake(context, tls) == "127.0.0.1"
    options = client_options(s)
    assert options["security_protocol"] == "SSL" and isinstance(options["ssl_context"], ssl.SSLContext)
    assert "sasl_mechanism" not in options
    creds = create_app(s).conf.broker_credentials
    assert isinstance(creds, SSLCredentials)
    assert credentials_to_aiokafka_auth(creds)["security_protocol"] == "SSL"


def test_ssl_with_only_a_ca_file_verifies_the_broker(tls):
    context = broker_credentials(settings(security_protocol="SSL", ssl_cafile=tls["ca"]))
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert any(dict(x[0] for x in c["subject"])["commonName"] == "marsad-test-ca" for c in context.get_ca_certs())


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_sasl_plaintext(mechanism):
    s = settings(security_protocol="SASL_PLAINTEXT", sasl_mechanism=mechanism, sasl_username="marsad",
                 sasl_password=PASSWORD)
    creds = broker_credentials(s)
    assert isinstance(creds, faust.SASLCredentials)
    assert (creds.username, creds.password, creds.mechanism.value) == ("marsad", PASSWORD, mechanism)
    assert creds.ssl_context is None
    expected = {"security_protocol": "SASL_PLAINTEXT", "sasl_mechanism": mechanism,
                "sasl_plain_username": "marsad", "sasl_plain_password": PASSWORD, "ssl_context": None}
    # What Faust hands aiokafka and what the CLI hands aiokafka are the same.
    assert credentials_to_aiokafka_auth(to_credentials(creds)) == expected
    options = client_options(s)
    assert options == {"bootstrap_servers": "127.0.0.1:9093", **expected}
    accepted_by_aiokafka(options)


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_sasl_ssl(tls, mechanism):
    s = tls_settings(tls, "SASL_SSL", sasl_mechanism=mechanism, sasl_username="marsad", sasl_password=PASSWORD)
    creds = broker_credentials(s)
    assert creds.protocol.value == "SASL_SSL" and creds.mechanism.value == mechanism
    assert handshake(creds.ssl_context, tls) == "127.0.0.1"
    auth = credentials_to_aiokafka_auth(create_app(s).conf.broker_credentials)
    assert auth["security_protocol"] == "SASL_SSL" and isinstance(auth["ssl_context"], ssl.SSLContext)
    options = client_options(s)
    assert options["security_protocol"] == "SASL_SSL" and options["sasl_mechanism"] == mechanism
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    accepted_by_aiokafka(options)


def test_sasl_ssl_without_a_ca_file_uses_the_system_trust_store():
    creds = broker_credentials(settings(security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-512",
                                        sasl_username="marsad", sasl_password=PASSWORD))
    assert creds.protocol.value == "SASL_SSL"
    assert creds.ssl_context.verify_mode == ssl.CERT_REQUIRED and creds.ssl_context.check_hostname


@pytest.mark.parametrize("missing", ["sasl_username", "sasl_password"])
def test_sasl_without_username_or_password_is_a_clear_error(missing):
    values = {"sasl_username": "marsad", "sasl_password": PASSWORD}
    del values[missing]
    s = settings(security_protocol="SASL_PLAINTEXT", **values)
    with pytest.raises(MarsadError, match="MARSAD_SASL_USERNAME and MARSAD_SASL_PASSWORD"):
        broker_credentials(s)
    with pytest.raises(MarsadError):
        client_options(s)


def test_unreadable_tls_files_are_a_clear_error(tmp_path):
    with pytest.raises(MarsadError, match="MARSAD_SSL_CAFILE"):
        broker_credentials(settings(security_protocol="SSL", ssl_cafile=tmp_path / "missing.pem"))


def test_an_unknown_mechanism_fails_with_the_allowed_list():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="SCRAM-SHA-512"):
        settings(security_protocol="SASL_PLAINTEXT", sasl_mechanism="SCRAM-SHA-1")


def test_the_password_never_shows_in_reprs_or_logs(monkeypatch):
    from marsad.streams.logs import JsonFormatter

    monkeypatch.setenv("MARSAD_SASL_PASSWORD", PASSWORD)
    s = Settings(_env_file=None, security_protocol="SASL_PLAINTEXT", sasl_mechanism="SCRAM-SHA-256",
                 sasl_username="marsad")
    assert s.sasl_password.get_secret_value() == PASSWORD
    creds = broker_credentials(s)
    for text in (repr(s), str(s), s.model_dump_json(), json.dumps(s.model_dump(mode="json")), repr(creds)):
        assert PASSWORD not in text
    app = create_app(s)
    assert PASSWORD not in repr(app.conf.broker_credentials)

    for formatter in (JsonFormatter(), logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")):
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.setFormatter(formatter)
        log = logging.getLogger("marsad.test.security")
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        try:
            log.info("settings %s / %r", s, s, extra={"settings": s, "credentials": creds})
            log.info("credentials %r", creds)
        finally:
            log.removeHandler(handler)
        output = stream.getvalue()
        assert "marsad" in output and PASSWORD not in output
