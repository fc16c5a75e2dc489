"""Logging configuration: one line per event on stdout, readable ("plain") or JSON ("json")."""

from __future__ import annotations

from email.utils import getaddresses

from .env import ConfigError

FORMATS = {"plain", "json"}


def build_logging(log_format: str, level: str) -> dict:
    """A LOGGING dict writing every record to stdout in ``log_format``."""
    if log_format not in FORMATS:
        raise ConfigError(f"LOG_FORMAT must be one of {', '.join(sorted(FORMATS))}, got {log_format!r}")
    formatters = {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "toronto_ai.ops.logs.JsonFormatter"},
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {log_format: formatters[log_format]},
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": log_format}
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
        },
    }


def parse_admins(value: str) -> list[tuple[str, str]]:
    """``"Name <a@b.org>, c@d.org"`` as Django's ADMINS list of (name, address)."""
    admins = [(name, address) for name, address in getaddresses([value]) if address]
    for _, address in admins:
        if "@" not in address:
            raise ConfigError(f"ADMINS must list e-mail addresses, got {address!r}")
    return admins
