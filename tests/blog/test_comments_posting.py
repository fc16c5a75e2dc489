import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from blog.models import Comment

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_new_comment_is_held_and_the_commenter_is_told(client, publish_post, send_comment):
    post = publish_post("Entropy bonuses")
    response = send_comment(post)
    assert response.status_code == 302 and response["Location"].endswith("?comment=held#comments")
    comment = Comment.objects.get()
    assert (comment.approved, comment.is_spam, comment.post_id) == (False, False, post.pk)
    page = client.get(response["Location"]).content.decode()
    assert "held for moderation" in page
    assert "Thanks, this cleared up" not in page


def test_approved_comments_show_oldest_first_with_replies_indented(client, publish_post, approved_comment):
    post = publish_post("Entropy bonuses")
    now = timezone.now()
    first = approved_comment(post, "Ana", "cool!", created=now - datetime.timedelta(days=2))
    approved_comment(post, "Ben", "A longer note on entropy regularisation.", created=now - datetime.timedelta(days=1))
    approved_comment(post, "Cy", "Agreed with Ana.", parent=first, created=now)
    Comment.objects.create(post=post, name="Hidden", email="h@example.org", body="pending", approved=False)
    html = soup(client.get(post.url))
    top = html.select("#comments > ol > li.comment")
    assert [li.select_one(".comment__meta strong").get_text() for li in top] == ["Ana", "Ben"]
    assert top[0].select_one(".comment-list--replies .comment__meta strong").get_text() == "Cy"
    assert "Hidden" not in html.get_text()
    assert html.select_one("#comments-heading").get_text() == "3 comments"


def test_reply_link_prefills_a_reply_which_is_stored_under_its_parent(
    client, publish_post, approved_comment, send_comment
):
    post = publish_post("Entropy bonuses")
    parent = approved_comment(post, "Ana", "cool!")
    reply_link = soup(client.get(post.url)).find("a", string="Reply to Ana")
    form = soup(client.get(reply_link["href"])).select_one("#comment-form")
    assert "Reply to Ana" in form.get_text()
    assert form.find("input", attrs={"name": "parent"})["value"] == str(parent.pk)
    send_comment(post, parent=str(parent.pk), body="Me too.")
    assert Comment.objects.get(body="Me too.").parent == parent


@pytest.mark.parametrize("which", ["pending", "other post", "a reply", "junk"])
def test_reply_to_a_comment_that_cannot_be_answered_is_refused_clearly(
    publish_post, approved_comment, send_comment, which
):
    post, other = publish_post("One"), publish_post("Two")
    parent = {
        "pending": lambda: Comment.objects.create(post=post, name="P", email="p@example.org", body="x").pk,
        "other post": lambda: approved_comment(other).pk,
        "a reply": lambda: approved_comment(post, parent=approved_comment(post)).pk,
        "junk": lambda: "not-a-number",
    }[which]()
    response = send_comment(post, parent=str(parent), body="Orphan reply")
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Orphan reply").exists()
    assert "Orphan reply" in response.content.decode()


def test_urls_become_nofollow_ugc_links_and_html_is_escaped(client, publish_post, approved_comment):
    post = publish_post("Links")
    approved_comment(post, body='See https://example.org/paper <script>alert(1)</script> <a href="x">x</a>')
    body = soup(client.get(post.url)).select_one(".comment__body")
    link = body.find("a")
    assert link["href"] == "https://example.org/paper" and link["rel"] == ["nofollow", "ugc"]
    assert body.find("script") is None and len(body.find_all("a")) == 1
    assert "<script>alert(1)</script>" in body.get_text()


def test_commenter_email_is_never_shown(client, publish_post, approved_comment):
    post = publish_post("Privacy")
    approved_comment(post, name="Dana")
    assert "dana@example.org" not in client.get(post.url).content.decode()


def test_missing_fields_get_clear_messages_and_keep_what_was_typed(publish_post, send_comment):
    post = publish_post("Forms")
    response = send_comment(post, email="not-an-address", body="My thoughts on this")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address" in html and "My thoughts on this" in html
    assert not Comment.objects.exists()


def test_editor_can_close_comments_on_a_post(client, publish_post, approved_comment, send_comment):
    post = publish_post("Closed thread", comments_open=False)
    approved_comment(post, "Ana", "Earlier comment")
    html = soup(client.get(post.url))
    assert html.select_one("#comment-form") is None
    assert "Comments are closed" in html.get_text() and "Earlier comment" in html.get_text()
    assert send_comment(post).status_code == 403
    assert Comment.objects.count() == 1
