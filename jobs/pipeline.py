"""A scrape run: fetch -> parse -> keep AI/ML postings -> upsert, recorded in a ScrapeRun.

Nothing already stored is lost when a run goes wrong: postings are only expired after a run
that finished cleanly, and a blocked or failed run only records what happened. Two runs never
overlap: the second finds the lock taken and records itself as skipped. The one exception is
the same task delivered again because its worker died mid-run: it holds the lock under its own
task id, so it takes the lock over and runs, and the dead run's record is closed as failed.
"""

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from toronto_ai.cache import invalidate_public_pages

from .fetch import FetchFailed, IndeedFetcher, RateLimited, ScrapeBlocked
from .indeed import BlockedPage, ResultsPage, UnrecognizedPage, parse_results_page
from .models import ScrapeRun, SearchQuery
from .relevance import split_relevant
from .store import expire_stale, upsert_postings

logger = logging.getLogger(__name__)
LOCK_KEY = "jobs:scrape-run-lock"
Progress = Callable[[str], None]


@contextmanager
def run_lock(owner: str | None = None) -> Iterator[bool]:
    """True when this process holds the scrape lock (an atomic cache ``add``: Redis SET NX in
    production), False when another run holds it. ``owner`` (a Celery task id) lets a redelivery
    of the same task take over the lock its dead worker left behind."""
    token = owner or uuid.uuid4().hex
    acquired = cache.add(LOCK_KEY, token, timeout=settings.JOBS_RUN_LOCK_SECONDS)
    if not acquired and owner and cache.get(LOCK_KEY) == owner:
        logger.warning("jobs scrape: task %s delivered again after its worker stopped; taking over", owner)
        cache.set(LOCK_KEY, token, timeout=settings.JOBS_RUN_LOCK_SECONDS)
        acquired = True
    try:
        yield acquired
    finally:
        if acquired and cache.get(LOCK_KEY) == token:
            cache.delete(LOCK_KEY)


class _Recorder:
    """Counts a run's pages and postings and stores each page as it comes."""

    def __init__(self, run: ScrapeRun, dry_run: bool, progress: Progress | None) -> None:
        self.run, self.dry_run, self.progress = run, dry_run, progress or (lambda _message: None)
        self.errors: list[str] = []

    def page(self, page: ResultsPage, label: str, query: SearchQuery | None, seen_at: datetime) -> None:
        kept, dropped = split_relevant(page.postings)
        self.run.pages_fetched += 1
        self.run.postings_seen += len(page.postings)
        self.run.filtered_out += dropped
        created = updated = 0
        if not self.dry_run:
            result = upsert_postings(kept, seen_at=seen_at, query=query)
            created, updated = result.created, result.updated
            self.run.created += created
            self.run.updated += updated
        self.progress(
            f"{label}: {len(page.postings)} postings, {len(kept)} about AI/ML, {created} new, {updated} updated"
        )

    def error(self, message: str) -> None:
        self.errors.append(message)
        self.progress(f"error: {message}")


def scrape(
    queries: Iterable[SearchQuery] | None = None,
    *,
    max_pages: int | None = None,
    fetcher: IndeedFetcher | None = None,
    trigger: str = ScrapeRun.Trigger.SCHEDULE,
    dry_run: bool = False,
    progress: Progress | None = None,
    owner: str | None = None,
) -> ScrapeRun:
    """Run every active search (or the given ones) against Indeed and record the run;
    ``owner`` is the Celery task id when a worker runs it (see ``run_lock``)."""
    queries = list(queries if queries is not None else SearchQuery.objects.filter(active=True))
    max_pages = max_pages if max_pages is not None else settings.JOBS_MAX_PAGES_PER_QUERY

    def work(recorder: _Recorder) -> None:
        client = fetcher or IndeedFetcher()
        for query in queries:
            try:
                for fetched in client.search(query.terms, query.location, query.radius, max_pages):
                    label = f"{query} (start={fetched.start})"
                    recorder.page(fetched.page, label, query, timezone.now())
            except FetchFailed as exc:
                recorder.error(f"{query}: {exc}")
                if isinstance(exc, RateLimited):
                    raise

    return _run(work, trigger=trigger, dry_run=dry_run, progress=progress, expire=True, owner=owner)


