"""Project-wide test fixtures and the CI rule that a skipped test is a failure."""

import io
import os

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if IN_CI and _skipped and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if IN_CI and _skipped:
        terminalreporter.write_line(
            f"CI=true: {len(_skipped)} skipped test(s) count as failures: " + ", ".join(_skipped[:10]), red=True
        )


@pytest.fixture(autouse=True)
def new_cache_generation() -> None:
    """Each test starts in a new page-cache generation: pages, the frame and routing lookups
    cached by an earlier test (whose rows were rolled back) are never seen."""
    from toronto_ai.cache import invalidate_public_pages

    invalidate_public_pages("test start")


@pytest.fixture
def page_cache_on(settings):
    """The page cache switched on (test settings turn it off for feature tests), with Redis
    considered healthy before and after."""
    from toronto_ai import cache as page_cache

    settings.PAGE_CACHE_ENABLED = True
    page_cache._outage_until = 0.0
    yield
    page_cache._outage_until = 0.0


@pytest.fixture
def redis_url() -> str:
    """The real Redis from REDIS_URL; tests that need it skip locally without it (and fail in CI)."""
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set")
    return url


@pytest.fixture
def real_worker(redis_url):
    """A real Celery worker thread consuming from the real Redis broker (tasks not run inline)."""
    from celery.contrib.testing.worker import start_worker

    from toronto_ai.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            yield app
    finally:
        app.conf.task_always_eager = previous


@pytest.fixture
def child_database_url(django_db_setup) -> str:
    """DATABASE_URL for a child process that must reach the database: the test database this
    session created on PostgreSQL (the configured one may not exist), else an SQLite file."""
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"].endswith("postgresql"):
        return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return os.environ.get("DATABASE_URL") or "sqlite:////tmp/toronto-ai-child.sqlite3"


@pytest.fixture
def on_postgres(settings) -> None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


@pytest.fixture
def home_page(db):
    from toronto_ai.home.demo import ensure_home_page

    return ensure_home_page()


@pytest.fixture
def site_tree(db):
    """The page tree as seed_demo builds it (home plus the section index pages)."""
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific
