#!/usr/bin/env python
"""Lighthouse 12 against the site as deployed: gunicorn with production settings on 127.0.0.1,
serving seed_demo's content from a database of its own. Issue 7's targets: performance,
accessibility, best practices and SEO >= 95 on home, a post and jobs; the home page <= 100 KB
transferred before images, with no render-blocking script.

    (cd bench/lighthouse && npm ci)       # Lighthouse 12.2.3, pinned apart from the root package.json
    .venv/bin/python bench/lighthouse.py  # writes bench/results/lighthouse-<date>.json, prints a table

Environment: LIGHTHOUSE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/toronto_ai_bench_lighthouse,
created if missing), BENCH_REDIS_URL / REDIS_URL as bench/run.py (keys prefixed "lighthouse"),
CHROME_PATH (default /usr/bin/chromium). Lighthouse's default mobile profile with simulated
throttling; --preset desktop for the desktop profile.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stack import PYTHON, RESULTS, ROOT, Gunicorn, bench_env, ensure_database, log, manage  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
TARGET_SCORE = 95
TARGET_HOME_KB = 100
NEWEST_POST = "from blog.models import BlogPostPage; print(BlogPostPage.objects.live().order_by('-date').first().url)"


def lighthouse_env() -> dict[str, str]:
    """bench/run.py's production environment, on plain HTTP (no TLS proxy in front here)."""
    return {
        **bench_env(),
        "DATABASE_URL": os.environ.get(
            "LIGHTHOUSE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/toronto_ai_bench_lighthouse"
        ),
        "CACHE_KEY_PREFIX": "lighthouse",
        "SECURE_SSL_REDIRECT": "false",
    }


def prepare(env: dict[str, str]) -> None:
    """Migrate, collect static files and seed the demo content (seed_demo is idempotent)."""
    ensure_database(env["DATABASE_URL"])
    log("migrate + collectstatic + seed_demo")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "seed_demo", "-v0")


def pages_to_audit(env: dict[str, str]) -> list[tuple[str, str]]:
    post = (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", NEWEST_POST],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return [("home", "/"), ("post", post), ("jobs", "/jobs/")]


def run_lighthouse(url: str, output: Path, preset: str | None) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if preset:
        command.append(f"--preset={preset}")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, env=env, check=True, timeout=300)
    return json.loads(output.read_text())


def summarise(report: dict) -> dict:
    """The scores, what failed in each category, and the page-weight figures issue 7 names."""
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    blocking = [item["url"] for item in audits["render-blocking-resources"].get("details", {}).get("items", [])]
    scripts = {item["url"] for item in requests if item.get("resourceType") == "Script"}
    failed = {}
    for key, category in report["categories"].items():
        failed[key] = sorted(
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and (audits[ref["id"]].get("score") is not None) and audits[ref["id"]]["score"] < 0.9
        )
    return {
        "url": report["finalDisplayedUrl"],
        "scores": {key: round(category["score"] * 100) for key, category in report["categories"].items()},
        "below_90_audits": failed,
        "transfer_bytes_total": sum(item.get("transferSize", 0) for item in requests),
        "transfer_bytes_before_images": sum(
            item.get("transferSize", 0) for item in requests if item.get("resourceType") != "Image"
        ),
        "requests": [
            {key: item.get(key) for key in ("url", "resourceType", "statusCode", "mimeType", "transferSize")}
            for item in requests
        ],
        "render_blocking": blocking,
        "render_blocking_scripts": [url for url in blocking if url in scripts or url.split("?")[0].endswith(".js")],
        "metrics_ms": {
            key: round(audits[key]["numericValue"])
            for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")
            if audits.get(key, {}).get("numericValue") is not None
        },
        "cumulative_layout_shift": audits.get("cumulative-layout-shift", {}).get("numericValue"),
    }


def markdown(result: dict) -> str:
    mark = "✅" if result["targets_met"] else "❌"
    lines = [
        f"## Lighthouse {result['lighthouse_version']} · {result['date']} · {result['form_factor']} {mark}",
        "",
        "gunicorn with production settings on 127.0.0.1 (page cache on), seed_demo content, Chromium "
        f"{result['chrome']}; targets: every score ≥ {TARGET_SCORE}, home ≤ {TARGET_HOME_KB} KB before images, "
        "no render-blocking script.",
        "",
        "| page | path | performance | accessibility | best practices | SEO | KB before images | KB total "
        "| render-blocking scripts | LCP ms | TBT ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for page in result["pages"]:
        scores = page["scores"]
        blocking = ", ".join(url.rsplit("/", 1)[-1] for url in page["render_blocking_scripts"]) or "none"
        lines.append(
            f"| {page['name']} | {page['path']} | "
            + " | ".join(str(scores[key]) for key in CATEGORIES)
            + f" | {page['transfer_bytes_before_images'] / 1024:.1f} | {page['transfer_bytes_total'] / 1024:.1f}"
            f" | {blocking} | {page['metrics_ms'].get('largest-contentful-paint', '–')}"
            f" | {page['metrics_ms'].get('total-blocking-time', '–')} |"
        )
    misses = [
        f"- {page['name']} {key}: {', '.join(audits)}"
        for page in result["pages"]
        for key, audits in page["below_90_audits"].items()
        if audits
    ]
    if misses:
        lines += ["", "Audits scoring below 90:", *misses]
    return "\n".join(lines)


def targets_met(pages: list[dict]) -> bool:
    home = next(page for page in pages if page["name"] == "home")
    return (
        all(score >= TARGET_SCORE for page in pages for score in page["scores"].values())
        and home["transfer_bytes_before_images"] <= TARGET_HOME_KB * 1024
        and not any(page["render_blocking_scripts"] for page in pages)
    )


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")  # runs the finally block that stops gunicorn


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=["desktop"], help="Lighthouse's desktop profile instead of mobile")
    parser.add_argument("--skip-seed", action="store_true", help="reuse the lighthouse database as it is")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: (cd bench/lighthouse && npm ci)")

    env = lighthouse_env()
    if not args.skip_seed:
        prepare(env)
    targets = pages_to_audit(env)

    server_log = Path(tempfile.gettempdir()) / "toronto-ai-lighthouse-gunicorn.log"
    server_log.write_text("")
    server = Gunicorn(env, page_cache=True, log_path=server_log)
    pages, version, chrome, form_factor = [], "", "", ""
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for name, path in targets:
                log(f"lighthouse {name} {path}")
                report = run_lighthouse(server.base + path, Path(scratch) / f"{name}.json", args.preset)
                version = report["lighthouseVersion"]
                chrome = report["environment"]["hostUserAgent"].split("Chrome/")[-1].split(" ")[0]
                form_factor = report["configSettings"]["formFactor"]
                pages.append({"name": name, "path": path, **summarise(report)})
    finally:
        server.stop()

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "lighthouse_version": version,
        "chrome": chrome,
        "form_factor": form_factor,
        "command": "bench/lighthouse.py" + (f" --preset {args.preset}" if args.preset else ""),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "pages": pages,
        "targets_met": targets_met(pages),
    }
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y-%m-%dT%H-%M-%S", time.gmtime())
    path = RESULTS / f"lighthouse-{stamp}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    log(f"wrote {path.relative_to(ROOT)}")
    print(markdown(result))
    sys.exit(0 if result["targets_met"] else 1)


if __name__ == "__main__":
    main()
