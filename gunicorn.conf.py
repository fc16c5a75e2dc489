"""gunicorn settings for the web container; every value can be overridden from the environment.

Sync workers: the site is CPU-bound templating with short database queries, and the page cache
answers most anonymous traffic in a few milliseconds, so processes (not threads) scale it.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def default_workers(cpus: int) -> int:
    """2 × CPUs + 1 (gunicorn's rule of thumb), capped so a big host does not exhaust
    PostgreSQL connections (each worker holds one)."""
    return min(cpus * 2 + 1, 12)


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = _int("WEB_CONCURRENCY", default_workers(multiprocessing.cpu_count()))
threads = _int("GUNICORN_THREADS", 1)
# A request taking longer than this is killed (and logged): slow pages must not pile up.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Load Django once in the master and fork workers from it: a (re)started worker is ready in
# milliseconds instead of seconds of imports, and the code pages are shared between workers.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes", "on"}
# Recycle workers now and then so a slow leak can never take the site down; the jitter keeps
# them from restarting all at once under a steady load. Not too often: a cached page costs a
# millisecond, so at a launch-day rate of 2,000 requests/s 10,000 requests would recycle every
# worker every half minute, each restart a few seconds of lost capacity and an empty local cache.
max_requests = _int("GUNICORN_MAX_REQUESTS", 100_000)
max_requests_jitter = max_requests // 5
# Heartbeat files in memory, not on a container's overlay filesystem.
_SHM = "/dev/shm"  # noqa: S108 (gunicorn's own heartbeat files, private to the container)
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None
# gunicorn's own use of X-Forwarded-* (the request scheme) trusts only these addresses. Django
# reads X-Forwarded-Proto and X-Forwarded-For itself (SECURE_PROXY_SSL_HEADER,
# TRUSTED_PROXY_COUNT), so the app port must be reachable only through the TLS proxy
# (docker-compose.yml publishes it on 127.0.0.1).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs on stdout: one key=value line per request (duration in microseconds), errors alike.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = (
    'access remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s '
    'bytes=%(B)s duration_us=%(D)s referer="%(f)s" agent="%(a)s"'
)
control_socket_disable = True
