"""The site degrades, not breaks, when Redis, PostgreSQL or a Celery worker goes away.

Each test stops a real service of its own (a throwaway redis-server, a worker process) or points
at a closed port; the shared PostgreSQL and Redis are never touched.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from toronto_ai.settings.security import inline_style_hashes

from .conftest import PRODUCTION_ENV, ROOT, run_python


def _redis_caches(url: str) -> dict:
    options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
    }
    return {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": options},
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "pages",
            "OPTIONS": {**options, "IGNORE_EXCEPTIONS": False},
        },
    }


@pytest.mark.django_db
def test_pages_are_still_served_when_redis_dies(client, site_tree, settings, throwaway_redis, caplog):
    settings.CACHES = _redis_caches(throwaway_redis.url)
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    # Ask Redis on every request (as each process does once its one-second window has passed),
    # rather than answer from this process's memory (test_local_pages.py).
    settings.PAGE_CACHE_GENERATION_SECONDS = 0
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"

    throwaway_redis.kill()
    with caplog.at_level(logging.ERROR):
        response = client.get("/")
        again = client.get("/blog/")
    assert response.status_code == 200
    assert "members" in response.content.decode()
    assert again.status_code == 200
    assert "page cache unavailable" in caplog.text
    assert "X-Cache" not in response or response["X-Cache"] == "miss"


@pytest.mark.django_db
def test_dead_redis_is_not_asked_again_on_every_request(client, site_tree, settings, throwaway_redis, monkeypatch):
    from django.core.cache import caches

    settings.CACHES = _redis_caches(throwaway_redis.url)
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.PAGE_CACHE_GENERATION_SECONDS = 0  # only the back-off may spare Redis, not the window
    throwaway_redis.kill()
    client.get("/")  # notices the outage
    # Every read of the page cache (pages, the generation behind the frame and routing caches) goes
    # through these two calls; each would wait for a socket timeout if Redis were unreachable.
    pages, asked = caches["pages"], []
    for method in ("get", "get_many"):
        real = getattr(pages, method)
        monkeypatch.setattr(
            pages, method, lambda *args, real=real, **kwargs: asked.append(args) or real(*args, **kwargs)
        )
    for _ in range(5):
        assert client.get("/").status_code == 200
        assert client.get("/blog/").status_code == 200
    assert asked == []


@pytest.mark.django_db
def test_healthz_reports_the_dead_cache(client, settings, throwaway_redis):
    settings.CACHES = _redis_caches(throwaway_redis.url)
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    assert client.get("/healthz").json()["cache"] == "ok"
    throwaway_redis.kill()
    response = client.get("/healthz")
    assert response.status_code == 200  # pages are still served: stay in the load balancer
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "error"


_DATABASE_DOWN = """
import django, json; django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
page = client.get('/', headers={'X-Forwarded-Proto': 'https'})
health = client.get('/healthz')
print(json.dumps({'page_status': page.status_code, 'page': page.content.decode(),
                  'csp': page.get('Content-Security-Policy', ''), 'health_status': health.status_code,
                  'health': health.json()}))
"""


@pytest.fixture(scope="module")
def database_down() -> dict:
    # Nothing listens on port 1: to the site this is a stopped PostgreSQL.
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/toronto_ai", "LOG_LEVEL": "CRITICAL"}
    proc = run_python(_DATABASE_DOWN, env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_database_down_shows_the_friendly_error_page(database_down):
    assert database_down["page_status"] == 500
    assert "Something went wrong on our side" in database_down["page"]


def test_error_page_styles_are_allowed_by_its_content_security_policy(database_down):
    (style_hash,) = inline_style_hashes(ROOT / "templates" / "500.html")
    assert style_hash in database_down["csp"]
    assert "unsafe-inline" not in database_down["csp"]


def test_database_down_makes_healthz_fail_for_the_load_balancer(database_down):
    assert database_down["health_status"] == 503
    assert database_down["health"]["database"] == "error"


def _start_worker(redis_url: str, queue: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "toronto_ai.settings.test",
        "REDIS_URL": redis_url,
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "celery", "-A", "toronto_ai", "worker", "-I", "tests.ops.celery_tasks"]
    command += ["-Q", queue, "-n", f"{queue}@%h", "-c", "1", "--pool", "prefork", "-l", "warning"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=20)


def _wait_for_lines(marker: Path, predicate, timeout: float = 90) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = marker.read_text().splitlines() if marker.exists() else []
        if predicate(lines):
            return lines
        time.sleep(0.2)
    raise AssertionError(f"timed out; marker has {marker.read_text() if marker.exists() else 'nothing'!r}")


def _send(queue: str, marker: Path) -> None:
    from toronto_ai.celery import app

    previous, app.conf.task_always_eager = app.conf.task_always_eager, False
    try:
        app.send_task("tests.ops.record_attempt", args=[str(marker), 120], queue=queue)
    finally:
        app.conf.task_always_eager = previous


def test_task_is_retried_when_its_worker_process_is_killed_mid_task(redis_url, tmp_path):
    queue = f"fault-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "attempts.txt"
    worker = _start_worker(redis_url, queue)
    try:
        _send(queue, marker)
        first = _wait_for_lines(marker, lambda lines: len(lines) >= 1)
        child_pid = int(first[0].split()[1])
        os.kill(child_pid, signal.SIGKILL)
        lines = _wait_for_lines(marker, lambda lines: "done" in lines)
    finally:
        _stop(worker)
    starts = [line for line in lines if line.startswith("start")]
    assert len(starts) == 2, lines
    assert starts[0] != starts[1]  # a new pool process ran it again
    assert lines[-1] == "done"


def test_task_survives_the_whole_worker_being_killed(redis_url, tmp_path):
    queue = f"fault-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "attempts.txt"
    # A short visibility timeout so the restarted worker reclaims the message within the test.
    env = {"CELERY_BROKER_VISIBILITY_TIMEOUT": "2"}
    worker = _start_worker(redis_url, queue, env)
    try:
        _send(queue, marker)
        _wait_for_lines(marker, lambda lines: len(lines) >= 1)
    finally:
        _stop(worker)  # SIGKILL to the whole process group: the container died
    time.sleep(3)
    replacement = _start_worker(redis_url, queue, env)
    try:
        lines = _wait_for_lines(marker, lambda lines: "done" in lines)
    finally:
        _stop(replacement)
    assert sum(line.startswith("start") for line in lines) == 2


def test_invalidating_while_redis_is_down_logs_instead_of_failing_the_save(settings, throwaway_redis, caplog):
    from toronto_ai.cache import invalidate_public_pages

    settings.CACHES = _redis_caches(throwaway_redis.url)
    throwaway_redis.kill()
    with caplog.at_level(logging.ERROR):
        invalidate_public_pages("meetup saved")
    assert "page cache invalidation failed (meetup saved)" in caplog.text
