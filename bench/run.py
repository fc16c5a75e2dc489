#!/usr/bin/env python
"""The benchmark suite: seed a separate database, serve it with gunicorn (production settings)
on 127.0.0.1, load every public URL with wrk, and write bench/results/<date>.json and .md.

    .venv/bin/python bench/run.py            # full: 1,000 posts, 500 meetups, 10,000 jobs
    .venv/bin/python bench/run.py --quick    # small data, short runs (under 3 minutes)

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/toronto_ai_bench,
created if missing), BENCH_REDIS_URL (default $REDIS_URL, else redis://127.0.0.1:6379/0; keys
are prefixed "bench").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import BARE, SPIKE_RUNS, write_reports  # noqa: E402
from bench.stack import PYTHON, RESULTS, Gunicorn, bench_env, ensure_database, log, manage  # noqa: E402

PROFILES = {
    # Quick: the URL table only (the section scripts, which seed and time at full size, run in full).
    "quick": {"posts": 100, "meetups": 50, "jobs": 1000, "connections": 16, "seconds": 2, "warmup": 1, "rounds": 1},
    "full": {
        "posts": 1000,
        "meetups": 500,
        "jobs": 10000,
        "connections": 32,
        "seconds": 10,
        "warmup": 2,
        "rounds": 2,
    },
}
# The launch-day check: sustained concurrency against the busiest pages (full run only), with the
# page cache on (as in service) and off (the first seconds after a publish empties it, or Redis is down).
SPIKE = {"names": ("home", "blog index", "jobs index"), "connections": 64, "seconds": 30}


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if shutil.which("apt-get") and os.geteuid() == 0:
        log("installing Debian's wrk")
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("wrk is missing: sudo apt-get install wrk")


def run_wrk(wrk: str, url: str, connections: int, seconds: int) -> dict:
    command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    command += ["-s", str(ROOT / "bench" / "wrk_report.lua"), "-H", "X-Forwarded-Proto: https", url]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    line = next((item for item in proc.stdout.splitlines() if item.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk produced no report for {url}: {proc.stdout}{proc.stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = raw["duration_us"] / 1e6
    return {
        "rps": round(raw["requests"] / seconds_run, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "errors": raw["socket_errors"] + raw["non_2xx_3xx"] + raw["timeouts"],
        "requests": raw["requests"],
        "bytes_per_request": round(raw["bytes"] / max(raw["requests"], 1)),
        "connections": connections,
        "seconds": seconds,
    }


def load_all(wrk: str, server: Gunicorn, targets: list[dict], profile: dict, mode: str) -> dict[str, dict]:
    """Every target, in ``rounds`` rounds minutes apart, each URL keeping its best round: the
    machine is shared, and what else runs on it only ever slows a run down (errors add up over
    all rounds). The bare view runs first and last in each round, and keeps its best too."""
    measured: dict[str, list[dict]] = {}
    bare = next(target for target in targets if target["name"] == BARE)
    for round_number in range(1, profile["rounds"] + 1):
        for target in [bare, *targets]:
            url = server.base + target["path"]
            run_wrk(wrk, url, 4, profile["warmup"])  # fill the page cache and warm the workers
            stats = run_wrk(wrk, url, profile["connections"], profile["seconds"])
            measured.setdefault(target["name"], []).append(stats)
            log(
                f"{mode:<8} {round_number} {target['name']:<16} {stats['rps']:>8} req/s  "
                f"p99 {stats['p99_ms']} ms  errors {stats['errors']}"
            )
    return {name: best_round(runs) for name, runs in measured.items()}


def best_round(runs: list[dict]) -> dict:
    best = max(runs, key=lambda stats: stats["rps"])
    return {**best, "errors": sum(stats["errors"] for stats in runs), "rps_rounds": [stats["rps"] for stats in runs]}


def spike(wrk: str, server: Gunicorn, targets: list[dict], mode: str) -> dict[str, dict]:
    results = {}
    for target in targets:
        if target["name"] in SPIKE["names"]:
            results[target["name"]] = run_wrk(wrk, server.base + target["path"], SPIKE["connections"], SPIKE["seconds"])
            log(f"spike    {mode:<8} {target['name']:<16} errors {results[target['name']]['errors']}")
    return results


def app_timings(env: dict[str, str]) -> list[dict]:
    """Other benchmark scripts (bench/<app>_*.py, e.g. the Indeed parser): their output, as is."""
    outputs = []
    for script in sorted((ROOT / "bench").glob("*_*.py")):
        if script.stem.split("_")[0] not in {"blog", "meetups", "jobs", "contact"}:
            continue
        log(f"running {script.name}")
        # The section scripts drive Django's test client: test settings (no HTTPS redirect), same data.
        script_env = {**env, "DJANGO_SETTINGS_MODULE": "toronto_ai.settings.test"}
        proc = subprocess.run(
            [PYTHON, str(script)], cwd=ROOT, env=script_env, capture_output=True, text=True, timeout=900
        )
        outputs.append(
            {"script": script.name, "exit_code": proc.returncode, "output": (proc.stdout + proc.stderr)[-4000:]}
        )
    return outputs


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")  # runs the finally blocks that stop gunicorn


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small data and short runs (under 3 minutes)")
    parser.add_argument(
        "--skip-seed", action="store_true", help="reuse the data already in the bench database (else it starts empty)"
    )
    args = parser.parse_args()
    profile_name = "quick" if args.quick else "full"
    profile = PROFILES[profile_name]
    started = time.monotonic()
    load_before = [round(value, 2) for value in os.getloadavg()]

    wrk = ensure_wrk()
    env = bench_env()
    ensure_database(env["DATABASE_URL"], fresh=not args.skip_seed)
    log("migrate + collectstatic")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    if not args.skip_seed:
        log(f"seed_bench ({profile['posts']} posts, {profile['meetups']} meetups, {profile['jobs']} jobs)")
        manage(
            env,
            "seed_bench",
            "--posts",
            str(profile["posts"]),
            "--meetups",
            str(profile["meetups"]),
            "--jobs",
            str(profile["jobs"]),
        )

    log("counting SQL queries per URL")
    proc = subprocess.run(
        [PYTHON, "-m", "bench.queries"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    discovered = json.loads(proc.stdout.strip().splitlines()[-1])
    targets = discovered["targets"]
    for item in discovered["skipped"]:
        log(f"skipped {item['name']} ({item['path']}): HTTP {item['status']}")

    RESULTS.mkdir(exist_ok=True)
    server_log = Path(tempfile.gettempdir()) / "toronto-ai-bench-gunicorn.log"
    server_log.write_text("")
    runs = {}
    for mode, cached in (("uncached", False), ("cached", True)):
        server = Gunicorn(env, page_cache=cached, log_path=server_log)
        try:
            runs[mode] = load_all(wrk, server, targets, profile, mode)
            if profile_name == "full":
                runs[SPIKE_RUNS[mode]] = spike(wrk, server, targets, mode)
        finally:
            server.stop()

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "profile": profile_name,
        "rounds": profile["rounds"],
        "data": {key: profile[key] for key in ("posts", "meetups", "jobs")},
        "machine": {
            "cpus": os.cpu_count(),
            "gunicorn_workers": os.environ.get("WEB_CONCURRENCY", "auto"),
            "load_average_before": load_before,
            "load_average_after": [round(value, 2) for value in os.getloadavg()],
        },
        "command": f"make bench{'-quick' if args.quick else ''}",
        "targets": targets,
        "skipped": discovered["skipped"],
        "runs": runs,
        "app_benchmarks": app_timings(env) if profile_name == "full" else [],
        "elapsed_seconds": round(time.monotonic() - started),
    }
    json_path, md_path = write_reports(result, RESULTS)
    log(f"wrote {json_path.relative_to(ROOT)} and {md_path.relative_to(ROOT)} in {result['elapsed_seconds']}s")
    print(md_path.read_text())


if __name__ == "__main__":
    main()
