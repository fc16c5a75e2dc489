"""Meetups benchmark: queries and median latency of /meetups/, a meetup page and calendar.ics at N meetups.

Run against a database you can fill (it adds meetups until there are --count of them):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tai_bench .venv/bin/python bench/meetups_bench.py --count 500

Prints one line per page and writes bench/results/meetups.json. The issue's target: at most 12 queries
per page, the same at 10 or 500 meetups (asserted in tests/meetups/test_query_counts.py).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toronto_ai.settings.test")

QUERY_BUDGET = 12


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="meetups to have in the database")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetups import bench_seed
    from meetups.models import MeetupPage

    call_command("migrate", verbosity=0)
    missing = args.count - MeetupPage.objects.count()
    if missing > 0:
        started = time.perf_counter()
        bench_seed.seed(missing, progress=lambda done: print(f"  seeded {done}/{missing}", file=sys.stderr))
        print(f"seeded {missing} meetups in {time.perf_counter() - started:.2f}s", file=sys.stderr)

    pages = {
        "listing /meetups/": "/meetups/",
        "meetup page": MeetupPage.objects.live().upcoming().first().url,
        "calendar.ics": "/meetups/calendar.ics",
        "event.ics": f"/meetups/{MeetupPage.objects.live().past().first().slug}/event.ics",
    }
    client = Client(HTTP_HOST="localhost")
    cache.clear()
    results = {}
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)  # read now: the captured list is a view on the connection's log
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        results[name] = {
            "url": url,
            "queries": query_count,
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(sorted(timings)[int(len(timings) * 0.95) - 1], 2),
            "bytes": len(response.content),
        }
        flag = "ok" if query_count <= QUERY_BUDGET else f"OVER BUDGET ({QUERY_BUDGET})"
        print(
            f"{name:20} queries={query_count:3} {flag:4}  median={results[name]['median_ms']:8.2f} ms"
            f"  p95={results[name]['p95_ms']:8.2f} ms  ({url})"
        )

    out = ROOT / "bench" / "results" / "meetups.json"
    out.parent.mkdir(exist_ok=True)
    summary = {
        "meetups": MeetupPage.objects.count(),
        "database": connection.vendor,
        "runs": args.runs,
        "query_budget": QUERY_BUDGET,
        "pages": results,
    }
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0 if all(r["queries"] <= QUERY_BUDGET for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
