"""SQL queries and bytes per public URL, uncached and cached, through Django's test client.

Run by bench/run.py with the benchmark's settings and database; prints one JSON object.
"""

from __future__ import annotations

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench.targets import discover  # noqa: E402
from toronto_ai.cache import invalidate_public_pages  # noqa: E402


def measure(client: Client, path: str) -> tuple[int, int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, secure=True)
    return response.status_code, len(queries), len(response.content)


def main() -> None:
    client = Client()
    results, skipped = [], []
    for name, path in discover():
        with override_settings(PAGE_CACHE_ENABLED=False):
            measure(client, path)  # warm per-process caches (site root paths, settings)
            status, uncached_queries, size = measure(client, path)
        if status != 200:
            skipped.append({"name": name, "path": path, "status": status})
            continue
        invalidate_public_pages("bench query count")
        first_status, _, _ = measure(client, path)
        _, cached_queries, _ = measure(client, path)
        results.append(
            {
                "name": name,
                "path": path,
                "queries_uncached": uncached_queries,
                "queries_cached": cached_queries,
                "bytes": size,
                "cacheable": first_status == 200 and cached_queries == 0,
            }
        )
    results.append(
        {
            "name": "bare view",
            "path": "/bench/bare",
            "queries_uncached": 0,
            "queries_cached": 0,
            "bytes": len(client.get("/bench/bare", secure=True).content),
            "cacheable": False,
        }
    )
    print(json.dumps({"targets": results, "skipped": skipped}))


if __name__ == "__main__":
    main()
