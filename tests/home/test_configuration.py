"""Bad configuration stops start-up with one clear line naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_malformed_database_url_names_the_variable_without_traceback():
    proc = _manage("check", DATABASE_URL="postgres://user:pw@host:notaport/db")
    assert proc.returncode != 0
    assert "DATABASE_URL" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_database_scheme_is_refused_clearly():
    proc = _manage("check", DATABASE_URL="mongodb://localhost/site")
    assert proc.returncode != 0
    assert "DATABASE_URL" in proc.stderr and "Traceback" not in proc.stderr


def test_production_without_secret_key_refuses_to_start():
    env = {"DJANGO_SETTINGS_MODULE": "toronto_ai.settings.production", "SECRET_KEY": ""}
    proc = _manage("check", **env)
    assert proc.returncode != 0
    assert "SECRET_KEY" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_wsgi_entry_point_refuses_bad_configuration_in_one_line():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["SECRET_KEY"] = ""
    proc = subprocess.run(
        [sys.executable, "-c", "import toronto_ai.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode != 0
    assert "SECRET_KEY" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_boolean_is_named():
    proc = _manage("check", DEBUG="maybe")
    assert proc.returncode != 0
    assert "DEBUG" in proc.stderr and "Traceback" not in proc.stderr
