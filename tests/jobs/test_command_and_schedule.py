"""The scrape_jobs command, the Celery task and its beat schedule, the seeded searches and the
demo postings."""

import io

import pytest
import responses
from django.core.management import CommandError, call_command
from django_celery_beat.models import PeriodicTask

from jobs.models import Job, ScrapeRun, SearchQuery

from .conftest import FIXTURES, SEARCH_URL, fixture_html

pytestmark = pytest.mark.django_db


def run_command(*args) -> str:
    out = io.StringIO()
    call_command("scrape_jobs", *args, stdout=out)
    return out.getvalue()


def test_from_file_imports_saved_pages_with_progress_and_a_summary():
    output = run_command("--from-file", str(FIXTURES / "g1_2018_results.html"), str(FIXTURES / "g3_2023_results.html"))
    assert "g1_2018_results.html: 4 postings, 3 about AI/ML, 3 new, 0 updated" in output
    assert "created" in output and "filtered out (not AI/ML)" in output and "Run ok." in output
    assert Job.objects.count() == 7
    assert ScrapeRun.objects.get().trigger == ScrapeRun.Trigger.FILE


def test_dry_run_reports_but_stores_nothing():
    output = run_command("--from-file", str(FIXTURES / "g4_2026_results.html"), "--dry-run")
    assert "dry run: nothing stored" in output and "3 about AI/ML" in output
    assert not Job.objects.exists() and not ScrapeRun.objects.exists()


def test_a_blocked_saved_page_is_reported_not_imported():
    output = run_command("--from-file", str(FIXTURES / "block_security_check.html"))
    assert "block or challenge page" in output and not Job.objects.exists()


@pytest.mark.parametrize("args", [["--from-file", "/nonexistent/page.html"], ["--pages", "0"], ["--query", "  "]])
def test_bad_arguments_get_a_clear_message(args):
    with pytest.raises(CommandError):
        run_command(*args)


@responses.activate
def test_query_and_pages_limit_the_scrape():
    responses.get(SEARCH_URL, body=fixture_html("g3_2023_results.html"))
    output = run_command("--query", "computer vision", "--pages", "1")
    assert len(responses.calls) == 1 and "q=computer+vision" in responses.calls[0].request.url
    assert "computer vision in Toronto, ON (start=0)" in output
    assert SearchQuery.objects.get(terms="computer vision").jobs.count() == 4


def test_gta_ai_searches_are_seeded():
    terms = set(SearchQuery.objects.filter(active=True, location="Toronto, ON").values_list("terms", flat=True))
    assert {"machine learning", "deep learning", "artificial intelligence", "data scientist"} <= terms


def test_the_scrape_task_runs_every_six_hours():
    task = PeriodicTask.objects.get(task="jobs.tasks.scrape_indeed")
    assert task.enabled and (task.interval.every, task.interval.period) == (6, "hours")


@responses.activate
def test_the_task_records_a_run():
    from jobs.tasks import scrape_indeed

    responses.get(SEARCH_URL, body=fixture_html("block_cloudflare.html"))
    result = scrape_indeed.delay().get()
    assert result["status"] == ScrapeRun.Status.BLOCKED
    assert ScrapeRun.objects.get().trigger == ScrapeRun.Trigger.SCHEDULE


def test_seed_demo_loads_demo_postings_through_the_pipeline_once(site_tree, client):
    assert Job.objects.active().count() == 22
    assert not Job.objects.filter(title="Office Manager").exists(), "the relevance filter ran"
    call_command("seed_demo", stdout=io.StringIO())
    assert Job.objects.count() == 22 and ScrapeRun.objects.count() == 1
    html = client.get("/jobs/").content.decode()
    assert "Machine Learning Engineer, Search" in html and "posted today" in html


def test_bench_seed_creates_active_postings_quickly():
    from jobs.bench_seed import seed

    counts = []
    seed(2500, progress=counts.append)
    assert Job.objects.active().count() == 2500 and counts[-1] == 2500
    seed(10)
    assert Job.objects.count() == 2510
