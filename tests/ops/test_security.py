"""Production security settings, checked the way a deploy would run them."""

import json
import re

import pytest
from django.urls import reverse

from toronto_ai.settings.security import inline_style_hashes

from .conftest import PRODUCTION_ENV, ROOT, run_python


def test_deploy_check_reports_no_warnings_with_production_settings():
    proc = run_python(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        PRODUCTION_ENV,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "System check identified no issues" in proc.stdout


@pytest.mark.parametrize("name", ["DATABASE_URL", "EMAIL_URL"])
def test_production_refuses_to_start_without_a_database_or_mail_server_chosen(name):
    env = {**PRODUCTION_ENV, name: ""}
    proc = run_python("from toronto_ai.startup import or_exit; import django; or_exit(django.setup)", env)
    assert proc.returncode == 2
    assert name in proc.stderr and "Traceback" not in proc.stderr


_HEALTH_PROBE = """
import django, json; django.setup()
from django.test import Client
client = Client()
probes = {'by_ip': client.get('/healthz', HTTP_HOST='10.0.4.7:8000'), 'plain_http': client.get('/healthz')}
print(json.dumps({name: [r.status_code, r.get('Location')] for name, r in probes.items()}))
"""


def test_health_probes_by_ip_over_plain_http_are_answered_not_refused_or_redirected(child_database_url):
    proc = run_python(_HEALTH_PROBE, {**PRODUCTION_ENV, "DATABASE_URL": child_database_url})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"by_ip": [200, None], "plain_http": [200, None]}


def test_production_refuses_a_short_secret_key():
    proc = run_python("import django; django.setup()", {**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert proc.returncode != 0
    assert "SECRET_KEY" in proc.stderr


_PROXY_SCRIPT = """
import django, json; django.setup()
from django.conf import settings
from django.test import Client
client = Client()
plain = client.get('/robots.txt')
tls = client.get('/robots.txt', headers={'X-Forwarded-Proto': 'https'})
print(json.dumps({
    'plain_status': plain.status_code, 'plain_location': plain.get('Location'),
    'tls_status': tls.status_code, 'headers': dict(tls.headers),
    'session_cookie_secure': settings.SESSION_COOKIE_SECURE,
    'csrf_cookie_secure': settings.CSRF_COOKIE_SECURE,
}))
"""


@pytest.fixture(scope="module")
def behind_proxy() -> dict:
    proc = run_python(_PROXY_SCRIPT, PRODUCTION_ENV)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_plain_http_is_redirected_to_https(behind_proxy):
    assert behind_proxy["plain_status"] == 301
    assert behind_proxy["plain_location"] == "https://testserver/robots.txt"


def test_https_from_the_proxy_is_served_not_redirected_again(behind_proxy):
    assert behind_proxy["tls_status"] == 200


def test_https_responses_carry_the_hardening_headers(behind_proxy):
    headers = behind_proxy["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    assert behind_proxy["session_cookie_secure"] and behind_proxy["csrf_cookie_secure"]


def _directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_or_style(client, site_tree):
    policy = _directives(client.get("/")["Content-Security-Policy"])
    assert policy["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in policy["style-src"]
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(client):
    policy = _directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "object-src 'none'" in policy["object-src"]


def test_error_page_inline_style_is_allowed_by_hash(settings):
    hashes = inline_style_hashes(ROOT / "templates" / "500.html")
    assert len(hashes) == 1
    assert hashes[0] in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    style = re.search(r"<style>(.*?)</style>", (ROOT / "templates" / "500.html").read_text(), re.DOTALL)
    assert style is not None


@pytest.mark.django_db
def test_admin_login_is_locked_after_repeated_failures(client, settings, django_user_model):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    url = reverse("wagtailadmin_login")
    statuses = [
        client.post(url, {"username": "editor", "password": "wrong"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = client.post(url, {"username": "editor", "password": "right-password-123"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    other_client = type(client)(REMOTE_ADDR="10.1.2.3")
    allowed = other_client.post(url, {"username": "editor", "password": "right-password-123"})
    assert allowed.status_code == 302


@pytest.mark.django_db
def test_throttling_counts_the_visitor_behind_the_proxy_not_the_proxy(client, settings, django_user_model):
    settings.AXES_ENABLED = True
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "editor", "password": "x"}, headers={"X-Forwarded-For": "203.0.113.9"})
    blocked = client.post(url, {"username": "editor", "password": "x"}, headers={"X-Forwarded-For": "203.0.113.9"})
    assert blocked.status_code == 429
    # Another visitor through the same proxy (same REMOTE_ADDR) can still sign in.
    ok = client.post(
        url, {"username": "editor", "password": "right-password-123"}, headers={"X-Forwarded-For": "198.51.100.4"}
    )
    assert ok.status_code == 302
