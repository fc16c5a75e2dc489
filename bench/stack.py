"""The system the benchmarks measure: its environment (production-shaped settings on a separate
database and Redis prefix), that database, manage.py, and gunicorn with the production config
on 127.0.0.1. Used by bench/run.py (wrk) and bench/lighthouse.py."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def bench_env() -> dict[str, str]:
    redis_url = os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/toronto_ai_bench"),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "bench",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": "console://",
        "AXES_ENABLED": "false",
    }


def ensure_database(url: str, fresh: bool = False) -> None:
    """Create the benchmark database if it is missing; ``fresh`` drops it first, so the data is
    exactly what this run seeds (seed_bench adds to whatever is there)."""
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[-1]
    if fresh and "bench" not in name:
        sys.exit(f"refusing to drop {name!r}: the benchmark database's name must contain 'bench'")
    # Not `with connect()`: that opens a transaction, and CREATE DATABASE refuses to run in one.
    conn = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=5)
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            if fresh:
                log(f"dropping database {name} (a fresh start)")
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                log(f"creating database {name}")
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        conn.close()


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn with the production config file, bound to 127.0.0.1 only."""

    def __init__(self, env: dict[str, str], page_cache: bool, log_path: Path) -> None:
        self.port = free_port()
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "PAGE_CACHE_ENABLED": str(page_cache).lower()}
        self.log = log_path.open("a")
        command = [PYTHON, "-m", "gunicorn", "toronto_ai.wsgi", "-c", "gunicorn.conf.py", "--no-control-socket"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        sys.exit(f"gunicorn did not become healthy; see {log_path}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.log.close()
