"""A scrape run that changes postings refreshes every cached public page (home, /jobs/)."""

import pytest

from jobs.pipeline import import_files
from toronto_ai import cache as page_cache

from .conftest import FIXTURES


@pytest.mark.django_db
def test_new_postings_show_on_the_cached_board_after_a_run(client, jobs_page, page_cache_on):
    client.get("/jobs/")
    cached = client.get("/jobs/")
    assert cached["X-Cache"] == "hit"
    run = import_files([FIXTURES / "g4_2026_results.html"])
    assert run.created > 0
    fresh = client.get("/jobs/")
    assert fresh["X-Cache"] == "miss"
    assert fresh.content != cached.content


@pytest.mark.django_db
def test_a_run_that_changes_nothing_keeps_the_cache(client, jobs_page, page_cache_on):
    import_files([FIXTURES / "g4_2026_results.html"])
    client.get("/jobs/")
    generation = page_cache.current_generation()
    run = import_files([FIXTURES / "no_results.html"])
    assert (run.created, run.updated, run.expired) == (0, 0, 0)
    assert page_cache.current_generation() == generation


@pytest.mark.django_db
def test_a_posting_an_editor_hides_leaves_the_cached_board_at_once(
    client, jobs_page, page_cache_on, django_capture_on_commit_callbacks
):
    from jobs.models import Job

    import_files([FIXTURES / "g4_2026_results.html"])
    job = Job.objects.active().first()
    client.get("/jobs/")
    assert client.get("/jobs/")["X-Cache"] == "hit"
    job.hidden = True
    with django_capture_on_commit_callbacks(execute=True):
        job.save()
    fresh = client.get("/jobs/")
    assert fresh["X-Cache"] == "miss"
    assert job.title not in fresh.content.decode()
