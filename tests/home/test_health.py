import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_every_part_ok(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
    assert body["broker"] == ("ok" if settings.REDIS_URL else "eager")


def _healthz_in_subprocess(**env_overrides) -> tuple[int, dict]:
    """GET /healthz in a fresh process with its own environment (a real, unreachable service)."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(r.status_code); print(r.content.decode())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "toronto_ai.settings.test", **env_overrides}
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    status, body = proc.stdout.strip().splitlines()[-2:]
    return int(status), json.loads(body)


def test_healthz_is_503_when_the_database_is_down():
    # Nothing listens on port 1: this is a stopped PostgreSQL as far as the site can tell.
    status, body = _healthz_in_subprocess(DATABASE_URL="postgres://postgres@127.0.0.1:1/toronto_ai")
    assert status == 503
    assert (body["status"], body["database"]) == ("down", "error")


def test_healthz_keeps_the_server_in_service_but_says_degraded_when_redis_is_down(child_database_url):
    # Pages are still served without Redis (uncached): a load balancer must not drop the server.
    status, body = _healthz_in_subprocess(REDIS_URL="redis://127.0.0.1:1/0", DATABASE_URL=child_database_url)
    assert status == 200
    assert body == {"status": "degraded", "database": "ok", "cache": "error", "broker": "error"}


@pytest.mark.django_db
def test_concurrent_health_probes_do_not_fail_each_other(client):
    from concurrent.futures import ThreadPoolExecutor

    from toronto_ai.home.health import check_cache

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: check_cache(), range(64)))
    assert results == ["ok"] * 64
