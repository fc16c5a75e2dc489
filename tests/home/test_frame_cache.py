"""The menu and footer are cached, yet a change an editor makes shows on the next request."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from toronto_ai.home.models import SiteSettings


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.mark.django_db
def test_frame_costs_no_queries_once_cached(client, site_tree, django_assert_max_num_queries):
    client.get("/contact/")
    with django_assert_max_num_queries(6):
        html = client.get("/contact/").content.decode()
    assert ">Meetups</a>" in html and "volunteer-run community" in html


@pytest.mark.django_db
def test_new_menu_page_appears_once_published(client, site_tree):
    from wagtail.models import Page

    assert ">About</a>" not in client.get("/").content.decode()
    page = site_tree.add_child(instance=Page(title="About", slug="about", show_in_menus=True))
    page.save_revision().publish()
    assert ">About</a>" in client.get("/").content.decode()
    page.unpublish()
    assert ">About</a>" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_footer_change_shows_on_next_request(client, site_tree):
    client.get("/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "New footer words from an editor."
    settings.save()
    assert "New footer words from an editor." in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_warm_process_builds_the_frame_without_asking_redis(client, site_tree, monkeypatch):
    from django.core.cache import caches

    client.get("/contact/")
    default, asked = caches["default"], []
    real = default.get
    monkeypatch.setattr(default, "get", lambda *args, **kwargs: asked.append(args) or real(*args, **kwargs))
    for _ in range(3):
        html = client.get("/contact/").content.decode()
    assert ">Meetups</a>" in html and "volunteer-run community" in html
    assert [key for (key, *_) in asked if str(key).startswith("frame:")] == []


@pytest.mark.django_db
def test_a_footer_saved_by_another_process_shows_once_the_generation_is_read_again(client, site_tree, settings):
    from django.core.cache import caches

    from toronto_ai import cache as page_cache

    settings.PAGE_CACHE_GENERATION_SECONDS = 0
    client.get("/")
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.filter(site=site).update(footer_text="Saved through another web process.")  # no signal here
    assert "Saved through another web process." not in client.get("/").content.decode()
    caches["pages"].incr(page_cache.GENERATION_KEY)  # what that process's save signal did
    assert "Saved through another web process." in client.get("/").content.decode()
