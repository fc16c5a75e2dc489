"""Blog fixtures: the blog index under the real home page, and a helper publishing posts."""

import datetime

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from blog.models import BlogCategory, BlogIndexPage, BlogPostPage
from toronto_ai.home.demo import ensure_child


@pytest.fixture
def blog_index(home_page) -> BlogIndexPage:
    return ensure_child(home_page, BlogIndexPage, "blog", title="Blog")


@pytest.fixture
def category(db) -> BlogCategory:
    return BlogCategory.objects.create(name="Research", slug="research", description="Papers we discussed.")


@pytest.fixture
def publish_post(blog_index):
    """publish_post(title, **fields) -> a live post under the blog index."""

    def publish(title: str, *, tags=(), authors=(), body=None, days_ago: float = 0, **fields) -> BlogPostPage:
        post = BlogPostPage(
            title=title,
            intro=fields.pop("intro", f"An excerpt about {title.lower()}."),
            date=timezone.now() - datetime.timedelta(days=days_ago),
            body=body if body is not None else [("paragraph", RichText(f"<p>The body of {title}.</p>"))],
            **fields,
        )
        post.tags.add(*tags)
        post.authors = list(authors)
        blog_index.add_child(instance=post)
        post.save_revision().publish()
        post.refresh_from_db()
        return post

    return publish


@pytest.fixture(autouse=True)
def clean_cache():
    """The configured cache (Redis when REDIS_URL is set) empty around each test: rate limits,
    one-use form tokens and the moderator e-mail throttle live there."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def comment_token():
    """A comment-form time token issued ``seconds_ago`` (10 s: a person has typed a comment)."""
    import time_machine

    from toronto_ai.contact.spam import issue_time_token

    def make(seconds_ago: float = 10) -> str:
        with time_machine.travel(timezone.now() - datetime.timedelta(seconds=seconds_ago), tick=False):
            return issue_time_token("comment")

    return make


@pytest.fixture
def send_comment(client, comment_token, django_capture_on_commit_callbacks):
    """POST the comment form (its action is the post's comment/ page) as a browser would
    (after-commit tasks run)."""

    def send(post, ip: str = "198.51.100.7", **fields):
        data = {
            "name": "Sam Okafor",
            "email": "sam@example.org",
            "body": "Thanks, this cleared up the gradient step for me.",
            "website": "",
            "form_token": comment_token(),
            "parent": "",
        }
        data.update(fields)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"{post.url}comment/", data, REMOTE_ADDR=ip)

    return send


@pytest.fixture
def approved_comment(db):
    from blog.models import Comment

    def make(post, name: str = "Lee", body: str = "Nice write-up.", **fields) -> Comment:
        return Comment.objects.create(
            post=post, name=name, email=f"{name.lower()}@example.org", body=body, approved=True, **fields
        )

    return make
