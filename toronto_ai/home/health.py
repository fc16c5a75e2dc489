"""Liveness of the parts the site depends on, for /healthz and load balancers."""

from __future__ import annotations

import logging
import uuid

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        logger.warning("healthz: database unreachable: %s", exc)
        connection.close()
        return "error"
    return "ok"


def check_cache() -> str:
    # A round trip of a fresh value under a key of its own (concurrent probes must not overwrite
    # each other): a cache that silently ignores errors fails here too.
    value = uuid.uuid4().hex
    key = f"healthz:probe:{value}"
    try:
        cache.set(key, value, timeout=10)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception as exc:
        logger.warning("healthz: cache unreachable: %s", exc)
        return "error"
    return "ok" if ok else "error"


def check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER and not settings.REDIS_URL:
        return "eager"
    timeout = settings.HEALTHCHECK_TIMEOUT
    try:
        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_connect_timeout=timeout, socket_timeout=timeout
        )
        client.ping()
    except Exception as exc:
        logger.warning("healthz: broker unreachable: %s", exc)
        return "error"
    return "ok"


def run_checks() -> dict[str, str]:
    return {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
