import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".post-card__title")]


def test_listing_shows_newest_first_ten_per_page(client, publish_post):
    for n in range(12):
        publish_post(f"Post {n:02d}", days_ago=n)
    first = client.get("/blog/")
    assert titles(first) == [f"Post {n:02d}" for n in range(10)]
    second = client.get("/blog/", {"page": 2})
    assert titles(second) == ["Post 10", "Post 11"]
    assert 'rel="next" href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("junk", ["abc", "-3", "0", "99999", "1e9", "2.5", "%00", "9" * 40])
def test_junk_page_numbers_never_error(client, publish_post, junk):
    publish_post("Only post")
    for url in ("/blog/", "/blog/category/uncategorised/", "/blog/tag/solo/"):
        response = client.get(url, {"page": junk})
        assert response.status_code in (200, 404)
    assert client.get("/blog/", {"page": junk}).status_code == 200


def test_category_page_lists_only_its_posts_and_has_shareable_url(client, publish_post, category):
    publish_post("Attention paper", category=category)
    publish_post("Volunteer night")
    response = client.get("/blog/category/research/")
    assert response.status_code == 200
    assert titles(response) == ["Attention paper"]
    assert "Papers we discussed." in response.content.decode()


def test_post_without_category_is_filed_under_uncategorised(client, publish_post):
    post = publish_post("Loose thoughts")
    assert post.category.name == "Uncategorised"
    assert titles(client.get("/blog/category/uncategorised/")) == ["Loose thoughts"]


def test_tag_page_lists_tagged_posts(client, publish_post):
    publish_post("On transformers", tags=["transformers"])
    publish_post("On trees", tags=["forests"])
    response = client.get("/blog/tag/transformers/")
    assert titles(response) == ["On transformers"]
    assert 'href="/blog/tag/transformers/"' in client.get("/blog/").content.decode()


def test_unknown_category_or_tag_is_a_friendly_404(client, blog_index):
    assert client.get("/blog/category/no-such-thing/").status_code == 404
    assert client.get("/blog/tag/no-such-thing/").status_code == 404


def test_drafts_and_unpublished_posts_stay_out_of_the_listing(client, publish_post):
    post = publish_post("Withdrawn")
    publish_post("Still here")
    post.unpublish()
    assert titles(client.get("/blog/")) == ["Still here"]


def test_listing_shows_reading_time_authors_and_category(client, publish_post, category):
    from blog.models import Author

    author = Author.objects.create(name="Ada Byron")
    long_text = "<p>" + "word " * 700 + "</p>"
    from wagtail.rich_text import RichText

    publish_post("Long read", authors=[author], category=category, body=[("paragraph", RichText(long_text))])
    html = client.get("/blog/").content.decode()
    assert "4 min read" in html
    assert "Ada Byron" in html
    assert 'href="/blog/category/research/"' in html


def test_repost_shows_continue_reading_at_source_in_listing_and_post(client, publish_post):
    post = publish_post(
        "A clever idea", source_url="https://example.org/clever", source_name="Example Journal", body=[]
    )
    listing = client.get("/blog/").content.decode()
    assert "Continue reading at Example Journal" in listing
    page = BeautifulSoup(client.get(post.url).content, "html.parser")
    link = page.find("a", string="Continue reading at Example Journal")
    assert link["href"] == "https://example.org/clever"
    assert page.find("link", rel="canonical")["href"] == "https://example.org/clever"
