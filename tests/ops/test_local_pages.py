"""Each web process keeps its hottest cached pages in memory, bounded, and never serves a stale or expired one."""

import time
from dataclasses import dataclass
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.utils import timezone

from toronto_ai import cache as page_cache
from toronto_ai.local_pages import LocalPages


@dataclass
class Page:
    generation: int
    content: bytes


def test_memory_holds_at_most_its_budget_dropping_the_least_recently_used():
    pages = LocalPages(max_bytes=100)
    pages.put("a", Page(1, b"x" * 40))
    pages.put("b", Page(1, b"x" * 40))
    assert pages.get("a") is not None  # "a" is now the most recently used
    pages.put("c", Page(1, b"x" * 40))
    assert pages.size_bytes <= 100
    assert pages.get("b") is None and pages.get("a") is not None and pages.get("c") is not None
    pages.put("huge", Page(1, b"x" * 101))
    assert pages.get("huge") is None and pages.size_bytes == 80


@pytest.mark.django_db
def test_repeated_hits_are_answered_from_memory_without_reading_the_page_from_redis(
    client, site_tree, settings, monkeypatch
):
    settings.PAGE_CACHE_GENERATION_SECONDS = 0  # the generation is read every time; the page never
    client.get("/blog/")
    assert client.get("/blog/")["X-Cache"] == "hit"
    pages, page_reads = caches["pages"], []
    real = pages.get_many
    monkeypatch.setattr(pages, "get_many", lambda keys, **kw: page_reads.append(keys) or real(keys, **kw))
    for _ in range(5):
        assert client.get("/blog/")["X-Cache"] == "hit"
    assert page_reads == []


@pytest.mark.django_db
def test_a_page_another_process_invalidated_is_not_served_once_the_generation_is_read_again(
    client, site_tree, settings
):
    settings.PAGE_CACHE_GENERATION_SECONDS = 0.5
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    caches["pages"].incr(page_cache.GENERATION_KEY)  # what another web process's publish does
    time.sleep(0.6)
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "hit"


@pytest.mark.django_db
def test_hits_read_the_generation_from_redis_at_most_once_per_window(client, site_tree, settings, monkeypatch):
    settings.PAGE_CACHE_GENERATION_SECONDS = 60
    client.get("/")
    pages, reads = caches["pages"], []
    for method in ("get", "get_many"):
        real = getattr(pages, method)
        monkeypatch.setattr(pages, method, lambda *a, real=real, **kw: reads.append(a) or real(*a, **kw))
    for _ in range(5):
        assert client.get("/")["X-Cache"] == "hit"
    assert reads == []


@pytest.mark.django_db
def test_a_page_kept_in_memory_is_rendered_again_once_its_lifetime_is_over(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/jobs/")
    assert client.get("/jobs/")["X-Cache"] == "hit"
    with time_machine.travel(timezone.now() + timedelta(seconds=601)):
        assert client.get("/jobs/")["X-Cache"] == "miss"
        assert client.get("/jobs/")["X-Cache"] == "hit"
