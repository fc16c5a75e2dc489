"""The home page: what's new across the site, in a fixed number of queries."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from blog.models import BlogPostPage
from jobs.models import Job


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def _job(key: str, title: str, days_ago: int, **extra) -> Job:
    return Job.objects.create(
        key=key,
        title=title,
        company=extra.pop("company", "Example Labs"),
        location="Toronto, ON",
        url=f"https://ca.indeed.com/viewjob?jk={key}",
        posted_on=timezone.localdate() - timezone.timedelta(days=days_ago),
        **extra,
    )


@pytest.mark.django_db
def test_home_shows_three_newest_posts_and_links_to_the_blog(client, site_tree):
    newest = list(BlogPostPage.objects.published()[:3])
    older = list(BlogPostPage.objects.published()[3:])
    html = client.get("/").content.decode()
    section = html[html.index('id="latest-posts-heading"') :]
    for post in newest:
        assert post.title in section
    for post in older:
        assert post.title not in section
    assert 'href="/blog/">All posts</a>' in section


@pytest.mark.django_db
def test_home_shows_five_newest_active_jobs_with_see_all(client, site_tree):
    Job.objects.all().delete()
    for n in range(7):
        _job(f"{n:016x}", f"Role number {n}", days_ago=n)
    _job("f" * 16, "Expired role", days_ago=0, expired_at=timezone.now())
    html = client.get("/").content.decode()
    section = html[html.index('id="latest-jobs-heading"') :]
    for n in range(5):
        assert f"Role number {n}<" in section
    assert "Role number 5<" not in section and "Expired role" not in section
    assert 'href="/jobs/">See all jobs</a>' in section
    assert 'rel="nofollow noopener"' in section


@pytest.mark.django_db
def test_home_says_so_when_there_are_no_jobs(client, site_tree):
    Job.objects.all().delete()
    assert "No postings right now" in client.get("/").content.decode()


@pytest.mark.django_db
def test_home_query_count_does_not_grow_with_content(client, site_tree, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(10):
        client.get("/")
    for n in range(30):
        _job(f"a{n:015x}", f"Extra role {n}", days_ago=1)
    client.get("/")
    with django_assert_max_num_queries(10):
        client.get("/")
