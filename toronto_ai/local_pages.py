"""The hottest cached pages of one web process, in front of Redis (toronto_ai/cache.py).

A page-cache hit would otherwise fetch the page's bytes from Redis on every request. Each web
process keeps the pages it served most recently, up to ``PAGE_CACHE_LOCAL_BYTES``, each with the
generation it was rendered in, and serves it only while that is the current generation (which
``toronto_ai.cache.current_generation`` re-reads at most once per
``PAGE_CACHE_GENERATION_SECONDS``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Protocol


class Stored(Protocol):
    generation: int
    content: bytes


class LocalPages:
    """A least-recently-used store bounded by the bytes of the pages it holds (thread-safe, for
    gunicorn's threaded workers)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, Stored] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Stored | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: Stored) -> None:
        size = len(page.content)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old.content)
            self._pages[key] = page
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, evicted = self._pages.popitem(last=False)
                self._bytes -= len(evicted.content)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    @property
    def size_bytes(self) -> int:
        return self._bytes
