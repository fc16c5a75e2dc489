"""Turn a benchmark result into bench/results/<date>.json and a Markdown table beside it."""

from __future__ import annotations

import json
from pathlib import Path

BARE = "bare view"


def _ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.0%}" if baseline else "–"


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
        f"{runs['cached'][BARE]['seconds']} s per URL · data: {data['posts']} posts, {data['meetups']} meetups, "
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
    if runs.get("spike"):
        lines += ["", "Launch-day spike (cached, 64 connections, 30 s):", ""]
        lines += ["| page | req/s | p99 ms | errors |", "| --- | ---: | ---: | ---: |"]
        for name, stats in runs["spike"].items():
            lines.append(f"| {name} | {stats['rps']} | {stats['p99_ms']} | {stats['errors']} |")
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
