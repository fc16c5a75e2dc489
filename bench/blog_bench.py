"""Benchmark: uncached /blog/ with 1,000 posts (median ms) and its SQL query count.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tai_blog_bench .venv/bin/python bench/blog_bench.py
    .venv/bin/python bench/blog_bench.py --posts 1000 --runs 50     # SQLite file in /tmp without DATABASE_URL

Migrates the database, creates the demo content, tops the blog up to --posts published posts
with ``blog.bench_seed`` (bulk inserts), then requests each page through Django's test client
(no HTTP server, no page cache). "cold" starts a new page-cache generation before every
request, as a publish does, so the site's frame and routing lookups are rebuilt each time; "warm"
keeps them, and the per-process caches (site root paths, content types), as a running server would.
Wall-clock medians depend on how busy the machine is (the load average is recorded);
``median_cpu_ms`` is this process's CPU time only (template rendering, ORM), without the
database server's share.
Results are printed and written to bench/results/blog.json.
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
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/toronto_ai_blog_bench.sqlite3")

PAGES = ["/blog/", "/blog/category/research/", "/blog/feed/", "/blog/feed/atom/"]


def measure(client, url: str, runs: int, cold: bool) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from toronto_ai.cache import invalidate_public_pages

    def new_generation() -> None:
        # What a publish does: the frame and routing lookups (in Redis and in this process) and the
        # cached pages all belong to the old generation, so the next request rebuilds them.
        invalidate_public_pages("blog bench: cold run")

    if not cold:
        new_generation()  # a generation of its own, then filled by the first request
    client.get(url)
    if cold:
        new_generation()
    with CaptureQueriesContext(connection) as captured:  # counted apart: capturing slows queries down
        assert client.get(url).status_code == 200, url
    queries = len(captured.captured_queries)  # now: later requests empty the query log
    timings, cpu = [], []
    for _ in range(runs):
        if cold:
            new_generation()
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(sorted(timings)[int(runs * 0.9) - 1], 2),
        "median_cpu_ms": round(statistics.median(cpu), 2),  # this process only: excludes the database server
        "queries": queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from blog import bench_seed
    from blog.models import BlogPostPage

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    missing = args.posts - BlogPostPage.objects.live().count()
    if missing > 0:
        started = time.perf_counter()
        bench_seed.seed(missing)
        print(f"seeded {missing} posts in {time.perf_counter() - started:.2f} s")
    total = BlogPostPage.objects.live().count()
    client = Client()
    results = {
        "posts": total,
        "runs": args.runs,
        "database": os.environ["DATABASE_URL"].split(":")[0],
        "load_average_1min": round(os.getloadavg()[0], 2),  # the machine is shared: read timings with this
        "cpus": os.cpu_count(),
        "pages": {},
    }
    for url in PAGES:
        results["pages"][url] = {
            "cold": measure(client, url, args.runs, True),
            "warm": measure(client, url, args.runs, False),
        }
        print(f"{url:32} cold {results['pages'][url]['cold']}  warm {results['pages'][url]['warm']}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    results["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    (out / "blog.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
