"""Jobs, scrape runs and searches in the Wagtail admin; "Scrape now" queues a run."""

import pytest
import responses

from jobs.models import ScrapeRun

from .conftest import SEARCH_URL
from .factories import JobFactory, ScrapeRunFactory

pytestmark = pytest.mark.django_db


def test_jobs_are_listed_searchable_and_filterable(admin_client):
    JobFactory(title="Vision Engineer", remote=True)
    JobFactory(title="Office Data Scientist", remote=False)
    listing = admin_client.get("/admin/jobs/postings/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Vision Engineer" in html and "Office Data Scientist" in html
    filtered = admin_client.get("/admin/jobs/postings/?remote=true").content.decode()
    assert "Vision Engineer" in filtered and "Office Data Scientist" not in filtered
    searched = admin_client.get("/admin/jobs/postings/?q=vision").content.decode()
    assert "Vision Engineer" in searched and "Office Data Scientist" not in searched


def test_scrape_runs_are_listed_filterable_and_read_only(admin_client):
    ScrapeRunFactory(status=ScrapeRun.Status.BLOCKED, error="HTTP 403")
    ScrapeRunFactory(status=ScrapeRun.Status.OK, created=7)
    listing = admin_client.get("/admin/jobs/runs/")
    assert listing.status_code == 200 and "Scrape now" in listing.content.decode()
    blocked_only = admin_client.get("/admin/jobs/runs/?status=blocked").content.decode()
    assert "Blocked by Indeed" in blocked_only and "(OK)" not in blocked_only
    assert admin_client.get("/admin/jobs/runs/new/").status_code in (302, 403, 404)


def test_searches_are_editable(admin_client):
    listing = admin_client.get("/admin/jobs/searches/")
    assert listing.status_code == 200 and "machine learning" in listing.content.decode()
    created = admin_client.post(
        "/admin/jobs/searches/new/", {"terms": "robotics", "location": "Waterloo, ON", "radius": 25, "active": "on"}
    )
    assert created.status_code == 302


@responses.activate
def test_scrape_now_runs_a_scrape_and_records_it(admin_client):
    responses.get(SEARCH_URL, status=403)
    confirm = admin_client.get("/admin/jobs/scrape-now/")
    assert confirm.status_code == 200 and b"Scrape Indeed now" in confirm.content
    response = admin_client.post("/admin/jobs/scrape-now/")
    assert response.status_code == 302 and response["Location"] == "/admin/jobs/runs/"
    run = ScrapeRun.objects.get()
    assert (run.trigger, run.status) == (ScrapeRun.Trigger.ADMIN, ScrapeRun.Status.BLOCKED)
    assert len(responses.calls) == 1


def test_scrape_now_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x")
    client.force_login(user)
    assert client.post("/admin/jobs/scrape-now/").status_code in (302, 403)
    assert not ScrapeRun.objects.exists()


def test_a_scrape_run_can_be_inspected(admin_client):
    run = ScrapeRunFactory(status=ScrapeRun.Status.PARTIAL, error="deep learning in Toronto, ON: HTTP 500")
    response = admin_client.get(f"/admin/jobs/runs/inspect/{run.pk}/")
    assert response.status_code == 200 and "HTTP 500" in response.content.decode()


def test_the_admin_menu_offers_the_jobs_board(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Jobs board" in html
