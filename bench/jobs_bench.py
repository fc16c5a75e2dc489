"""Benchmarks named by the jobs issue (#5). Run from the repository root:

    DATABASE_URL=postgres://... .venv/bin/python bench/jobs_bench.py [--quick]

1. Parsing: median ms of parse_results_page over every real page in ../shared/indeed (when
   present) and our fixtures. Target: <= 50 ms for pages with embedded JSON.
2. Upserting 10,000 postings on PostgreSQL, one statement per page of 15. Target: <= 5 s.
3. /jobs/ with 10,000 active postings, per filter: queries and median ms. Target: constant
   queries, <= 30 ms median.

Parts 2 and 3 use a throw-away test database (created and dropped here). Results are printed
and written to bench/results/jobs.json.
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toronto_ai.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

PAGE_SIZE = 15
FILTERS = [
    "",
    "?q=vision",
    "?remote=on",
    "?posted=1",
    "?posted=7",
    "?posted=30",
    "?company=Bench+Company+007",
    "?page=5",
]


def shared_pages_dir() -> Path | None:
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.jobs.conftest import SHARED_INDEED

    return SHARED_INDEED if SHARED_INDEED.is_dir() else None


def median_ms(action, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def bench_parser(repeat: int) -> list[dict]:
    from jobs.indeed import BlockedPage, parse_results_page

    paths = sorted((ROOT / "tests" / "fixtures" / "indeed").glob("*.html"))
    shared = shared_pages_dir()
    if shared:
        paths = sorted(shared.glob("*.html")) + paths
    rows = []
    for path in paths:
        html = path.read_text(encoding="utf-8", errors="replace")

        def parse(html=html):
            try:
                return parse_results_page(html, fetched_at=datetime.now(tz=UTC))
            except BlockedPage:
                return None
            except Exception:  # unrecognised fixtures are part of the suite too
                return None

        result = parse()
        rows.append(
            {
                "page": path.name,
                "kb": round(len(html) / 1024),
                "json": "mosaic-provider-jobcards" in html,
                "postings": len(result.postings) if result else 0,
                "median_ms": round(median_ms(parse, repeat), 2),
            }
        )
    return rows


def invented_postings(count: int, salt: str):
    from jobs.indeed import Posting

    return [
        Posting(
            key=f"{n:016x}",
            title=f"Machine Learning Engineer {n} {salt}",
            company=f"Company {n % 300}",
            location="Toronto, ON",
            url=f"https://ca.indeed.com/viewjob?jk={n:016x}",
            salary="$100,000 - $120,000 a year",
            posted_on=None,
            sponsored=False,
            remote=n % 4 == 0,
            snippet=f"Build deep learning systems ({salt}).",
        )
        for n in range(count)
    ]


def bench_upsert(count: int) -> dict:
    from django.utils import timezone

    from jobs.store import upsert_postings

    result = {}
    for label, salt in (("insert", "a"), ("update", "b")):
        postings = invented_postings(count, salt)
        start = time.perf_counter()
        for offset in range(0, count, PAGE_SIZE):
            upsert_postings(postings[offset : offset + PAGE_SIZE], seen_at=timezone.now())
        result[f"{label}_pages_of_{PAGE_SIZE}_seconds"] = round(time.perf_counter() - start, 2)
    postings = invented_postings(count, "c")
    start = time.perf_counter()
    upsert_postings(postings, seen_at=timezone.now())
    result["update_one_statement_seconds"] = round(time.perf_counter() - start, 2)
    return result


def bench_board(count: int, repeat: int) -> list[dict]:
    from io import StringIO

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jobs.bench_seed import seed
    from jobs.models import Job

    call_command("seed_demo", stdout=StringIO())
    Job.objects.all().delete()
    seed(count)
    call_command(
        "scrape_jobs", "--from-file", str(ROOT / "jobs" / "demo_pages" / "gta_ai_page1.html"), stdout=StringIO()
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE jobs_job")  # what autovacuum does on a live site
    client = Client()
    # The same site frame (routing, menu, settings) without the listing, for comparison.
    reference = round(median_ms(lambda: client.get("/contact/"), repeat), 2)
    rows = [{"url": "/contact/ (reference: frame only)", "queries": None, "jobs_queries": 0, "shown": 0}]
    rows[0]["median_ms"] = reference
    for query in FILTERS:
        url = "/jobs/" + query
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        rows.append(
            {
                "url": url,
                "queries": len(captured),
                "jobs_queries": sum(
                    'FROM "jobs_job"' in q["sql"] or 'FROM "jobs_scraperun"' in q["sql"]
                    for q in captured.captured_queries
                ),
                "shown": len(response.context["jobs"]),
                "median_ms": round(median_ms(lambda url=url: client.get(url), repeat), 2),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 7 if args.quick else 25
    results: dict = {"parser": bench_parser(repeat)}
    print("Parser (median ms; target <= 50 ms for pages with JSON)")
    for row in results["parser"]:
        print(
            f"  {row['median_ms']:8.2f} ms  {row['kb']:5d} KB  json={row['json']!s:5}"
            f"  {row['postings']:3d} postings  {row['page']}"
        )

    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        if connection.vendor == "postgresql":
            results["upsert_10000"] = bench_upsert(10_000)
            print(f"Upsert 10,000 postings (target <= 5 s): {results['upsert_10000']}")
        else:
            print("Upsert: skipped (needs PostgreSQL: set DATABASE_URL)")
        results["board_10000"] = bench_board(10_000, repeat)
        print("/jobs/ with 10,000 active postings (target: constant queries, <= 30 ms median)")
        for row in results["board_10000"]:
            queries = f"{row['queries']:2d} queries ({row['jobs_queries']} jobs)" if row["queries"] else " " * 20
            print(f"  {row['median_ms']:7.2f} ms  {queries}  {row['shown']:2d} shown  {row['url']}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    results["database"] = connection.vendor
    results["load_average"] = os.getloadavg()
    print(f"Load average during the run: {results['load_average']} (the machine is shared)")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "jobs.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
