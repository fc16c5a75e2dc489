"""/jobs/: active postings newest first, 20 a page, search and filters, dates, outbound links,
the "updated" line, an empty state and the last run's status for staff."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.models import ScrapeRun

from .factories import JobFactory, ScrapeRunFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [job.title for job in response.context["jobs"]]


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def test_active_postings_newest_first_twenty_a_page(client, jobs_page):
    for days in range(25):
        JobFactory(title=f"AI role posted {days} days ago", posted_on=days_ago(days))
    JobFactory(title="Expired role", posted_on=days_ago(0), expired_at=timezone.now())
    first = client.get("/jobs/")
    assert first.status_code == 200
    assert titles(first)[:3] == ["AI role posted 0 days ago", "AI role posted 1 days ago", "AI role posted 2 days ago"]
    assert len(titles(first)) == 20 and "Expired role" not in first.content.decode()
    second = client.get("/jobs/?page=2")
    assert titles(second)[-1] == "AI role posted 24 days ago" and len(titles(second)) == 5
    assert "Page 2 of 2" in second.content.decode()


def test_postings_without_a_date_come_after_dated_ones(client, jobs_page):
    JobFactory(title="Undated", posted_on=None)
    JobFactory(title="Dated", posted_on=days_ago(20))
    assert titles(client.get("/jobs/")) == ["Dated", "Undated"]


def test_a_posting_shows_when_it_was_posted_and_links_out_to_indeed(client, jobs_page):
    JobFactory(title="Vision Engineer", posted_on=days_ago(3), key="0123456789abcdef", salary="$100,000 a year")
    html = client.get("/jobs/").content.decode()
    assert "posted 3 days ago" in html and "via Indeed" in html and "$100,000 a year" in html
    assert 'href="https://ca.indeed.com/viewjob?jk=0123456789abcdef" rel="nofollow noopener"' in html


def test_keyword_search_looks_at_title_company_and_description(client, jobs_page):
    JobFactory(title="Computer Vision Engineer", company="Queen Street Vision")
    JobFactory(title="Data Scientist", company="Bay Street Analytics", snippet="Forecasting with transformers.")
    JobFactory(title="NLP Engineer", company="Kensington Language Systems")
    assert titles(client.get("/jobs/?q=vision")) == ["Computer Vision Engineer"]
    assert titles(client.get("/jobs/?q=transformers")) == ["Data Scientist"]
    assert titles(client.get("/jobs/?q=Kensington")) == ["NLP Engineer"]


def test_full_text_search_matches_word_forms_on_postgresql(client, jobs_page, on_postgres):
    JobFactory(title="Forecasting Scientist", snippet="You will forecast demand.")
    JobFactory(title="Robotics Engineer", snippet="Build robots.")
    assert titles(client.get("/jobs/?q=forecasts")) == ["Forecasting Scientist"]


def test_filters_remote_posted_within_and_company(client, jobs_page):
    JobFactory(title="Remote today", remote=True, posted_on=days_ago(0), company="A Co")
    JobFactory(title="Office this week", posted_on=days_ago(5), company="B Co")
    JobFactory(title="Remote this month", remote=True, posted_on=days_ago(20), company="B Co")
    JobFactory(title="Old", posted_on=days_ago(45), company="A Co")
    assert set(titles(client.get("/jobs/?remote=on"))) == {"Remote today", "Remote this month"}
    assert titles(client.get("/jobs/?posted=1")) == ["Remote today"]
    assert titles(client.get("/jobs/?posted=7")) == ["Remote today", "Office this week"]
    assert len(titles(client.get("/jobs/?posted=30"))) == 3
    assert titles(client.get("/jobs/?company=B+Co")) == ["Office this week", "Remote this month"]
    assert titles(client.get("/jobs/?company=B+Co&remote=on&posted=30")) == ["Remote this month"]
    html = client.get("/jobs/").content.decode()
    assert '<option value="A Co">A Co</option>' in html


@pytest.mark.parametrize("query", ["?posted=banana", "?page=999", "?page=x", "?q=%00%01", "?q=" + "a" * 500, "?q=\"&'"])
def test_odd_query_strings_still_show_the_board(client, jobs_page, query):
    JobFactory(title="Still here")
    response = client.get("/jobs/" + query)
    assert response.status_code == 200


def test_a_very_long_search_is_shortened_not_ignored(client, jobs_page):
    JobFactory(title="Vision Engineer")
    JobFactory(title="Data Scientist")
    response = client.get("/jobs/?q=vision" + "%20" * 300 + "x" * 400)
    assert response.context["filters"].q == "vision", "a word cut in half is dropped"
    assert titles(response) == ["Vision Engineer"]
    assert titles(client.get("/jobs/?q=" + "vision " * 30)) == ["Vision Engineer"]


def test_an_empty_board_says_so(client, jobs_page):
    html = client.get("/jobs/").content.decode()
    assert "There are no postings right now" in html and "Not updated yet" in html


def test_no_matches_offers_the_way_back(client, jobs_page):
    JobFactory(title="AI Engineer")
    html = client.get("/jobs/?q=zzzz").content.decode()
    assert "No postings match these filters" in html and "Show all jobs" in html


def test_the_board_says_when_it_was_last_updated_successfully(client, jobs_page):
    ScrapeRunFactory(finished_at=timezone.now() - timedelta(hours=2))
    ScrapeRunFactory(status=ScrapeRun.Status.BLOCKED, finished_at=timezone.now())
    html = client.get("/jobs/").content.decode()
    assert "Updated <time" in html and "2\xa0hours ago" in html


def test_staff_see_the_last_runs_status_and_visitors_do_not(client, admin_client, jobs_page):
    ScrapeRunFactory(status=ScrapeRun.Status.BLOCKED, error="HTTP 403 from https://ca.indeed.com/jobs")
    assert "Blocked by Indeed" not in client.get("/jobs/").content.decode()
    staff_html = admin_client.get("/jobs/").content.decode()
    assert "Blocked by Indeed" in staff_html and "HTTP 403" in staff_html


def test_the_rss_feed_lists_active_postings(client, jobs_page):
    JobFactory(title="Feed Engineer", company="Maple Neural Labs", key="00000000000000f1")
    JobFactory(title="Gone", expired_at=timezone.now())
    response = client.get("/jobs/feed/")
    body = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Feed Engineer — Maple Neural Labs</title>" in body
    assert "<link>https://ca.indeed.com/viewjob?jk=00000000000000f1</link>" in body and "Gone" not in body
    assert 'href="/jobs/feed/"' in client.get("/jobs/").content.decode()
