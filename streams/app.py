"""The Faust application: one per worker process, configured from :class:`Settings`.

Agents live in ``marsad.streams.agents`` and are discovered at start-up, not listed here.
"""

from __future__ import annotations

import pkgutil
import ssl
from importlib import import_module

import faust

from marsad.streams import faust_fixes
from marsad.streams.errors import MarsadError
from marsad.streams.logs import logging_config
from marsad.streams.native import limit_native_threads
from marsad.streams.settings import Settings, get_settings


def broker_credentials(settings: Settings) -> faust.types.auth.CredentialsT | ssl.SSLContext | None:
    """Faust's ``broker_credentials`` from the security settings; misconfiguration is a :class:`MarsadError`."""
    context = None
    if settings.security_protocol in ("SSL", "SASL_SSL"):
        try:
            context = ssl.create_default_context(cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None)
            if settings.ssl_certfile:
                context.load_cert_chain(str(settings.ssl_certfile),
                                        str(settings.ssl_keyfile) if settings.ssl_keyfile else None)
        except (OSError, ssl.SSLError) as exc:
            raise MarsadError(f"cannot load the TLS files (MARSAD_SSL_CAFILE, MARSAD_SSL_CERTFILE, "
                              f"MARSAD_SSL_KEYFILE): {exc}") from None
    if settings.security_protocol.startswith("SASL"):
        if not settings.sasl_username or settings.sasl_password is None:
            raise MarsadError(f"MARSAD_SECURITY_PROTOCOL={settings.security_protocol} needs "
                              "MARSAD_SASL_USERNAME and MARSAD_SASL_PASSWORD")
        return faust.SASLCredentials(username=settings.sasl_username,
                                     password=settings.sasl_password.get_secret_value(),
                                     mechanism=settings.sasl_mechanism, ssl_context=context)
    return context


def create_app(settings: Settings) -> faust.App:
    limit_native_threads(settings.native_threads)  # the dedup step's numpy runs in this process
    faust_fixes.apply()
    return faust.App(
        settings.consumer_group,
        broker=settings.broker_list,
        broker_credentials=broker_credentials(settings),
        store=settings.store,
        datadir=str(settings.state_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        processing_guarantee=settings.processing_guarantee,
        broker_max_poll_records=settings.max_poll_records,
        stream_wait_empty=True,
        table_standby_replicas=settings.table_standby_replicas,
        web_enabled=settings.web_port > 0,
        web_port=settings.web_port or 6066,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        logging_config=logging_config(settings),
    )


def load_agents() -> list[str]:
    """Import every module of ``marsad.streams.agents`` (agents, tables, pages register on import).

    Faust's own autodiscovery logs an import error as a warning and starts anyway; a worker
    without its agents must not start, so discovery happens here and errors propagate.
    """
    from marsad.streams import agents

    names = [f"{agents.__name__}.{m.name}" for m in pkgutil.iter_modules(agents.__path__)]
    for name in names:
        import_module(name)
    return names


settings = get_settings()
app = create_app(settings)
