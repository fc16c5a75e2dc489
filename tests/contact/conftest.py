"""Fixtures for the contact tests: the configured cache (Redis when REDIS_URL is set) kept clean."""

import uuid

import pytest
from django.core.cache import cache


@pytest.fixture
def real_cache(settings):
    """The project's configured cache (django-redis on Redis in CI), emptied of this test's keys."""
    yield cache
    cache.clear()


@pytest.fixture
def unique_scope() -> str:
    """A scope no other test (or earlier run against the same Redis) has used."""
    return f"test-{uuid.uuid4().hex[:12]}"
