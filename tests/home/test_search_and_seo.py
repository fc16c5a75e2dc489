import pytest


@pytest.mark.django_db
def test_search_finds_a_section_page_by_title(client, site_tree):
    response = client.get("/search/", {"q": "Meetups"})
    assert response.status_code == 200
    assert 'href="/meetups/"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 5000},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": "ai", "page": "junk"},
        {"q": "ai", "page": "99999"},
        {"q": "\x00\ufffd"},
    ],
)
def test_search_never_errors_on_odd_input(client, site_tree, params):
    response = client.get("/search/", params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_empty_search_explains_what_to_do(client, site_tree):
    assert "Type a word or two" in client.get("/search/").content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_sitemap_and_hides_admin(client, site_tree):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_sitemap_lists_sections(client, site_tree):
    body = client.get("/sitemap.xml").content.decode()
    for path in ("/blog/", "/meetups/", "/jobs/", "/contact/"):
        assert path in body


@pytest.mark.django_db
def test_missing_page_gets_friendly_404(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "couldn't find that page" in response.content.decode()
