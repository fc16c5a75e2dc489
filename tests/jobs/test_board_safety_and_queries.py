"""Scraped text cannot inject markup into /jobs/ or the feed, and the board's query count does
not grow with the number of postings."""

import pytest

from jobs.models import Job
from jobs.pipeline import import_files

from .conftest import FIXTURES
from .factories import JobFactory, ScrapeRunFactory

pytestmark = pytest.mark.django_db


def test_a_scraped_xss_payload_is_inert_on_the_board(client, jobs_page):
    run = import_files([FIXTURES / "xss_results.html"])
    assert run.created == 1
    job = Job.objects.get()
    assert "<script>" in job.title and "<img" in job.company and "<script>" in job.snippet
    html = client.get("/jobs/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "javascript:alert" not in html
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;ML Engineer" in html
    assert "&lt;img src=x onerror=alert(&quot;company&quot;)&gt;Evil AI Corp" in html
    assert "&lt;script&gt;alert(&quot;snippet&quot;)&lt;/script&gt;" in html


def test_a_scraped_xss_payload_is_inert_in_the_feed(client, jobs_page):
    import_files([FIXTURES / "xss_results.html"])
    body = client.get("/jobs/feed/").content.decode()
    assert "<script>" not in body and "<img" not in body
    # The description is HTML for feed readers: the payload is escaped text inside it.
    assert "&amp;lt;script&amp;gt;alert(&amp;quot;snippet&amp;quot;)" in body


def test_an_outbound_link_is_never_a_script_url(client, jobs_page):
    JobFactory(title="AI Engineer", url="https://ca.indeed.com/viewjob?jk=0123456789abcdef")
    html = client.get("/jobs/").content.decode()
    assert 'href="javascript:' not in html


@pytest.mark.parametrize("query", ["", "?q=engineer", "?remote=on", "?posted=7", "?company=A", "?page=2"])
def test_the_board_runs_the_same_queries_for_few_and_many_postings(client, jobs_page, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get("/jobs/" + query)  # warm the caches that a real visitor would find warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/jobs/" + query).status_code == 200
        return len(captured)

    JobFactory.create_batch(25, remote=True, company="A")
    ScrapeRunFactory()
    few = queries()
    JobFactory.create_batch(120, remote=True, company="A")
    many = queries()
    assert few == many


@pytest.mark.parametrize("size", [5, 60])
def test_the_board_stays_within_its_query_budget(client, jobs_page, size, django_assert_max_num_queries):
    JobFactory.create_batch(size, remote=True)
    ScrapeRunFactory()
    client.get("/jobs/?remote=on&posted=30&q=engineer")
    # 6 for Wagtail's routing (menu and footer come from the frame cache) + count + rows.
    with django_assert_max_num_queries(8):
        client.get("/jobs/?remote=on&posted=30&q=engineer")
    with django_assert_max_num_queries(8):
        client.get("/jobs/feed/")
