"""Scrape runs store AI postings in bulk, are idempotent, record how they ended, and never lose
or expire anything because Indeed blocked or failed us."""

import pytest
import responses
from django.utils import timezone
from responses import matchers

from jobs.fetch import IndeedFetcher
from jobs.models import Job, ScrapeRun, SearchQuery
from jobs.pipeline import LOCK_KEY, import_files, scrape

from .conftest import FIXTURES, SEARCH_URL, fixture_html

pytestmark = pytest.mark.django_db


def only(terms="machine learning"):
    SearchQuery.objects.update(active=False)
    query, _ = SearchQuery.objects.update_or_create(terms=terms, location="Toronto, ON", defaults={"active": True})
    return query


def at_start(start, body, status=200):
    responses.get(
        SEARCH_URL,
        body=body,
        status=status,
        match=[matchers.query_param_matcher({"start": str(start)}, strict_match=False)],
    )


@responses.activate
def test_a_run_stores_only_ai_postings_and_counts_the_rest(fetcher):
    query = only()
    at_start(0, fixture_html("g3_2023_results.html"))
    at_start(10, fixture_html("g4_2026_results.html"))
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.OK and run.pages_fetched == 2
    assert (run.postings_seen, run.filtered_out, run.created, run.updated) == (9, 2, 7, 0)
    titles = set(Job.objects.values_list("title", flat=True))
    assert "Line Cook" not in titles and "Receptionist" not in titles
    assert "Generative AI Engineer" in titles
    assert Job.objects.filter(query=query).count() == 7
    assert ScrapeRun.objects.get().status == ScrapeRun.Status.OK


def test_importing_the_same_pages_twice_gives_the_same_rows():
    paths = [FIXTURES / "g1_2018_results.html", FIXTURES / "g4_2024_results.html"]
    first = import_files(paths)
    rows = list(Job.objects.order_by("key").values_list("key", "title", "company", "first_seen_at"))
    second = import_files(paths)
    assert first.created == len(rows) and first.updated == 0
    assert second.created == 0 and second.updated == len(rows)
    assert list(Job.objects.order_by("key").values_list("key", "title", "company", "first_seen_at")) == rows
    assert all(job.last_seen_at >= job.first_seen_at for job in Job.objects.all())


def test_a_posting_hidden_by_an_editor_stays_hidden_when_seen_again(client, jobs_page):
    import_files([FIXTURES / "g4_2026_results.html"])
    Job.objects.filter(key="8ffa402af240859f").update(hidden=True)
    import_files([FIXTURES / "g4_2026_results.html"])
    assert Job.objects.get(key="8ffa402af240859f").hidden
    assert not Job.objects.active().filter(key="8ffa402af240859f").exists()
    assert "Generative AI Engineer" not in client.get("/jobs/").content.decode()


def test_seeing_a_posting_again_refreshes_it_and_brings_it_back():
    import_files([FIXTURES / "g4_2026_results.html"])
    job = Job.objects.get(key="8ffa402af240859f")
    Job.objects.filter(pk=job.pk).update(title="Old title", expired_at=timezone.now())
    import_files([FIXTURES / "g4_2026_results.html"])
    job.refresh_from_db()
    assert job.title == "Generative AI Engineer" and job.is_active


@responses.activate
def test_a_block_page_mid_run_keeps_what_was_stored_and_records_blocked(fetcher):
    existing = Job.objects.create(key="00000000000000aa", title="ML Engineer", url="https://ca.indeed.com/viewjob?jk=1")
    Job.objects.filter(pk=existing.pk).update(last_seen_at=timezone.now() - timezone.timedelta(days=90))
    only()
    at_start(0, fixture_html("g3_2023_results.html"))
    at_start(10, fixture_html("block_cloudflare.html"))
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.BLOCKED and run.pages_fetched == 1 and run.created == 4
    assert "block page" in run.error
    existing.refresh_from_db()
    assert existing.is_active, "a blocked run expires nothing"
    assert len(responses.calls) == 2


@responses.activate
def test_403_stops_the_whole_run_before_other_searches(fetcher):
    only("machine learning")
    SearchQuery.objects.filter(terms="deep learning").update(active=True)
    responses.get(SEARCH_URL, status=403)
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.BLOCKED and "403" in run.error
    assert len(responses.calls) == 1


@responses.activate
def test_a_failing_search_does_not_stop_the_others_and_the_run_is_partial(settings, sleeps):
    settings.JOBS_MAX_RETRIES = 0
    fetcher = IndeedFetcher(sleep=sleeps.append)
    only("machine learning")
    SearchQuery.objects.filter(terms="deep learning").update(active=True)
    responses.get(
        SEARCH_URL, status=500, match=[matchers.query_param_matcher({"q": "deep learning"}, strict_match=False)]
    )
    responses.get(SEARCH_URL, body=fixture_html("g4_2026_results.html"))
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.PARTIAL and run.created == 3 and run.expired == 0
    assert "deep learning" in run.error and "HTTP 500" in run.error


