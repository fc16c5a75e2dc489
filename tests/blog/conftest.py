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
