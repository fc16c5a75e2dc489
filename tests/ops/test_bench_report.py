"""The benchmark report says plainly which of the issue's numbers are met and which are not."""

from bench.report import markdown, target_rows


def result(
    blog_uncached_rps: float, blog_cached_rps: float, post_queries_cached: int = 0, uncached_spike_errors: int = 0
) -> dict:
    def run(rps: float, errors: int = 0) -> dict:
        return {"rps": rps, "p50_ms": 10.0, "p99_ms": 40.0, "errors": errors, "connections": 32, "seconds": 15}

    targets = [
        {"name": "blog index", "path": "/blog/", "queries_uncached": 3, "queries_cached": 0, "bytes": 9000,
         "cacheable": True},
        {"name": "blog item", "path": "/blog/a/", "queries_uncached": 4, "queries_cached": post_queries_cached,
         "bytes": 7000, "cacheable": post_queries_cached == 0},
        {"name": "healthz", "path": "/healthz", "queries_uncached": 1, "queries_cached": 1, "bytes": 49,
         "cacheable": False},
        {"name": "bare view", "path": "/bench/bare", "queries_uncached": 0, "queries_cached": 0, "bytes": 3,
         "cacheable": False},
    ]  # fmt: skip
    return {
        "date": "2026-12-01T12:00:00+00:00",
        "profile": "full",
        "command": "make bench",
        "data": {"posts": 1000, "meetups": 500, "jobs": 10000},
        "machine": {"cpus": 2, "load_average_before": [1.0], "load_average_after": [2.0]},
        "targets": targets,
        "skipped": [],
        "runs": {
            "uncached": {
                "blog index": run(blog_uncached_rps),
                "blog item": run(90),
                "healthz": run(500),
                "bare view": run(2500),
            },
            "cached": {
                "blog index": run(blog_cached_rps),
                "blog item": run(1900),
                "healthz": run(500),
                "bare view": run(2500),
            },
            "spike": {"blog index": run(1700)},
            "spike_uncached": {"blog index": run(110, errors=uncached_spike_errors)},
        },  # fmt: skip
        "app_benchmarks": [],
    }


def test_every_target_met_is_reported_as_met():
    rows = target_rows(result(blog_uncached_rps=120, blog_cached_rps=2000))
    assert [met for _, _, met in rows] == [True] * 5
    assert "| uncached blog index ≥ 100 req/s | 120 req/s | yes |" in markdown(result(120, 2000))


def test_a_slow_uncached_blog_and_an_uncached_post_are_flagged():
    rows = {target: (measured, met) for target, measured, met in target_rows(result(68, 1000, post_queries_cached=9))}
    assert rows["uncached blog index ≥ 100 req/s"] == ("68 req/s", False)
    assert rows["0 SQL queries when cached"] == ("not: blog item", False)
    assert rows["cached pages ≥ 70% of the bare view"] == ("slowest 40% (blog index)", False)
    assert "| **no** |" in markdown(result(68, 1000, post_queries_cached=9))


def test_errors_in_the_uncached_spike_fail_the_spike_target():
    rows = {
        target: (measured, met) for target, measured, met in target_rows(result(120, 2000, uncached_spike_errors=3))
    }
    assert rows["64 connections for 30 s against home, blog, jobs: 0 errors"] == (
        "0 errors cached, 3 errors uncached",
        False,
    )
    report = markdown(result(120, 2000, uncached_spike_errors=3))
    assert "| blog index | cached | 1700 | 40.0 | 0 |" in report
    assert "| blog index | uncached | 110 | 40.0 | 3 |" in report
