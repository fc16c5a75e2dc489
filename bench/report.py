"""Turn a benchmark result into bench/results/<date>.json and a Markdown table beside it."""

from __future__ import annotations

import json
from pathlib import Path

BARE = "bare view"
# Not public pages: the baseline, and the health check (never cached, by design).
NOT_PAGES = {BARE, "healthz"}
# The numbers the production-readiness issue names.
MAX_QUERIES_UNCACHED = 12
MIN_CACHED_RATIO = 0.70
MIN_BLOG_INDEX_UNCACHED_RPS = 100
# Where each pass's launch-day spike is kept in the result ("spike" alone in older results).
SPIKE_RUNS = {"cached": "spike", "uncached": "spike_uncached"}


def _spikes(runs: dict) -> dict[str, dict]:
    """{"cached" | "uncached": {page: stats}} for the spikes this result holds."""
    return {mode: runs[key] for mode, key in SPIKE_RUNS.items() if runs.get(key)}


def _rounds(result: dict) -> str:
    rounds = result.get("rounds", 1)
    return f", the best of {rounds} rounds" if rounds > 1 else ""


def _ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.0%}" if baseline else "–"


def target_rows(result: dict) -> list[tuple[str, str, bool]]:
    """(target, what was measured, met?) for each number the issue names."""
    runs, pages = result["runs"], [t for t in result["targets"] if t["name"] not in NOT_PAGES]
    rows = []
    worst = max(pages, key=lambda t: t["queries_uncached"])
    rows.append(
        (
            f"every public page ≤ {MAX_QUERIES_UNCACHED} SQL queries uncached",
            f"at most {worst['queries_uncached']} ({worst['name']})",
            worst["queries_uncached"] <= MAX_QUERIES_UNCACHED,
        )
    )
    not_zero = [t["name"] for t in pages if not t["cacheable"] or t["queries_cached"]]
    rows.append(("0 SQL queries when cached", "all" if not not_zero else "not: " + ", ".join(not_zero), not not_zero))
    bare = runs["cached"][BARE]["rps"]
    slowest = min(pages, key=lambda t: runs["cached"][t["name"]]["rps"])
    ratio = runs["cached"][slowest["name"]]["rps"] / bare if bare else 0
    rows.append(
        (
            f"cached pages ≥ {MIN_CACHED_RATIO:.0%} of the bare view",
            f"slowest {ratio:.0%} ({slowest['name']})",
            ratio >= MIN_CACHED_RATIO,
        )
    )
    blog = runs["uncached"].get("blog index")
    if blog:
        rows.append(
            (
                f"uncached blog index ≥ {MIN_BLOG_INDEX_UNCACHED_RPS} req/s",
                f"{blog['rps']} req/s",
                blog["rps"] >= MIN_BLOG_INDEX_UNCACHED_RPS,
            )
        )
    spikes = _spikes(runs)
    if spikes:
        errors = {mode: sum(stats["errors"] for stats in pages.values()) for mode, pages in spikes.items()}
        measured = ", ".join(f"{count} errors {mode}" for mode, count in errors.items())
        rows.append(("64 connections for 30 s against home, blog, jobs: 0 errors", measured, not any(errors.values())))
    return rows


def markdown(result: dict) -> str:
    runs = result["runs"]
    bare_cached = runs["cached"].get(BARE, {}).get("rps", 0)
    bare_uncached = runs["uncached"].get(BARE, {}).get("rps", 0)
    data = result["data"]
    lines = [
        f"## Benchmark {result['date']} ({result['profile']})",
        "",
        f"`{result['command']}` · {result['machine']['cpus']} CPUs · gunicorn with production settings on "
        f"127.0.0.1 · wrk, {runs['cached'][BARE]['connections']} connections, "
        f"{runs['cached'][BARE]['seconds']} s per URL{_rounds(result)} · data: {data['posts']} posts, "
        f"{data['meetups']} meetups, "
        f"{data['jobs']} jobs requested (sections without a seed hook stay empty) · load average "
        f"{result['machine']['load_average_before'][0]} before, {result['machine']['load_average_after'][0]} after "
        "(a shared machine: compare ratios, not absolute numbers).",
        "",
        "| page | path | SQL uncached | SQL cached | bytes | uncached req/s | p50 / p99 ms | vs bare "
        "| cached req/s | p50 / p99 ms | vs bare | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for target in result["targets"]:
        name = target["name"]
        cold, warm = runs["uncached"][name], runs["cached"][name]
        cached_sql = (
            target["queries_cached"]
            if target["cacheable"] or name == BARE
            else f"{target['queries_cached']} (not cached)"
        )
        lines.append(
            f"| {name} | `{target['path']}` | {target['queries_uncached']} | {cached_sql} | {target['bytes']} "
            f"| {cold['rps']} | {cold['p50_ms']} / {cold['p99_ms']} | {_ratio(cold['rps'], bare_uncached)} "
            f"| {warm['rps']} | {warm['p50_ms']} / {warm['p99_ms']} | {_ratio(warm['rps'], bare_cached)} "
            f"| {cold['errors'] + warm['errors']} |"
        )
    lines += ["", "Targets:", "", "| target | measured | met |", "| --- | --- | --- |"]
    for target, measured, met in target_rows(result):
        lines.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")
    spikes = _spikes(runs)
    if spikes:
        lines += ["", "Launch-day spike (64 connections, 30 s per page):", ""]
        lines += ["| page | page cache | req/s | p99 ms | errors |", "| --- | --- | ---: | ---: | ---: |"]
        for mode, pages in spikes.items():
            for name, stats in pages.items():
                lines.append(f"| {name} | {mode} | {stats['rps']} | {stats['p99_ms']} | {stats['errors']} |")
    if result["skipped"]:
        lines += [
            "",
            "Not measured (did not answer 200): "
            + ", ".join(f"{s['name']} ({s['status']})" for s in result["skipped"]),
        ]
    for extra in result.get("app_benchmarks", []):
        lines += [
            "",
            f"`bench/{extra['script']}` (exit {extra['exit_code']}):",
            "",
            "```",
            extra["output"].strip(),
            "```",
        ]
    return "\n".join(lines) + "\n"


def write_reports(result: dict, folder: Path) -> tuple[Path, Path]:
    stem = result["date"][:19].replace(":", "-")
    json_path = folder / f"{stem}.json"
    md_path = folder / f"{stem}.md"
    json_path.write_text(json.dumps(result, indent=2) + "\n")
    md_path.write_text(markdown(result))
    return json_path, md_path
