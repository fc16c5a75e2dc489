"""The blog listing's cached parts (post count, whether any page is private) follow every change."""

import pytest
from wagtail.models import PageViewRestriction

from blog import bench_seed

pytestmark = pytest.mark.django_db


def test_page_count_follows_newly_published_posts(client, publish_post):
    bench_seed.seed(10)
    assert "Page 1 of" not in client.get("/blog/").content.decode()
    publish_post("The eleventh post")
    html = client.get("/blog/").content.decode()
    assert "Page 1 of 2" in html and "The eleventh post" in html


def test_post_made_private_leaves_the_listing_at_once_and_returns_when_public(client, publish_post):
    post = publish_post("Members-only notes")
    assert "Members-only notes" in client.get("/blog/").content.decode()

    restriction = PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    assert "Members-only notes" not in client.get("/blog/").content.decode()
    response = client.get(post.url)
    assert response.status_code == 302 and "login" in response["Location"]

    restriction.delete()
    assert "Members-only notes" in client.get("/blog/").content.decode()
    assert client.get(post.url).status_code == 200
