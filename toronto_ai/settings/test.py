"""Test settings: the same services as configured (PostgreSQL/Redis when set), faster hashing,
e-mail kept in memory and tasks run inline unless a test starts a real worker."""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = env_str("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
SEED_DEMO_SUPERUSER = True
# Django's test client logs in without a request, which axes refuses; the throttling test turns
# axes on for itself.
AXES_ENABLED = False
# Feature tests see every page rendered (their query counts and content checks must not be
# answered from a previous test's cached copy); the page-cache tests (tests/ops/) turn it on.
PAGE_CACHE_ENABLED = False
