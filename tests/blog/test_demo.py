import io

import pytest
import responses
from django.core.management import call_command

from blog.models import BlogCategory, BlogPostPage, FeedSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_demo_content_covers_every_block_type_and_is_idempotent(media, site_tree):
    call_command("seed_demo", stdout=io.StringIO())
    posts = BlogPostPage.objects.live()
    assert posts.count() >= 8
    assert BlogCategory.objects.filter(posts__isnull=False).distinct().count() >= 3
    assert posts.exclude(source_url="").count() == 2
    assert all(post.tags.exists() for post in posts)
    block_types = {block.block_type for post in posts for block in post.body}
    assert block_types == {"heading", "paragraph", "image", "quote", "code", "table", "embed", "math"}
    assert any("$" in str(block.value) for post in posts for block in post.body if block.block_type == "paragraph")
    assert FeedSource.objects.count() == 1


@responses.activate
def test_every_demo_post_renders(client, media, site_tree):
    responses.get("https://www.youtube.com/oembed", status=404)
    for post in BlogPostPage.objects.live():
        assert client.get(post.url).status_code == 200, post.url


def test_demo_has_approved_comments_a_reply_and_one_pending(media, site_tree):
    from blog.models import Comment

    call_command("seed_demo", stdout=io.StringIO())
    assert Comment.objects.approved().count() >= 3
    assert Comment.objects.approved().filter(parent__isnull=False).exists()
    assert Comment.objects.pending().count() == 1
