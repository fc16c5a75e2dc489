"""Fixtures for the production-readiness tests: a fresh page cache, throwaway Redis servers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A key of the right shape for production settings in subprocesses (never used for real).
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "toronto_ai.settings.production",
    "SECRET_KEY": "tests-only-production-shaped-secret-key-7f3a9c2e5b8d1f4a6c0e9b2d5f8a1c4e",
    "ALLOWED_HOSTS": "testserver,localhost",
    "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'db.sqlite3'}",
    "EMAIL_URL": "console://",
}


@pytest.fixture(autouse=True)
def fresh_page_cache(page_cache_on) -> None:
    """Every test here runs with the page cache on, starting with nothing cached."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayRedis:
    """A redis-server of our own on a free port, so a test can kill it without touching the
    shared Redis on 6379."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError("throwaway redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def throwaway_redis() -> Iterator[ThrowawayRedis]:
    server = ThrowawayRedis()
    try:
        yield server
    finally:
        server.kill()


def run_python(script: str, env_overrides: dict[str, str], timeout: int = 90) -> subprocess.CompletedProcess:
    """Run a snippet in a fresh interpreter (its own settings and services) from the repo root."""
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; no deployment has it.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
