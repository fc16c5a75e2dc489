"""Scrape Indeed now, or run saved result pages through the same pipeline.

manage.py scrape_jobs                              every active search
manage.py scrape_jobs --query "computer vision"   one search (Toronto, ON)
manage.py scrape_jobs --pages 1 --dry-run          fetch and parse, store nothing
manage.py scrape_jobs --from-file a.html b.html    import saved pages (how seed_demo loads demo jobs)
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jobs.models import ScrapeRun, SearchQuery
from jobs.pipeline import import_files, scrape

SUMMARY_ROWS = [
    ("status", "status"),
    ("pages fetched", "pages_fetched"),
    ("postings seen", "postings_seen"),
    ("filtered out (not AI/ML)", "filtered_out"),
    ("created", "created"),
    ("updated", "updated"),
    ("expired", "expired"),
]


class Command(BaseCommand):
    help = "Scrape Indeed for AI/ML jobs (or import saved result pages) and print a summary."

    def add_arguments(self, parser):
        parser.add_argument("--from-file", nargs="+", metavar="PATH", help="Saved Indeed result pages to import.")
        parser.add_argument("--query", help="Search these terms only (instead of every active search).")
        parser.add_argument("--location", default="Toronto, ON", help="Location for --query (default Toronto, ON).")
        parser.add_argument("--pages", type=int, help="At most this many pages per search.")
        parser.add_argument("--dry-run", action="store_true", help="Fetch and parse, but store nothing.")

    def handle(self, *args, **options):
        if options["pages"] is not None and options["pages"] < 1:
            raise CommandError("--pages must be at least 1")
        progress = self._progress
        if options["from_file"]:
            paths = [Path(name) for name in options["from_file"]]
            missing = [str(path) for path in paths if not path.is_file()]
            if missing:
                raise CommandError(f"No such file: {', '.join(missing)}")
            run = import_files(paths, dry_run=options["dry_run"], progress=progress)
        else:
            queries = None
            if options["query"]:
                terms = options["query"].strip()
                if not terms:
                    raise CommandError("--query needs some words")
                queries = [SearchQuery(terms=terms, location=options["location"])]
                if not options["dry_run"]:
                    queries[0], _ = SearchQuery.objects.get_or_create(
                        terms=terms, location=options["location"], defaults={"active": False}
                    )
            run = scrape(
                queries,
                max_pages=options["pages"],
                trigger=ScrapeRun.Trigger.COMMAND,
                dry_run=options["dry_run"],
                progress=progress,
            )
        self._summary(run, options["dry_run"])

    def _progress(self, message: str) -> None:
        self.stdout.write(f"  {message}")

    def _summary(self, run: ScrapeRun, dry_run: bool) -> None:
        title = "Summary (dry run: nothing stored)" if dry_run else "Summary"
        width = max(len(label) for label, _ in SUMMARY_ROWS)
        self.stdout.write(f"\n{title}")
        for label, attribute in SUMMARY_ROWS:
            value = run.get_status_display() if attribute == "status" else getattr(run, attribute)
            self.stdout.write(f"  {label.ljust(width)}  {value}")
        if run.error:
            self.stdout.write(self.style.WARNING("  errors:"))
            for line in run.error.splitlines():
                self.stdout.write(self.style.WARNING(f"    {line}"))
        style = self.style.SUCCESS if run.status == ScrapeRun.Status.OK else self.style.ERROR
        self.stdout.write(style(f"Run {run.get_status_display().lower()}."))
