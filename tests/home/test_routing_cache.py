"""Wagtail's routing lookups are cached, yet every change an editor makes shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db


def tables_queried(client, url: str) -> str:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return " ".join(query["sql"] for query in captured.captured_queries)


def test_routing_to_a_section_page_costs_no_queries_once_cached(client, site_tree):
    client.get("/contact/")
    sql = tables_queried(client, "/contact/")
    assert "wagtailcore_site" not in sql
    assert "wagtailcore_page" not in sql
    assert "wagtailcore_pageviewrestriction" not in sql


def test_unpublished_section_is_gone_on_the_next_request(client, site_tree):
    assert client.get("/meetups/").status_code == 200
    Page.objects.get(slug="meetups").unpublish()
    assert client.get("/meetups/").status_code == 404


def test_new_page_under_home_is_served_as_soon_as_it_is_published(client, site_tree):
    client.get("/blog/")
    page = site_tree.add_child(instance=Page(title="Code of conduct", slug="code-of-conduct", live=False))
    assert client.get("/code-of-conduct/").status_code == 404
    page.save_revision().publish()
    response = client.get("/code-of-conduct/")
    assert response.status_code == 200
    assert "Code of conduct" in response.content.decode()


def test_section_made_private_asks_visitors_to_sign_in_on_the_next_request(client, site_tree):
    assert client.get("/meetups/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(slug="meetups"), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/meetups/")
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert client.get("/meetups/").status_code == 200
