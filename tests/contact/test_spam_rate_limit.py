"""Per-IP rate limit in the shared cache (Redis when REDIS_URL is set)."""

import threading

import pytest
import time_machine
from django.core.cache import cache

from toronto_ai.contact.spam import RateLimit


def test_sixth_hit_in_an_hour_is_refused_and_others_are_unaffected(real_cache, unique_scope):
    limit = RateLimit(unique_scope, limit=5, window=3600)
    assert [limit.hit("203.0.113.7") for _ in range(6)] == [True] * 5 + [False]
    assert limit.is_exceeded("203.0.113.7")
    assert not limit.is_exceeded("203.0.113.8")
    assert limit.hit("203.0.113.8")
    assert 0 < limit.retry_after("203.0.113.7") <= 3600


def test_peeking_does_not_count(real_cache, unique_scope):
    limit = RateLimit(unique_scope, limit=1, window=60)
    for _ in range(5):
        assert not limit.is_exceeded("198.51.100.1")
    assert limit.hit("198.51.100.1")


def test_scopes_are_counted_separately(real_cache, unique_scope):
    contact = RateLimit(unique_scope + "-a", limit=1, window=60)
    comment = RateLimit(unique_scope + "-b", limit=1, window=60)
    assert contact.hit("192.0.2.1") and not contact.hit("192.0.2.1")
    assert comment.hit("192.0.2.1")


def test_window_ends_and_the_address_may_send_again(settings, unique_scope):
    # locmem honours time-machine's clock; Redis expires keys on its own clock (tested below).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"}}
    from django.core.cache import caches

    limit = RateLimit(unique_scope, limit=2, window=3600, cache=caches["default"])
    with time_machine.travel("2026-11-28 12:00:00+00:00", tick=False):
        assert limit.hit("192.0.2.9") and limit.hit("192.0.2.9") and not limit.hit("192.0.2.9")
    with time_machine.travel("2026-11-28 13:00:01+00:00", tick=False):
        assert not limit.is_exceeded("192.0.2.9")
        assert limit.hit("192.0.2.9")


def test_redis_window_expires(redis_url, real_cache, unique_scope):
    import time

    limit = RateLimit(unique_scope, limit=1, window=1)
    assert limit.hit("192.0.2.10") and not limit.hit("192.0.2.10")
    time.sleep(1.2)
    assert limit.hit("192.0.2.10")


def test_concurrent_processes_share_one_count_in_redis(redis_url, settings, real_cache, unique_scope):
    """Separate connection pools (as separate web processes have) never over-admit."""
    from django_redis.cache import RedisCache

    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    options = settings.CACHES["default"]
    allowed = []
    lock = threading.Lock()

    def worker():
        own_cache = RedisCache(redis_url, {"KEY_PREFIX": options.get("KEY_PREFIX", ""), "OPTIONS": {}})
        limit = RateLimit(unique_scope, limit=5, window=60, cache=own_cache)
        results = [limit.hit("203.0.113.50") for _ in range(4)]
        with lock:
            allowed.extend(results)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(allowed) == 5
    assert RateLimit(unique_scope, limit=5, window=60, cache=cache).is_exceeded("203.0.113.50")


def test_unreachable_cache_lets_the_message_through(settings, unique_scope):
    from django_redis.cache import RedisCache

    down = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}})
    limit = RateLimit(unique_scope, limit=1, window=60, cache=down)
    assert limit.hit("192.0.2.2") and limit.hit("192.0.2.2")
    assert not limit.is_exceeded("192.0.2.2")


@pytest.mark.parametrize("hits", [0, 3])
def test_retry_after_is_never_more_than_the_window(real_cache, unique_scope, hits):
    limit = RateLimit(unique_scope, limit=1, window=120)
    for _ in range(hits):
        limit.hit("192.0.2.3")
    assert 0 < limit.retry_after("192.0.2.3") <= 120
