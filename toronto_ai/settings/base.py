"""Settings shared by every environment. Everything variable comes from the environment."""

from pathlib import Path

from .env import database_from_env, email_from_env, env_bool, env_float, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "tai"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "toronto-ai"}}
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
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Whether seed_demo creates the demo superuser (dev only).
SEED_DEMO_SUPERUSER = False
HEALTHCHECK_TIMEOUT = env_int("HEALTHCHECK_TIMEOUT", 2)

# --- blog settings ---

# --- meetups settings ---

# --- jobs settings ---
# The Indeed scraper (jobs/fetch.py, jobs/pipeline.py). Be polite: a few pages, slowly, rarely.
JOBS_INDEED_BASE_URL = env_str("JOBS_INDEED_BASE_URL", "https://ca.indeed.com")
JOBS_USER_AGENT = env_str(
    "JOBS_USER_AGENT",
    "TorontoAIJobsBot/1.0 (+https://torontoai.org/jobs/; jobs board of the Toronto AI community)",
)
JOBS_CONNECT_TIMEOUT = env_float("JOBS_CONNECT_TIMEOUT", 5.0)
JOBS_READ_TIMEOUT = env_float("JOBS_READ_TIMEOUT", 20.0)
JOBS_PAUSE_SECONDS = env_float("JOBS_PAUSE_SECONDS", 8.0)  # between two requests ...
JOBS_PAUSE_JITTER_SECONDS = env_float("JOBS_PAUSE_JITTER_SECONDS", 4.0)  # ... plus up to this much at random
JOBS_MAX_PAGES_PER_QUERY = env_int("JOBS_MAX_PAGES_PER_QUERY", 3)
JOBS_MAX_RETRIES = env_int("JOBS_MAX_RETRIES", 3)  # on 429 / 5xx / timeouts, with exponential backoff
JOBS_BACKOFF_SECONDS = env_float("JOBS_BACKOFF_SECONDS", 15.0)
JOBS_MAX_RETRY_AFTER_SECONDS = env_float("JOBS_MAX_RETRY_AFTER_SECONDS", 600.0)  # longer: give up this run
JOBS_EXPIRE_AFTER_DAYS = env_int("JOBS_EXPIRE_AFTER_DAYS", 14)  # not seen for this long: expired
JOBS_MAX_POSTING_AGE_DAYS = env_int("JOBS_MAX_POSTING_AGE_DAYS", 60)  # posted longer ago: expired
JOBS_RUN_LOCK_SECONDS = env_int("JOBS_RUN_LOCK_SECONDS", 3 * 3600)
JOBS_PER_PAGE = 20
# A posting is kept when its title or description contains one of these (whole words, any case).
JOBS_RELEVANCE_TERMS = [
    "AI",
    "A.I.",
    "artificial intelligence",
    "machine learning",
    "ML",
    "deep learning",
    "neural network",
    "data scientist",
    "data science",
    "NLP",
    "natural language processing",
    "computer vision",
    "LLM",
    "large language model",
    "generative",
    "GenAI",
    "MLOps",
    "reinforcement learning",
    "PyTorch",
    "TensorFlow",
    "applied scientist",
    "research scientist",
]

# --- contact settings ---
