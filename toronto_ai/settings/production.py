"""Production: everything secret comes from the environment; unsafe defaults are refused."""

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, STORAGES
from .env import ConfigError, env_bool, env_int, env_str
from .logs import build_logging
from .storage import uses_bucket

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ConfigError("SECRET_KEY must be set in production (a long random string)")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ConfigError("SECRET_KEY is too short: use at least 50 random characters")
# Development falls back to an SQLite file and printing mail: in production that would keep the
# data inside a container and drop every contact message, so both must be chosen explicitly.
if not env_str("DATABASE_URL"):
    raise ConfigError("DATABASE_URL must be set in production, e.g. postgres://user:pass@host:5432/toronto_ai")
if not env_str("EMAIL_URL"):
    raise ConfigError(
        "EMAIL_URL must be set in production, e.g. smtp://user:pass@host:587/?tls=True (console:// prints mail)"
    )

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
# One small server: gunicorn serves uploaded images too unless nginx does (docs/deploy.md);
# images in a bucket are read from the bucket's own address.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True) and not uses_bucket(STORAGES["default"])

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}

LOGGING = build_logging(env_str("LOG_FORMAT", "json"), env_str("LOG_LEVEL", "INFO"))

# Optional error reporting to Sentry (or a compatible service such as GlitchTip): errors only,
# no personal data, no performance tracing.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.utils import BadDsn

    try:
        sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False, traces_sample_rate=0.0)
    except BadDsn as exc:
        raise ConfigError(f"SENTRY_DSN is malformed ({exc}); expected e.g. https://key@errors.example.org/1") from None
