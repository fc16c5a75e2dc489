import json

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

pytestmark = pytest.mark.django_db


def test_post_page_has_title_description_canonical_opengraph_and_twitter(client, publish_post):
    post = publish_post("Tokenisers, demystified", intro="How text becomes numbers, step by step.")
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    assert soup.title.get_text().startswith("Tokenisers, demystified")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "How text becomes numbers, step by step."
    assert soup.find("link", rel="canonical")["href"] == post.full_url
    assert post.full_url.endswith("/blog/tokenisers-demystified/")
    assert soup.find("meta", property="og:title")["content"] == "Tokenisers, demystified"
    assert soup.find("meta", property="og:type")["content"] == "article"
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_post_page_has_json_ld_blogposting(client, publish_post):
    from blog.models import Author

    author = Author.objects.create(name="Alan Turing")
    post = publish_post("Can machines think? </script><b>", authors=[author], tags=["philosophy"])
    html = client.get(post.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Can machines think? </script><b>"
    assert data["author"] == [{"@type": "Person", "name": "Alan Turing"}]
    assert data["keywords"] == ["philosophy"]
    assert "</script><b>" not in html.split('type="application/ld+json">')[1].split("</script>")[0]


def test_published_post_appears_in_sitemap_but_drafts_do_not(client, publish_post):
    post = publish_post("In the sitemap")
    draft = publish_post("Not yet")
    draft.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{post.url}" in body or post.url in body
    assert "not-yet" not in body


@pytest.mark.parametrize(
    "query, where",
    [("Gradient", "title"), ("hyperparameters", "intro"), ("backpropagation", "body")],
)
def test_site_search_finds_posts_by_title_intro_and_body(client, publish_post, query, where):
    publish_post(
        "Gradient clipping in practice",
        intro="Choosing hyperparameters that keep training stable.",
        body=[("paragraph", RichText("<p>During backpropagation, large norms get rescaled.</p>"))],
    )
    publish_post("Unrelated", intro="Nothing to see.")
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    titles = [a.get_text() for a in soup.select(".search-results a")]
    assert titles == ["Gradient clipping in practice"], where


def test_search_uses_postgres_full_text_on_postgres(client, publish_post, on_postgres):
    publish_post("Optimisers", body=[("paragraph", RichText("<p>Momentum helps optimisers escape ravines.</p>"))])
    soup = BeautifulSoup(client.get("/search/", {"q": "ravine"}).content, "html.parser")
    assert [a.get_text() for a in soup.select(".search-results a")] == ["Optimisers"]
