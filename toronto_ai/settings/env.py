"""Read configuration from the environment (12-factor), failing with one clear line.

Settings modules call these helpers; a bad value raises ``ConfigError`` naming the
variable, which ``manage.py``, ``wsgi.py`` and ``celery.py`` turn into a one-line
message and a non-zero exit instead of a traceback.
"""

from __future__ import annotations

import os

import dj_database_url
import dj_email_url


class ConfigError(Exception):
    """A required environment variable is missing or malformed."""


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {value!r}")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None


def env_float(name: str, default: float) -> float:
    value = env_str(name)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_env(default_sqlite_path: str) -> dict:
    """``DATABASE_URL`` as a Django DATABASES entry; an SQLite file when unset."""
    url = env_str("DATABASE_URL", f"sqlite:///{default_sqlite_path}")
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad URLs
        raise ConfigError(
            f"DATABASE_URL is malformed ({exc}); expected e.g. postgres://user:pass@host:5432/name"
        ) from None
    if not config.get("ENGINE"):
        raise ConfigError("DATABASE_URL has an unsupported scheme; use postgres:// or sqlite:///")
    if config["ENGINE"].endswith("postgresql") and not config.get("NAME"):
        raise ConfigError("DATABASE_URL names no database; expected e.g. postgres://user:pass@host:5432/name")
    if config["ENGINE"].endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
    return config


def email_from_env() -> dict:
    """``EMAIL_URL`` as Django e-mail settings; the console backend when unset."""
    url = env_str("EMAIL_URL", "console:")
    try:
        config = dj_email_url.parse(url)
    except Exception as exc:
        raise ConfigError(f"EMAIL_URL is malformed ({exc}); expected e.g. smtp://user:pass@host:587") from None
    return {
        "EMAIL_BACKEND": config["EMAIL_BACKEND"],
        "EMAIL_HOST": config.get("EMAIL_HOST") or "localhost",
        "EMAIL_PORT": config.get("EMAIL_PORT") or 25,
        "EMAIL_HOST_USER": config.get("EMAIL_HOST_USER") or "",
        "EMAIL_HOST_PASSWORD": config.get("EMAIL_HOST_PASSWORD") or "",
        "EMAIL_USE_TLS": bool(config.get("EMAIL_USE_TLS")),
        "EMAIL_USE_SSL": bool(config.get("EMAIL_USE_SSL")),
        "EMAIL_TIMEOUT": config.get("EMAIL_TIMEOUT") or 10,
    }
