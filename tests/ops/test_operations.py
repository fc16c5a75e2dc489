"""Running the site: logs, error reports, gunicorn, media files, the client address."""

import json
import logging
import os
import runpy
import subprocess
import sys
import time
import urllib.request

import pytest
from django.test import Client, RequestFactory

from toronto_ai.contact.spam import client_ip
from toronto_ai.ops.logs import JsonFormatter
from toronto_ai.settings.logs import parse_admins

from .conftest import PRODUCTION_ENV, ROOT, free_port, run_python


def test_json_log_lines_carry_level_logger_message_and_extras():
    record = logging.LogRecord("jobs.tasks", logging.INFO, __file__, 1, "scrape finished: %s new", (12,), None)
    record.count = 12
    line = JsonFormatter().format(record)
    payload = json.loads(line)
    assert "\n" not in line
    assert payload["level"] == "INFO"
    assert payload["logger"] == "jobs.tasks"
    assert payload["message"] == "scrape finished: 12 new"
    assert payload["count"] == 12


def test_json_log_keeps_request_path_and_the_traceback():
    request = RequestFactory().get("/blog/")
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Server error", (), sys.exc_info())
    record.request = request
    record.status_code = 500
    payload = json.loads(JsonFormatter().format(record))
    assert (payload["method"], payload["path"], payload["status_code"]) == ("GET", "/blog/", 500)
    assert "ValueError: boom" in payload["exception"]


def test_production_logs_json_to_stdout():
    proc = run_python(
        "import django, logging; django.setup(); logging.getLogger('ops.check').warning('disk at %s%%', 91)",
        PRODUCTION_ENV,
    )
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout.strip().splitlines()[-1])
    assert payload["message"] == "disk at 91%"
    assert payload["level"] == "WARNING"


def test_unknown_log_format_is_refused_in_one_line():
    proc = run_python("import django; django.setup()", {**PRODUCTION_ENV, "LOG_FORMAT": "xml"})
    assert proc.returncode != 0
    assert "LOG_FORMAT" in proc.stderr


def test_sentry_dsn_turns_on_error_reporting_without_personal_data():
    script = (
        "import django, json; django.setup(); import sentry_sdk; client = sentry_sdk.get_client();"
        "print(json.dumps({'active': client.is_active(), 'dsn': client.dsn,"
        " 'pii': client.options['send_default_pii']}))"
    )
    proc = run_python(script, {**PRODUCTION_ENV, "SENTRY_DSN": "https://publickey@errors.example.org/42"})
    assert proc.returncode == 0, proc.stderr
    reported = json.loads(proc.stdout.strip().splitlines()[-1])
    assert reported == {"active": True, "dsn": "https://publickey@errors.example.org/42", "pii": False}


def test_malformed_sentry_dsn_is_a_clear_configuration_error():
    proc = run_python(
        "from toronto_ai.startup import or_exit; import django; or_exit(django.setup)",
        {**PRODUCTION_ENV, "SENTRY_DSN": "errors.example.org without a scheme"},
    )
    assert proc.returncode == 2
    assert "SENTRY_DSN" in proc.stderr and "Traceback" not in proc.stderr


def test_admins_are_read_from_the_environment():
    assert parse_admins("Ops Team <ops@torontoai.org>, alerts@torontoai.org") == [
        ("Ops Team", "ops@torontoai.org"),
        ("", "alerts@torontoai.org"),
    ]
    assert parse_admins("") == []


@pytest.mark.django_db
def test_a_server_error_is_mailed_to_admins(settings, mailoutbox):
    settings.ROOT_URLCONF = "tests.ops.urls"
    settings.ADMINS = [("Ops", "ops@torontoai.org")]
    response = Client(raise_request_exception=False).get("/broken-page/")
    assert response.status_code == 500
    assert [message.to for message in mailoutbox] == [["ops@torontoai.org"]]
    assert "a bug in a view" in mailoutbox[0].body


def test_gunicorn_workers_follow_the_cpu_count(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["workers"] == min(os.cpu_count() * 2 + 1, 12)
    assert config["default_workers"](16) == 12
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"] == 3


def test_gunicorn_serves_production_settings_and_logs_each_request(tmp_path):
    port = free_port()
    env = {**os.environ, **PRODUCTION_ENV, "ALLOWED_HOSTS": "127.0.0.1", "WEB_CONCURRENCY": "1"}
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "toronto_ai.wsgi", "-c", "gunicorn.conf.py", "--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        body = None
        deadline = time.monotonic() + 30
        while body is None and time.monotonic() < deadline:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/robots.txt", headers={"X-Forwarded-Proto": "https"}
                )
                with urllib.request.urlopen(request, timeout=2) as response:
                    body = response.read().decode()
            except OSError:
                time.sleep(0.3)
        assert body is not None and "Sitemap:" in body
    finally:
        server.terminate()
        server.wait(timeout=30)
    access = [line for line in log.read_text().splitlines() if line.startswith("access ")]
    assert access, log.read_text()
    assert 'path="/robots.txt"' in access[-1] and "status=200" in access[-1]


@pytest.fixture
def media(settings, tmp_path):
    settings.SERVE_MEDIA = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "talk.fill-300x200.png").write_bytes(b"\x89PNG not really")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "sponsors.pdf").write_bytes(b"%PDF private")
    return tmp_path


def test_uploaded_images_are_served_when_enabled(client, media):
    response = client.get("/media/images/talk.fill-300x200.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG not really"
    assert "max-age=86400" in response["Cache-Control"]


def test_documents_and_paths_outside_media_are_not_served_directly(client, media):
    assert client.get("/media/documents/sponsors.pdf").status_code == 404
    assert client.get("/media/images/../documents/sponsors.pdf").status_code == 404
    assert client.get("/media/images/missing.png").status_code == 404


def test_client_address_is_read_from_the_trusted_proxy_only(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.2"


_SPLIT_REDIS = """
import django, json, uuid; django.setup()
from django.conf import settings
from django.core.cache import caches
key = uuid.uuid4().hex
caches["pages"].set(key, "a cached page")
print(json.dumps({"key": key, "broker": settings.CELERY_BROKER_URL}))
"""


def test_the_cache_can_live_in_a_redis_of_its_own_apart_from_the_task_queues(redis_url, throwaway_redis):
    import redis

    proc = run_python(_SPLIT_REDIS, {**PRODUCTION_ENV, "REDIS_URL": redis_url, "CACHE_REDIS_URL": throwaway_redis.url})
    assert proc.returncode == 0, proc.stderr
    written = json.loads(proc.stdout.strip().splitlines()[-1])
    stored_key = f"tai:pages:1:{written['key']}"
    assert redis.Redis.from_url(throwaway_redis.url).exists(stored_key)
    assert not redis.Redis.from_url(redis_url).exists(stored_key)
    assert written["broker"] == redis_url
