import feedparser
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/blog/feed/", "/blog/feed/atom/"])
def test_feeds_parse_cleanly_with_twenty_newest_posts(client, publish_post, url):
    from blog import bench_seed

    publish_post("Post 00 & friends <3")
    bench_seed.seed(21)  # "Benchmark post 2" .. "Benchmark post 22", each an hour older than the last
    parsed = feedparser.parse(client.get(url).content)
    assert parsed.bozo == 0
    assert len(parsed.entries) == 20
    assert parsed.entries[0].title == "Post 00 & friends <3"
    assert parsed.entries[0].link.endswith("/blog/post-00-friends-3/")
    assert parsed.entries[1].title == "Benchmark post 2"
    assert {"Benchmark post 21", "Benchmark post 22"}.isdisjoint(entry.title for entry in parsed.entries)


def test_feed_items_carry_excerpt_authors_and_categories_never_the_body(client, publish_post, category):
    from wagtail.rich_text import RichText

    from blog.models import Author

    author = Author.objects.create(name="Grace Hopper")
    publish_post(
        "Compilers",
        intro="Why compilers matter.",
        authors=[author],
        category=category,
        tags=["history"],
        body=[("paragraph", RichText("<p>SECRET BODY TEXT</p>"))],
    )
    response = client.get("/blog/feed/")
    entry = feedparser.parse(response.content).entries[0]
    assert entry.summary == "Why compilers matter."
    assert entry.author == "Grace Hopper" or "Grace Hopper" in entry.get("author", "")
    assert {tag.term for tag in entry.tags} == {"Research", "history"}
    assert b"SECRET BODY TEXT" not in response.content


def test_category_feed_has_only_that_category(client, publish_post, category):
    publish_post("In research", category=category)
    publish_post("Elsewhere")
    parsed = feedparser.parse(client.get("/blog/category/research/feed/").content)
    assert parsed.bozo == 0
    assert [entry.title for entry in parsed.entries] == ["In research"]
    assert client.get("/blog/category/missing/feed/").status_code == 404


def test_repost_in_feed_points_readers_to_the_source(client, publish_post):
    publish_post("Borrowed", source_url="https://example.org/a", source_name="Example", body=[])
    entry = feedparser.parse(client.get("/blog/feed/atom/").content).entries[0]
    assert "Continue reading at Example" in entry.summary


@pytest.mark.parametrize("url", ["/blog/", "/blog/category/research/"])
def test_feeds_are_advertised_with_link_rel_alternate(client, publish_post, category, url):
    post = publish_post("Advertised", category=category)
    for page_url in (url, post.url):
        soup = BeautifulSoup(client.get(page_url).content, "html.parser")
        hrefs = {link["href"] for link in soup.find_all("link", rel="alternate")}
        assert {"/blog/feed/", "/blog/feed/atom/"} <= hrefs
    soup = BeautifulSoup(client.get("/blog/category/research/").content, "html.parser")
    assert "/blog/category/research/feed/" in {link["href"] for link in soup.find_all("link", rel="alternate")}
