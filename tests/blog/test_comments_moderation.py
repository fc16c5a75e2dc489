import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core import mail

from blog.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(publish_post):
    post = publish_post("Moderated post")
    return [
        Comment.objects.create(post=post, name=name, email=f"{name.lower()}@example.org", body=f"From {name}")
        for name in ("Ana", "Ben", "Cy")
    ]


def bulk_url(action: str, comments) -> str:
    ids = "&".join(f"id={c.pk}" for c in comments)
    return f"/admin/bulk/blog/comment/{action}/?next=/admin/snippets/blog/comment/&{ids}"


def test_pending_queue_lists_only_comments_waiting(admin_client, pending):
    pending[0].approved = True
    pending[0].save()
    html = admin_client.get("/admin/snippets/blog/comment/", {"status": "pending"}).content.decode()
    assert "Ben" in html and "Cy" in html and "Ana on" not in html


def test_editor_approves_comments_in_bulk_and_they_appear_under_the_post(admin_client, client, pending):
    confirm = admin_client.get(bulk_url("approve", pending[:2]))
    assert confirm.status_code == 200 and "From Ana" in confirm.content.decode()
    response = admin_client.post(bulk_url("approve", pending[:2]))
    assert response.status_code == 302
    assert list(Comment.objects.approved().values_list("name", flat=True)) == ["Ana", "Ben"]
    page = client.get(pending[0].post.url).content.decode()
    assert "From Ana" in page and "From Ben" in page and "From Cy" not in page


def test_rejecting_keeps_comments_as_spam(admin_client, pending):
    pending[0].approved = True
    pending[0].save()
    admin_client.post(bulk_url("reject", pending[:2]))
    assert Comment.objects.count() == 3
    assert set(Comment.objects.spam().values_list("name", flat=True)) == {"Ana", "Ben"}
    assert not Comment.objects.approved().exists()


def test_people_without_moderation_rights_cannot_approve(client, django_user_model, pending):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("writer", "w@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    client.post(bulk_url("approve", pending))
    assert not Comment.objects.approved().exists()


def test_dashboard_shows_how_many_comments_wait(admin_client, pending):
    html = admin_client.get("/admin/").content.decode()
    assert "3</strong> comments waiting for moderation" in html


def test_editors_get_one_email_when_comments_wait(publish_post, send_comment, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    post = publish_post("Mail me")
    send_comment(post, body="first")
    send_comment(post, body="second")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chief@example.org"]
    assert "1 comment is waiting" in mail.outbox[0].subject
    assert "/admin/snippets/blog/comment/?status=pending" in mail.outbox[0].body


def test_hourly_reminder_is_scheduled(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="blog.tasks.notify_comment_moderators")
    assert task.enabled and (task.interval.every, task.interval.period) == (1, "hours")


def test_comment_counts_show_in_listing_and_post_header(client, publish_post, approved_comment):
    post = publish_post("Talked about")
    publish_post("Quiet")
    approved_comment(post)
    approved_comment(post, "Max")
    Comment.objects.create(post=post, name="P", email="p@example.org", body="pending")
    listing = BeautifulSoup(client.get("/blog/").content, "html.parser")
    counts = [a.get_text() for a in listing.select(".post-meta a[href$='#comments']")]
    assert counts == ["0 comments", "2 comments"]
    header = BeautifulSoup(client.get(post.url).content, "html.parser").select_one(".post__header")
    assert "2 comments" in header.get_text()


def test_json_ld_counts_comments_and_feeds_never_include_them(client, publish_post, approved_comment):
    post = publish_post("Discussed")
    approved_comment(post, body="A COMMENT THAT MUST NOT LEAK")
    html = BeautifulSoup(client.get(post.url).content, "html.parser")
    assert json.loads(html.find("script", type="application/ld+json").string)["commentCount"] == 1
    for feed in ("/blog/feed/", "/blog/feed/atom/"):
        body = client.get(feed).content
        assert feedparser.parse(body).bozo == 0
        assert b"A COMMENT THAT MUST NOT LEAK" not in body


def test_post_page_and_listing_queries_stay_constant_with_0_or_200_comments(
    client, publish_post, approved_comment, django_assert_max_num_queries
):
    post = publish_post("Popular")
    publish_post("Quiet neighbour")

    def counts() -> dict[str, int]:
        found = {}
        for url in (post.url, "/blog/"):
            client.get(url)
            with django_assert_max_num_queries(12) as captured:
                assert client.get(url).status_code == 200
            found[url] = len(captured.captured_queries)
        return found

    before = counts()
    parents = [approved_comment(post, f"Reader {n}") for n in range(100)]
    Comment.objects.bulk_create(
        Comment(post=post, parent=p, name="Replier", email="r@example.org", body="Same here", approved=True)
        for p in parents
    )
    assert counts() == before
    assert "200 comments" in client.get(post.url).content.decode()
    assert "200 comments" in client.get("/blog/").content.decode()
