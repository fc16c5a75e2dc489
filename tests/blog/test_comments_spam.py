"""Comments use the contact form's spam defences (toronto_ai.contact.spam), not a copy."""

import pytest
from django.core import mail

from blog.comments.forms import CommentForm
from blog.models import Comment
from toronto_ai.contact import spam

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def test_comment_form_is_built_on_the_shared_spam_defences():
    assert issubclass(CommentForm, spam.SpamProtectedFormMixin)
    fields = CommentForm().fields
    assert spam.HONEYPOT_FIELD in fields and spam.TIME_TRAP_FIELD in fields


def test_filled_honeypot_is_kept_as_spam_and_the_bot_sees_the_usual_answer(publish_post, send_comment, editor):
    post = publish_post("Bait")
    response = send_comment(post, website="http://cheap-pills.example")
    assert response.status_code == 302 and "comment=held" in response["Location"]
    comment = Comment.objects.get()
    assert comment.is_spam and comment.spam_reason == spam.SpamReason.HONEYPOT
    assert mail.outbox == []


def test_a_form_sent_back_too_fast_is_refused_with_what_was_typed_kept(publish_post, send_comment, comment_token):
    post = publish_post("Speedy")
    response = send_comment(post, form_token=comment_token(seconds_ago=0), body="Typed at bot speed")
    assert response.status_code == 400
    assert "quicker than we expected" in response.content.decode()
    assert "Typed at bot speed" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_contact_form_token_is_not_accepted_by_the_comment_form(publish_post, send_comment):
    import datetime

    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now() - datetime.timedelta(seconds=30), tick=False):
        contact_token = spam.issue_time_token("contact")
    assert send_comment(publish_post("Scoped"), form_token=contact_token).status_code == 400
    assert not Comment.objects.exists()


def test_the_same_page_view_cannot_post_twice(publish_post, send_comment, comment_token):
    post = publish_post("Replay")
    token = comment_token()
    assert send_comment(post, form_token=token, body="first").status_code == 302
    again = send_comment(post, form_token=token, body="second")
    assert again.status_code == 400 and "already sent once" in again.content.decode()
    assert list(Comment.objects.values_list("body", flat=True)) == ["first"]


def test_per_ip_rate_limit_blocks_a_flood_but_not_other_visitors(publish_post, send_comment, settings):
    settings.BLOG_COMMENT_RATE_LIMIT = 3
    post = publish_post("Flood")
    for n in range(3):
        assert send_comment(post, body=f"comment {n}", ip="203.0.113.9").status_code == 302
    blocked = send_comment(post, body="one too many", ip="203.0.113.9")
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    assert "try again later" in blocked.content.decode() and "one too many" in blocked.content.decode()
    assert send_comment(post, body="someone else", ip="203.0.113.10").status_code == 302
    assert Comment.objects.count() == 4


def test_rate_limit_is_shared_through_redis(redis_url, publish_post, send_comment, settings):
    from django.core.cache import cache

    assert "redis" in type(cache).__module__.lower() or "redis" in str(settings.CACHES["default"]["BACKEND"]).lower()
    settings.BLOG_COMMENT_RATE_LIMIT = 1
    post = publish_post("Redis flood")
    assert send_comment(post, ip="192.0.2.1").status_code == 302
    assert send_comment(post, ip="192.0.2.1", body="again").status_code == 429


def test_stored_comment_keeps_an_ip_hash_never_the_address(publish_post, send_comment):
    send_comment(publish_post("Privacy"), ip="198.51.100.44")
    comment = Comment.objects.get()
    assert comment.ip_hash == spam.ip_hash("198.51.100.44")
    assert "198.51.100.44" not in str(Comment.objects.values().get())
