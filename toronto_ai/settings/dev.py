"""Local development: DEBUG on, a generated SECRET_KEY kept in a git-ignored file."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)


def _dev_secret_key() -> str:
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _dev_secret_key()
SEED_DEMO_SUPERUSER = True
