"""Postings expire when not seen for N days or posted more than 60 days ago, only after a
successful run, with the clock frozen."""

from datetime import date, timedelta

import pytest
import responses
import time_machine
from django.utils import timezone

from jobs.models import Job, ScrapeRun, SearchQuery
from jobs.pipeline import scrape
from jobs.store import expire_stale

from .conftest import SEARCH_URL, fixture_html

pytestmark = pytest.mark.django_db
NOW = "2026-03-20 12:00 -04:00"


def job(key, **fields):
    defaults = {"title": "ML Engineer", "url": f"https://ca.indeed.com/viewjob?jk={key}"}
    return Job.objects.create(key=key, **{**defaults, **fields})


@time_machine.travel(NOW, tick=False)
def test_postings_unseen_for_the_configured_days_or_posted_long_ago_expire(settings):
    settings.JOBS_EXPIRE_AFTER_DAYS = 14
    now = timezone.now()
    fresh = job("000000000000000a", last_seen_at=now - timedelta(days=13), posted_on=date(2026, 3, 1))
    unseen = job("000000000000000b", last_seen_at=now - timedelta(days=15), posted_on=date(2026, 3, 1))
    old = job("000000000000000c", last_seen_at=now, posted_on=date(2026, 1, 18))  # 61 days before 20 March
    edge = job("000000000000000d", last_seen_at=now, posted_on=date(2026, 1, 19))  # exactly 60 days
    undated = job("000000000000000e", last_seen_at=now, posted_on=None)
    assert expire_stale() == 2
    states = {j.key: j.is_active for j in Job.objects.all()}
    assert states == {fresh.key: True, unseen.key: False, old.key: False, edge.key: True, undated.key: True}
    assert Job.objects.get(pk=unseen.pk).expired_at == now
    assert list(Job.objects.active().order_by("key").values_list("key", flat=True)) == [
        fresh.key,
        edge.key,
        undated.key,
    ]


@responses.activate
def test_a_successful_run_expires_and_a_blocked_or_failed_one_does_not(fetcher):
    SearchQuery.objects.exclude(terms="machine learning").update(active=False)
    with time_machine.travel("2026-02-01 09:00 -05:00", tick=False):
        job("00000000000000aa")
    responses.get(SEARCH_URL, status=403)
    responses.get(SEARCH_URL, body=fixture_html("unrecognized.html"))
    responses.get(SEARCH_URL, body=fixture_html("g4_2026_results.html"))
    with time_machine.travel("2026-02-24 15:00 -05:00", tick=False):
        blocked = scrape(fetcher=fetcher)
        failed = scrape(fetcher=fetcher)
        assert (blocked.status, failed.status) == (ScrapeRun.Status.BLOCKED, ScrapeRun.Status.FAILED)
        assert Job.objects.get(key="00000000000000aa").is_active
        ok = scrape(fetcher=fetcher)
    assert ok.status == ScrapeRun.Status.OK and ok.expired == 1 and ok.created == 3
    assert not Job.objects.get(key="00000000000000aa").is_active
    assert Job.objects.active().count() == 3


@responses.activate
def test_a_run_without_any_active_search_expires_nothing(fetcher):
    SearchQuery.objects.update(active=False)
    with time_machine.travel("2026-01-01 09:00 -05:00", tick=False):
        job("00000000000000ab")
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.OK and run.pages_fetched == 0 and run.expired == 0
    assert Job.objects.get().is_active and len(responses.calls) == 0
