"""Settings shared by every environment. Everything variable comes from the environment."""

from datetime import timedelta
from pathlib import Path

from .env import database_from_env, email_from_env, env_bool, env_float, env_int, env_list, env_str
from .logs import build_logging, parse_admins
from .security import ADMIN_CSP_DIRECTIVES, public_csp_directives
from .storage import media_storage, uses_bucket

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "toronto_ai.ops",
    "toronto_ai.home",
    "toronto_ai.contact",
    "blog",
    "meetups",
    "jobs",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_celery_beat",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

# Order matters: security headers, static and media files and the CSP header are outside the
# page cache so they apply to cache hits too; axes comes last, as its documentation requires.
MIDDLEWARE = [
    "toronto_ai.ops.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "toronto_ai.ops.middleware.MediaFilesMiddleware",
    "toronto_ai.ops.middleware.SiteCSPMiddleware",
    "toronto_ai.ops.middleware.PageCacheMiddleware",
    "toronto_ai.ops.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "toronto_ai.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "toronto_ai.home.context_processors.site_frame",
            ],
        },
    },
]

WSGI_APPLICATION = "toronto_ai.wsgi.application"

# Database: DATABASE_URL, or an SQLite file in the repo (git-ignored) for a quick local run.
DATABASES = {"default": database_from_env(str(BASE_DIR / "db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis (optional): cache + Celery broker/result backend. Without it: in-memory cache, eager tasks.
REDIS_URL = env_str("REDIS_URL")
# Scaling out: the cache may live in a Redis of its own (evicting with allkeys-lru), apart from
# the broker's queues, which must never be evicted. Unset: the cache shares REDIS_URL.
CACHE_REDIS_URL = env_str("CACHE_REDIS_URL") or REDIS_URL
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "tai")
if REDIS_URL:
    # "default" ignores (and logs) Redis errors so an outage degrades to a slower site, not a
    # broken one. "pages" (the page cache) raises instead: its middleware catches, logs and
    # stops asking a dead Redis for a while (toronto_ai/cache.py), with short timeouts.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:pages",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": False,
            },
        },
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "toronto-ai"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "toronto-ai-pages"},
    }
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "America/Toronto"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers a message whose worker vanished after this many seconds; it must exceed the
# longest task (scrapes take minutes).
CELERY_BROKER_VISIBILITY_TIMEOUT = env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Tasks are idempotent (house rule), so a message is acknowledged only after its task finished:
# a worker killed mid-task (OOM, deploy, kill -9) leaves it to be redelivered, not lost. A task
# that must not run twice opts out with @shared_task(acks_late=False).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# E-mail: EMAIL_URL, console backend by default.
globals().update(email_from_env())
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Toronto AI <hello@torontoai.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-ca"
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": media_storage(),  # MEDIA_ROOT, or a bucket when MEDIA_BUCKET is set
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Toronto AI"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always pass through the app, which checks a private collection's viewers first
# (Wagtail would otherwise redirect to the file's permanent address in a bucket).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin's "new Wagtail release" banner calls releases.wagtail.org from editors' browsers;
# upgrades are our own decision, and the admin's CSP allows no third-party connections.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Logs go to stdout, one line per event: "plain" for people, "json" for log collectors.
LOGGING = build_logging(env_str("LOG_FORMAT", "plain"), env_str("LOG_LEVEL", "INFO"))

# Error reports: ADMINS="Ops <ops@example.org>, ..." mails every unhandled 500 (Django's default
# "mail_admins" handler; needs EMAIL_URL). SENTRY_DSN is honoured in production when sentry-sdk
# is installed.
ADMINS = parse_admins(env_str("ADMINS", ""))

# Content-Security-Policy (django-csp): no inline scripts or styles on public pages; the Wagtail
# and Django admins get their own, looser policy (toronto_ai/ops/middleware.py).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_csp_directives(BASE_DIR / "templates" / "500.html")}
CSP_ADMIN_DIRECTIVES = ADMIN_CSP_DIRECTIVES
CSP_ADMIN_PREFIXES = ("/admin/", "/django-admin/")

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins from one client
# address, logins from it are refused (HTTP 429) for AXES_COOLOFF_TIME.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "toronto_ai.contact.spam.client_ip"
AXES_VERBOSE = False
# How many reverse proxies (nginx, a load balancer) append to X-Forwarded-For in front of the app;
# 0 trusts only the socket address. Used to find the client address for throttling.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Page cache (toronto_ai/cache.py): anonymous GETs of public pages, kept in the "pages" cache for
# PAGE_CACHE_SECONDS (invalidated on publish), and cacheable by a CDN for PAGE_CACHE_CDN_SECONDS.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 300)
# How long a process trusts the generation it read (toronto_ai/cache.py): a publish in another
# process shows within this many seconds, one in the same process at once.
PAGE_CACHE_GENERATION_SECONDS = env_float("PAGE_CACHE_GENERATION_SECONDS", 1.0)
# Bytes of cached pages each web process also keeps in memory (toronto_ai/local_pages.py).
PAGE_CACHE_LOCAL_BYTES = env_int("PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024)
PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/contact/",
)

# Uploaded images served by the app itself (small site; see docs/deploy.md for nginx instead).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False) and not uses_bucket(STORAGES["default"])

# Whether seed_demo creates the demo superuser (dev only).
SEED_DEMO_SUPERUSER = False
HEALTHCHECK_TIMEOUT = env_int("HEALTHCHECK_TIMEOUT", 2)

# Per-section settings (blog, meetups, jobs, contact) live in their own module.
from .sections import *  # noqa: E402, F403

MEETUPS_TIME_ZONE = TIME_ZONE  # meetup times are entered and shown in the site's zone
