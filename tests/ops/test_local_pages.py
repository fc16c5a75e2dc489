"""Each web process keeps its hottest cached pages in memory, bounded, and never serves a stale one."""

from dataclasses import dataclass

import pytest
from django.core.cache import caches

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
def test_repeated_hits_are_answered_from_memory_without_reading_the_page_from_redis(client, site_tree, monkeypatch):
    client.get("/blog/")
    assert client.get("/blog/")["X-Cache"] == "hit"
    pages, page_reads = caches["pages"], []
    real = pages.get_many
    monkeypatch.setattr(pages, "get_many", lambda keys, **kw: page_reads.append(keys) or real(keys, **kw))
    for _ in range(5):
        assert client.get("/blog/")["X-Cache"] == "hit"
    assert page_reads == []


@pytest.mark.django_db
def test_a_page_another_process_invalidated_is_not_served_from_memory(client, site_tree):
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    caches["pages"].incr(page_cache.GENERATION_KEY)  # what another web process's publish does
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "hit"
