"""Listing, category, tag, post and feed pages run the same small number of queries at any size."""

import pytest

from blog import bench_seed
from blog.models import BlogCategory, BlogPostPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
URLS = [
    "/blog/",
    "/blog/?page=3",
    "/blog/category/research/",
    "/blog/tag/llm/",
    "/blog/feed/",
    "/blog/feed/atom/",
    "/blog/category/research/feed/",
]


def query_counts(client, assert_max, urls) -> dict[str, int]:
    counts = {}
    for url in urls:
        client.get(url)  # warm per-process caches (content types, site root paths)
        with assert_max(MAX_QUERIES) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured.captured_queries)
    return counts


def test_blog_pages_run_constant_queries_with_10_or_1000_posts(
    client, blog_index, publish_post, django_assert_max_num_queries
):
    BlogCategory.objects.create(name="Research", slug="research")
    from blog.models import Author

    authors = [Author.objects.create(name="One"), Author.objects.create(name="Two")]
    post = publish_post(
        "A full post", authors=authors, tags=["llm", "maths"], category=BlogCategory.objects.get(slug="research")
    )
    bench_seed.seed(10)
    urls = URLS + [post.url]
    small = query_counts(client, django_assert_max_num_queries, urls)

    bench_seed.seed(990)
    assert BlogPostPage.objects.live().count() == 1001
    large = query_counts(client, django_assert_max_num_queries, urls)

    assert large == small


def test_bench_seed_builds_a_valid_page_tree(blog_index):
    bench_seed.seed(25)
    from wagtail.models import Page

    assert Page.find_problems() == ([], [], [], [], [])
    blog_index.refresh_from_db()
    assert blog_index.get_children().count() == blog_index.numchild == 25
    post = BlogPostPage.objects.get(slug="bench-post-7")
    assert post.url == "/blog/bench-post-7/"
    assert post.get_parent().specific == blog_index
