"""Shared pieces for the jobs tests: our invented Indeed pages, a scraper that never waits,
and the /jobs/ page."""

import configparser
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "indeed"
REPO_ROOT = Path(__file__).resolve().parents[2]


def _shared_indeed() -> Path:
    """``SHARED_INDEED_DIR``, else ``<repository>/../shared/indeed``; for a git worktree the main
    checkout's, and for a local clone (CI clones the checkout into a temporary folder) its
    origin's."""
    candidates = [Path(os.environ["SHARED_INDEED_DIR"])] if os.environ.get("SHARED_INDEED_DIR") else []
    candidates.append(REPO_ROOT.parent / "shared" / "indeed")
    git = REPO_ROOT / ".git"
    if git.is_file() and git.read_text().startswith("gitdir:"):
        git_dir = Path(git.read_text().split(":", 1)[1].strip())
        main_root = git_dir.parent.parent.parent  # <main>/.git/worktrees/<name>
        candidates.append(main_root.parent / "shared" / "indeed")
    origin = _local_origin()
    if origin is not None:
        candidates.append(origin.parent / "shared" / "indeed")
    return next((path for path in candidates if path.is_dir()), candidates[0])


def _local_origin() -> Path | None:
    """The folder this checkout was cloned from, when that is a folder on this machine."""
    config = REPO_ROOT / ".git" / "config"
    if not config.is_file():
        return None
    parser = configparser.ConfigParser(strict=False)
    try:
        parser.read(config, encoding="utf-8")
        url = parser.get('remote "origin"', "url", fallback="")
    except configparser.Error:
        return None
    url = url.removeprefix("file://")
    return Path(url).resolve() if url.startswith("/") and Path(url).is_dir() else None


SHARED_INDEED = _shared_indeed()
INDEED = "https://ca.indeed.com"
SEARCH_URL = f"{INDEED}/jobs"


def fixture_html(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def polite_but_instant(settings):
    """No real pauses in tests: the fetcher's sleeps are recorded, never slept."""
    settings.JOBS_PAUSE_SECONDS = 0
    settings.JOBS_PAUSE_JITTER_SECONDS = 0
    settings.JOBS_BACKOFF_SECONDS = 0
    settings.JOBS_INDEED_BASE_URL = INDEED


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def fetcher(sleeps):
    from jobs.fetch import IndeedFetcher

    return IndeedFetcher(sleep=sleeps.append)


@pytest.fixture
def jobs_page(home_page):
    """/jobs/ without the demo postings (tests bring their own)."""
    from jobs.models import JobsIndexPage
    from toronto_ai.home.demo import ensure_child

    return ensure_child(home_page, JobsIndexPage, "jobs", title="Jobs")


@pytest.fixture
def fetched_at() -> datetime:
    return datetime(2026, 2, 24, 15, 0, tzinfo=UTC)