def import_files(
    paths: Iterable[Path | str],
    *,
    base_url: str | None = None,
    fetched_at: datetime | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ScrapeRun:
    """Run saved result pages through the same parse -> filter -> upsert steps as a scrape."""
    base_url = base_url or settings.JOBS_INDEED_BASE_URL

    def work(recorder: _Recorder) -> None:
        for path in map(Path, paths):
            seen_at = fetched_at or timezone.now()
            html = path.read_text(encoding="utf-8", errors="replace")
            try:
                page = parse_results_page(html, base_url=base_url, fetched_at=timezone.localtime(seen_at))
            except (UnrecognizedPage, BlockedPage) as exc:
                recorder.error(f"{path.name}: {exc}")
                continue
            recorder.page(page, path.name, None, seen_at)

    return _run(work, trigger=ScrapeRun.Trigger.FILE, dry_run=dry_run, progress=progress, expire=False)


def _run(
    work: Callable[[_Recorder], None], *, trigger: str, dry_run: bool, progress, expire: bool, owner: str | None = None
) -> ScrapeRun:
    run = ScrapeRun(trigger=trigger, started_at=timezone.now())
    with run_lock(owner) as acquired:
        if not acquired:
            run.status, run.finished_at = ScrapeRun.Status.SKIPPED, timezone.now()
            run.error = "Another scrape run was in progress."
            if not dry_run:
                run.save()
            _log(run)
            return run
        if not dry_run:
            _close_abandoned_runs()
            run.save()
        recorder = _Recorder(run, dry_run, progress)
        try:
            work(recorder)
        except ScrapeBlocked as exc:
            run.status = ScrapeRun.Status.BLOCKED
            recorder.errors.append(str(exc))
        except (UnrecognizedPage, RateLimited) as exc:
            run.status = ScrapeRun.Status.PARTIAL if run.pages_fetched else ScrapeRun.Status.FAILED
            if not isinstance(exc, RateLimited):
                recorder.errors.append(f"unrecognised page: {exc}")
        except Exception as exc:
            logger.exception("jobs scrape run failed")
            run.status = ScrapeRun.Status.FAILED
            recorder.errors.append(f"{type(exc).__name__}: {exc}")
        else:
            if not recorder.errors:
                run.status = ScrapeRun.Status.OK
            else:
                run.status = ScrapeRun.Status.PARTIAL if run.pages_fetched else ScrapeRun.Status.FAILED
        # Expire only on evidence: a clean run that actually saw result pages.
        if run.status == ScrapeRun.Status.OK and run.pages_fetched and expire and not dry_run:
            run.expired = expire_stale()
        run.error = "\n".join(recorder.errors)[:5000]
        run.finished_at = timezone.now()
        if not dry_run:
            run.save()
            if run.created or run.updated or run.expired:
                # Home, /jobs/, search and the feed show postings: refresh every cached page.
                invalidate_public_pages(f"jobs scrape run {run.pk}")
    _log(run)
    return run


def _close_abandoned_runs() -> None:
    """With the lock held no other run is going on, so a record still marked running belongs to a
    run whose worker was killed: say so instead of leaving it running for ever."""
    abandoned = ScrapeRun.objects.filter(status=ScrapeRun.Status.RUNNING, finished_at__isnull=True)
    count = abandoned.update(
        status=ScrapeRun.Status.FAILED,
        finished_at=timezone.now(),
        error="Stopped before it finished (the worker running it was stopped or killed).",
    )
    if count:
        logger.warning("jobs scrape: closed %d run(s) abandoned by a stopped worker", count)


def _log(run: ScrapeRun) -> None:
    logger.info(
        "jobs scrape: status=%s trigger=%s pages=%d seen=%d created=%d updated=%d expired=%d filtered=%d",
        run.status,
        run.trigger,
        run.pages_fetched,
        run.postings_seen,
        run.created,
        run.updated,
        run.expired,
        run.filtered_out,
    )
