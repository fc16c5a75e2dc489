"""The scrape task through the real Redis broker and a real Celery worker (Indeed mocked)."""

import time

import responses

from jobs.models import ScrapeRun, SearchQuery

from .conftest import SEARCH_URL, fixture_html


@responses.activate
def test_the_worker_runs_a_queued_scrape_and_records_it_as_blocked(real_worker, transactional_db):
    from jobs.tasks import scrape_indeed

    SearchQuery.objects.update(active=False)
    SearchQuery.objects.update_or_create(terms="machine learning", location="Toronto, ON", defaults={"active": True})
    responses.get(SEARCH_URL, body=fixture_html("block_request_blocked.html"))
    scrape_indeed.delay(trigger=ScrapeRun.Trigger.ADMIN)
    deadline = time.monotonic() + 30
    while not ScrapeRun.objects.filter(finished_at__isnull=False).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    run = ScrapeRun.objects.get()
    assert (run.trigger, run.status) == (ScrapeRun.Trigger.ADMIN, ScrapeRun.Status.BLOCKED)
    assert len(responses.calls) == 1