@responses.activate
def test_unrecognised_markup_fails_the_run_and_expires_nothing(fetcher):
    stale = Job.objects.create(key="00000000000000bb", title="AI Lead", url="https://ca.indeed.com/viewjob?jk=2")
    Job.objects.filter(pk=stale.pk).update(last_seen_at=timezone.now() - timezone.timedelta(days=90))
    only()
    responses.get(SEARCH_URL, body=fixture_html("unrecognized.html"))
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.FAILED and "unrecognised" in run.error
    stale.refresh_from_db()
    assert stale.is_active


@responses.activate
def test_malformed_html_is_a_failed_run_not_a_crash(fetcher):
    only()
    responses.get(SEARCH_URL, body=b"\x00\xff<html><div data-jk='1'><<<<")
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.FAILED and Job.objects.count() == 0


@responses.activate
def test_a_second_run_while_one_holds_the_lock_is_recorded_as_skipped(fetcher):
    from django.core.cache import cache

    only()
    cache.add(LOCK_KEY, "another-worker", timeout=60)
    run = scrape(fetcher=fetcher)
    assert run.status == ScrapeRun.Status.SKIPPED and len(responses.calls) == 0
    assert ScrapeRun.objects.get().status == ScrapeRun.Status.SKIPPED
    assert cache.get(LOCK_KEY) == "another-worker", "the skipped run leaves the other run's lock alone"


@responses.activate
def test_a_scrape_delivered_again_after_its_worker_died_takes_over_and_closes_the_dead_run(fetcher):
    from django.core.cache import cache

    only()
    # What a worker killed mid-scrape leaves: the lock under its task id and a run still "running".
    cache.add(LOCK_KEY, "task-7f3a", timeout=3600)
    dead = ScrapeRun.objects.create(trigger=ScrapeRun.Trigger.SCHEDULE, pages_fetched=1)
    responses.get(SEARCH_URL, body=fixture_html("g4_2026_results.html"))

    run = scrape(fetcher=fetcher, owner="task-7f3a")  # the same task, delivered again

    assert run.status == ScrapeRun.Status.OK and run.created > 0
    dead.refresh_from_db()
    assert dead.status == ScrapeRun.Status.FAILED and dead.finished_at is not None
    assert "stopped before it finished" in dead.error.lower()
    assert cache.get(LOCK_KEY) is None, "released when the run ends"


@responses.activate
def test_another_task_still_finds_the_lock_taken(fetcher):
    from django.core.cache import cache

    only()
    cache.add(LOCK_KEY, "task-7f3a", timeout=3600)
    run = scrape(fetcher=fetcher, owner="task-other")
    assert run.status == ScrapeRun.Status.SKIPPED and len(responses.calls) == 0
    assert cache.get(LOCK_KEY) == "task-7f3a"


@responses.activate
def test_the_lock_is_released_after_a_run(fetcher):
    only()
    responses.get(SEARCH_URL, body=fixture_html("g4_2026_results.html"))
    assert scrape(fetcher=fetcher).status == ScrapeRun.Status.OK
    assert scrape(fetcher=fetcher).status == ScrapeRun.Status.OK


def test_runs_are_guarded_by_the_real_redis_lock(redis_url, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "jobs-lock-test",
        }
    }
    from django.core.cache import cache

    cache.delete(LOCK_KEY)
    with __import__("jobs.pipeline", fromlist=["run_lock"]).run_lock() as first:
        second = import_files([FIXTURES / "g4_2026_results.html"])
    assert first is True and second.status == ScrapeRun.Status.SKIPPED
    assert cache.get(LOCK_KEY) is None


def test_a_dry_run_stores_nothing():
    run = import_files([FIXTURES / "g4_2026_results.html"], dry_run=True)
    assert run.pages_fetched == 1 and run.postings_seen == 4 and run.filtered_out == 1
    assert Job.objects.count() == 0 and ScrapeRun.objects.count() == 0


def test_control_characters_in_scraped_text_are_stored_as_spaces():
    from jobs.indeed import Posting
    from jobs.store import upsert_postings

    posting = Posting(
        key="00000000000000cc",
        title="ML\x00 Engineer\u202e",
        company="Nul\x00Co",
        location="Toronto,\nON",
        url="https://ca.indeed.com/viewjob?jk=00000000000000cc",
        salary=None,
        posted_on=None,
        sponsored=False,
        remote=False,
        snippet="line one\r\nline\ttwo\u200b",
    )
    assert upsert_postings([posting], seen_at=timezone.now()).created == 1
    job = Job.objects.get()
    assert (job.title, job.company, job.location, job.snippet) == (
        "ML Engineer",
        "Nul Co",
        "Toronto, ON",
        "line one line two",
    )
