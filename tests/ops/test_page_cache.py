"""Anonymous visitors get public pages from the page cache; nobody else ever does."""

import pytest
from wagtail.models import Page

from toronto_ai.cache import invalidate_public_pages

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_from_cache_without_queries(client, site_tree, django_assert_num_queries):
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_head_requests_are_answered_from_the_cache_but_never_fill_it(client, site_tree, django_assert_num_queries):
    first_head = client.head("/blog/")
    first_get = client.get("/blog/")
    assert first_get["X-Cache"] == "miss"  # the HEAD stored nothing
    assert first_head["Cache-Control"] == first_get["Cache-Control"]
    with django_assert_num_queries(0):
        head = client.head("/blog/")
    assert head["X-Cache"] == "hit"
    assert head.content == b""


def test_cached_pages_tell_a_cdn_how_long_to_share_them(client, site_tree, settings):
    for _ in range(2):
        cache_control = client.get("/blog/")["Cache-Control"]
        assert "public" in cache_control
        assert f"s-maxage={settings.PAGE_CACHE_CDN_SECONDS}" in cache_control
        assert f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}" in cache_control


def test_cache_hits_keep_the_security_headers(client, site_tree):
    client.get("/")
    hit = client.get("/")
    assert hit["X-Cache"] == "hit"
    assert "script-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["X-Frame-Options"] == "DENY"


def test_signed_in_editor_never_gets_the_anonymous_copy(client, site_tree, admin_user):
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    client.force_login(admin_user)
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]  # a CDN that ignores Vary: Cookie must not share it


def test_admin_and_contact_pages_are_never_cached(client, site_tree):
    for url in ["/admin/login/", "/django-admin/login/", "/contact/"]:
        client.get(url)
        response = client.get(url)
        assert "X-Cache" not in response, url


def test_page_rendering_a_csrf_token_is_not_cached(client, site_tree, settings):
    settings.ROOT_URLCONF = "tests.ops.urls"
    client.get("/form-page/")
    response = client.get("/form-page/")
    assert "X-Cache" not in response
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_response_setting_a_cookie_is_not_cached(client, site_tree, settings):
    settings.ROOT_URLCONF = "tests.ops.urls"
    client.get("/cookie-page/")
    second = client.get("/cookie-page/")
    assert "X-Cache" not in second
    assert "seen" in second.cookies


def test_post_requests_and_query_strings_are_kept_apart(client, site_tree, settings):
    settings.ROOT_URLCONF = "tests.ops.urls"
    assert client.get("/counter-page/?a=1").content != client.get("/counter-page/?a=2").content
    assert client.get("/counter-page/?a=1")["X-Cache"] == "hit"
    assert client.get("/counter-page/?a=1&a=2")["X-Cache"] == "miss"  # repeated filters count
    assert "X-Cache" not in client.post("/counter-page/?a=1")


def test_publishing_a_change_shows_it_on_the_next_visit(client, site_tree, django_capture_on_commit_callbacks):
    blog = Page.objects.get(slug="blog").specific
    client.get("/blog/")
    assert client.get("/blog/")["X-Cache"] == "hit"
    blog.title = "Notes from the community"
    with django_capture_on_commit_callbacks(execute=True):
        blog.save_revision().publish()
    response = client.get("/blog/")
    assert response["X-Cache"] == "miss"
    assert "Notes from the community" in response.content.decode()


def test_unpublished_page_disappears_from_the_cache(client, site_tree, django_capture_on_commit_callbacks):
    meetups = Page.objects.get(slug="meetups")
    assert client.get("/meetups/").status_code == 200
    assert client.get("/meetups/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        meetups.unpublish()
    assert client.get("/meetups/").status_code == 404


def test_moving_a_page_invalidates_the_cache(client, site_tree, django_capture_on_commit_callbacks):
    jobs = Page.objects.get(slug="jobs")
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        jobs.move(jobs.get_parent(), pos="first-child")
    assert client.get("/")["X-Cache"] == "miss"


def test_editing_the_footer_setting_refreshes_every_page(client, site_tree, django_capture_on_commit_callbacks):
    from wagtail.models import Site

    from toronto_ai.home.models import SiteSettings

    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    footer = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    footer.footer_text = "Volunteers run every Toronto AI event."
    with django_capture_on_commit_callbacks(execute=True):
        footer.save()
    assert "Volunteers run every Toronto AI event." in client.get("/").content.decode()


def test_invalidate_public_pages_is_the_hook_for_other_content(client, site_tree):
    client.get("/jobs/")
    assert client.get("/jobs/")["X-Cache"] == "hit"
    invalidate_public_pages("scrape run changed jobs")
    assert client.get("/jobs/")["X-Cache"] == "miss"


def test_links_shared_with_tracking_parameters_hit_the_same_cached_page(client, site_tree):
    client.get("/blog/")
    shared = client.get("/blog/?utm_source=newsletter&fbclid=IwAR0abc123")
    assert shared["X-Cache"] == "hit"
    assert client.get("/search/?q=toronto&page=1")["X-Cache"] == "miss"
    assert client.get("/search/?page=1&q=toronto&utm_medium=social")["X-Cache"] == "hit"


def test_page_rendered_while_content_changed_is_not_served_afterwards(client, site_tree, settings):
    settings.ROOT_URLCONF = "tests.ops.urls"
    assert client.get("/racing-page/")["X-Cache"] == "miss"
    assert client.get("/racing-page/")["X-Cache"] == "miss"


def test_cache_can_be_switched_off(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    assert "X-Cache" not in client.get("/")


def test_page_cache_uses_redis_when_configured(redis_url, settings):
    from django.core.cache import caches

    assert settings.CACHES["pages"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert caches["pages"].get("generation") is not None
