"""The public page cache: whole responses for anonymous visitors, kept in the "pages" cache.

Every stored page records the *generation* it was rendered in. ``invalidate_public_pages()``
bumps the generation, so every cached page is out of date at once without scanning Redis; a
lookup fetches the page and the current generation in one round trip (MGET) and serves the page
only if they match (stale entries are overwritten on the next render or expire).
Call it whenever something shown on public pages changes outside Wagtail's page and snippet
signals, which are connected already (toronto_ai/ops/signals.py): e.g. after a meetup is saved
or a jobs scrape run changed postings. A page that changes by itself at a known moment (a meetup
ends and leaves "upcoming") says so with ``changes_at(moment)``: it is kept no longer than that.

Redis trouble never breaks a page: errors are logged and the cache is bypassed for
``OUTAGE_BACKOFF_SECONDS`` so requests do not each wait for a dead server.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from .cache_policy import page_key
from .local_pages import LocalPages

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
OUTAGE_BACKOFF_SECONDS = 10.0
# Headers that describe one particular response and are not replayed from the cache.
_NOT_STORED = {"set-cookie", "x-cache"}

_outage_until = 0.0
_process_generation: tuple[int | None, float] = (None, 0.0)  # (generation, when read)
_local_pages = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)
_request_scope: ContextVar[dict | None] = ContextVar("page_cache_request_scope", default=None)
CACHED_TTL_SECONDS = 3600
# What ``cached()`` built or fetched in the current generation, pickled: each request unpickles
# its own copy (pages are mutated while a request is served) without a Redis round trip.
_local_values: dict[str, bytes] = {}
_local_values_generation: int | None = None
LOCAL_VALUES_MAX = 256
T = TypeVar("T")


@dataclass(frozen=True)
class CachedPage:
    generation: int
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]
    # Wall-clock seconds, so this process's memory honours the lifetime too. The default (a class
    # attribute) makes a copy pickled by an older release, without the field, merely stale.
    expires_at: float = 0.0

    def is_fresh(self, generation: int) -> bool:
        return self.generation == generation and time.time() < self.expires_at

    def to_response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        response["X-Cache"] = "hit"
        return response


def _available() -> bool:
    return time.monotonic() >= _outage_until


def _report_outage(action: str, exc: Exception) -> None:
    global _outage_until
    _outage_until = time.monotonic() + OUTAGE_BACKOFF_SECONDS
    logger.error(
        "page cache unavailable while %s: %s; serving uncached pages for %ss",
        action,
        exc,
        int(OUTAGE_BACKOFF_SECONDS),
    )


def _fresh_generation() -> int:
    # Milliseconds since the epoch: if Redis lost the counter, the new one cannot meet old keys.
    return int(time.time() * 1000)


def current_generation() -> int:
    """The generation now: read once per request (see ``request_scope``), and by each process at
    most once per ``PAGE_CACHE_GENERATION_SECONDS`` (a change made by another process shows within
    that time; one made by this process at once)."""
    scope = _request_scope.get()
    if scope is not None and "generation" in scope:
        return scope["generation"]
    generation, read_at = _process_generation
    if generation is not None and time.monotonic() - read_at < settings.PAGE_CACHE_GENERATION_SECONDS:
        if scope is not None:
            scope["generation"] = generation
        return generation
    cache = caches[CACHE_ALIAS]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    generation = int(generation)
    _remember_generation(generation)
    return generation


@contextmanager
def request_scope() -> Iterator[None]:
    """Within a request, everything derived from the generation (the page's cache entry, the
    frame, the routing lookups) uses the one read first: one Redis round trip instead of one per
    lookup, and a request rendered across an invalidation is consistently stale."""
    token = _request_scope.set({})
    try:
        yield
    finally:
        _request_scope.reset(token)


def _remember_generation(generation: int) -> None:
    """Just read from Redis: this process and this request use it."""
    global _process_generation
    _process_generation = (generation, time.monotonic())
    scope = _request_scope.get()
    if scope is not None:
        scope["generation"] = generation


def invalidate_public_pages(reason: str = "content changed") -> None:
    """Make every cached public page stale now (safe to call often, and when Redis is down)."""
    global _process_generation
    _process_generation = (None, 0.0)  # what this process renders next reflects the change
    scope = _request_scope.get()
    if scope is not None:
        scope.pop("generation", None)
    cache = caches[CACHE_ALIAS]
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet (first use, or Redis was emptied)
            cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)
    except Exception as exc:
        logger.error("page cache invalidation failed (%s): %s", reason, exc)
        return
    logger.debug("page cache invalidated: %s", reason)


def invalidate_public_pages_on_commit(reason: str = "content changed") -> None:
    """Invalidate now and again once the surrounding transaction commits, so a request that
    rendered the old content in between cannot leave it cached."""
    invalidate_public_pages(reason)
    transaction.on_commit(lambda: invalidate_public_pages(reason))


def _local_value(key: str, generation: int) -> bytes | None:
    global _local_values_generation
    if generation != _local_values_generation:  # content changed: nothing kept is current
        _local_values.clear()
        _local_values_generation = generation
    return _local_values.get(key)


def _keep_local_value(key: str, value: object) -> None:
    if len(_local_values) >= LOCAL_VALUES_MAX:
        _local_values.clear()
    _local_values[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, kept until the next change to public content (the next generation); for what
    every page needs, like the menu (home/frame.py) and Wagtail's routing lookups
    (home/routing.py). It is built once for all web processes (kept in the default cache), and
    each process keeps its own copy too, so a lookup costs no Redis round trip. Within a request
    each name is fetched once. A ``None`` result is not kept; with the cache unreachable it is
    built each time."""
    if not _available():  # Redis failed moments ago: do not wait for it again on every lookup
        return build()
    scope = _request_scope.get()
    try:
        generation = current_generation()
        key = f"frame:{name}:{generation}"
        if scope is not None and key in scope:
            return scope[key]
        local = _local_value(key, generation)
        value = pickle.loads(local) if local is not None else caches["default"].get(key)  # noqa: S301 (our own bytes)
    except Exception as exc:  # a dead Redis must not take the pages down with it
        _report_outage(f"reading {name}", exc)
        return build()
    if value is None:
        value = build()
        if value is not None:
            caches["default"].set(key, value, CACHED_TTL_SECONDS)
    if value is not None and local is None:
        _keep_local_value(key, value)
    if scope is not None:
        scope[key] = value
    return value


