"""/search/ finds posts, meetups and jobs, grouped by kind, with paging inside one kind."""

import pytest
from django.utils import timezone

from blog.models import BlogPostPage
from jobs.models import Job
from meetups.models import MeetupPage


def _job(key: str, title: str) -> Job:
    return Job.objects.create(
        key=key,
        title=title,
        company="Lakeshore Robotics",
        location="Toronto, ON",
        url=f"https://ca.indeed.com/viewjob?jk={key}",
        posted_on=timezone.localdate(),
    )


@pytest.mark.django_db
def test_one_query_finds_a_post_a_meetup_and_a_job_under_their_kinds(client, site_tree):
    post = BlogPostPage.objects.live().first()
    post.title = "Quaternion tricks for robot arms"
    post.save_revision().publish()
    meetup = MeetupPage.objects.live().first()
    meetup.title = "Quaternion night: rotations in robotics"
    meetup.save_revision().publish()
    _job("1234567890abcdef", "Quaternion Robotics Engineer")

    html = client.get("/search/", {"q": "quaternion"}).content.decode()
    posts = html.index('id="search-group-posts"')
    meetups = html.index('id="search-group-meetups"')
    jobs = html.index('id="search-group-jobs"')
    assert posts < meetups < jobs
    assert "Quaternion tricks for robot arms" in html[posts:meetups]
    assert "Quaternion night" in html[meetups:jobs]
    assert "Quaternion Robotics Engineer" in html[jobs:]


@pytest.mark.django_db
def test_a_kind_with_many_results_links_to_all_of_them_and_pages_through(client, site_tree):
    for n in range(14):
        _job(f"{n:016x}", f"Tensor compiler engineer {n}")
    overview = client.get("/search/", {"q": "tensor"}).content.decode()
    assert overview.count("Tensor compiler engineer") == 5
    assert "type=jobs" in overview and "More jobs" in overview

    first = client.get("/search/", {"q": "tensor", "type": "jobs"}).content.decode()
    second = client.get("/search/", {"q": "tensor", "type": "jobs", "page": "2"}).content.decode()
    assert first.count("Tensor compiler engineer") == 10
    assert second.count("Tensor compiler engineer") == 4
    assert "Page 2 of 2" in second
    assert 'href="?q=tensor&amp;type=jobs&amp;page=1"' in second


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "tensor", "type": "nonsense"},
        {"q": "tensor", "type": "jobs", "page": "-3"},
        {"q": "a&b=c", "type": "posts"},
    ],
)
def test_odd_kind_or_page_still_gives_a_page(client, site_tree, params):
    assert client.get("/search/", params).status_code == 200


@pytest.mark.django_db
def test_search_runs_a_bounded_number_of_queries(client, site_tree, django_assert_max_num_queries):
    client.get("/search/", {"q": "model"})
    with django_assert_max_num_queries(12):
        client.get("/search/", {"q": "model"})
    with django_assert_max_num_queries(12):
        client.get("/search/", {"q": "model", "type": "posts", "page": "1"})
