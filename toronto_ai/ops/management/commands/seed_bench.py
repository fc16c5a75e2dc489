"""Fill a benchmark database with many posts, meetups and jobs, through each app's hook.

Each section app may provide ``<app>/bench_seed.py`` with ``seed(count, progress)``: create
``count`` items in bulk and call ``progress(done)`` with how many it has created so far. Apps without the
module are skipped with a message. The command refuses to run on a database whose name does
not contain "bench", so it can never bloat a real site.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import TextIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from toronto_ai.cache import invalidate_public_pages

HOOKS = (("posts", "blog.bench_seed"), ("meetups", "meetups.bench_seed"), ("jobs", "jobs.bench_seed"))


class ProgressBar:
    """``progress(done)``: this many items done so far. Redraws at most ten times a second."""

    WIDTH = 30

    def __init__(self, label: str, total: int, stream: TextIO) -> None:
        self.label, self.total, self.stream = label, max(total, 1), stream
        self.done = 0
        self._drawn_at = 0.0
        self._started = time.monotonic()

    def __call__(self, done: int) -> None:
        self.done = min(max(done, self.done), self.total)
        now = time.monotonic()
        if now - self._drawn_at >= 0.1 or self.done == self.total:
            self._drawn_at = now
            self._draw()

    def _draw(self, end: str = "") -> None:
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        elapsed = time.monotonic() - self._started
        self.stream.write(f"\r  {self.label:<8} [{bar}] {self.done:>6}/{self.total} {elapsed:6.1f}s{end}")
        self.stream.flush()

    def finish(self) -> None:
        self._draw(end="\n")


def database_name() -> str:
    return str(settings.DATABASES["default"]["NAME"])


class Command(BaseCommand):
    help = "Fill the (separate) benchmark database: --posts N --meetups M --jobs J."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--posts", type=int, default=1000)
        parser.add_argument("--meetups", type=int, default=500)
        parser.add_argument("--jobs", type=int, default=10000)
        parser.add_argument(
            "--force", action="store_true", help="run even if the database name does not contain 'bench'"
        )

    def handle(self, *args, **options) -> None:
        if "bench" not in database_name() and not options["force"]:
            raise CommandError(
                f"refusing to fill database {database_name()!r}: point DATABASE_URL at a separate "
                "database whose name contains 'bench' (or pass --force)"
            )
        for label, count in (("posts", options["posts"]), ("meetups", options["meetups"]), ("jobs", options["jobs"])):
            if count < 0:
                raise CommandError(f"--{label} must be 0 or more, got {count}")
        call_command("seed_demo", stdout=self.stdout)
        stream = self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout
        for label, module_name in HOOKS:
            count = options[label]
            if count == 0:
                continue
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                self.stdout.write(f"  {label:<8} skipped: {module_name} does not exist yet")
                continue
            bar = ProgressBar(label, count, stream)
            module.seed(count, bar)
            bar.finish()
        if connection.vendor == "postgresql":
            # Settled tables and fresh planner statistics, as a database in service has them:
            # after a bulk load autovacuum would otherwise run during the first minutes of the
            # benchmark and slow whichever pages are measured then. (VACUUM cannot run inside a
            # transaction, as in a test; ANALYZE alone can.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        invalidate_public_pages("benchmark data seeded")
        self.stdout.write(self.style.SUCCESS(f"Benchmark data ready in {database_name()}."))