@dataclass(frozen=True)
class Lookup:
    """Where to store this request's page, and in which generation."""

    key: str
    generation: int


def lookup(request: HttpRequest) -> tuple[Lookup | None, HttpResponse | None]:
    """Where to store this request's page, and the cached response if it is current: from this
    process's memory when it holds the current generation's copy (one small read of the
    generation), else from Redis (one read of the generation and the page together)."""
    if not _available():
        return None, None
    key = page_key(request)
    local = _local_pages.get(key)
    try:
        if local is not None and local.is_fresh(current_generation()):
            return Lookup(key, local.generation), local.to_response()
        values = caches[CACHE_ALIAS].get_many([GENERATION_KEY, key])
        generation = values.get(GENERATION_KEY)
        generation = current_generation() if generation is None else int(generation)
        _remember_generation(generation)
    except Exception as exc:
        _report_outage("reading", exc)
        return None, None
    cached = values.get(key)
    if isinstance(cached, CachedPage) and cached.is_fresh(generation):
        _local_pages.put(key, cached)
        return Lookup(key, generation), cached.to_response()
    return Lookup(key, generation), None


def changes_at(moment: datetime) -> None:
    """The page being rendered changes by itself at ``moment`` (a meetup starts or ends): neither
    the page cache nor a CDN keeps it past then. Outside a request it does nothing."""
    scope = _request_scope.get()
    if scope is None:
        return
    timestamp = moment.timestamp()
    scope["changes_at"] = min(timestamp, scope.get("changes_at", timestamp))


def lifetime() -> int:
    """Whole seconds the page just rendered may be cached: ``PAGE_CACHE_SECONDS``, or less if it
    changes by itself before then (``changes_at``); 0 means not at all."""
    scope = _request_scope.get() or {}
    seconds = settings.PAGE_CACHE_SECONDS
    if "changes_at" in scope:
        seconds = min(seconds, int(scope["changes_at"] - time.time()))
    return max(seconds, 0)


def store(where: Lookup, response: HttpResponse, seconds: int) -> None:
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in _NOT_STORED)
    page = CachedPage(where.generation, response.status_code, response.content, headers, time.time() + seconds)
    _local_pages.put(where.key, page)
    try:
        caches[CACHE_ALIAS].set(where.key, page, timeout=seconds)
    except Exception as exc:
        _report_outage("writing", exc)
