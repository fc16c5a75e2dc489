import io

import pytest
from django.core.management import call_command
from wagtail.models import Page


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/blog/", "/meetups/", "/jobs/", "/contact/", "/admin/login/"])
def test_every_section_is_served(client, site_tree, path):
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_seed_demo_twice_duplicates_nothing(site_tree, django_user_model):
    pages_before = Page.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Page.objects.count() == pages_before
    assert django_user_model.objects.filter(username="admin", is_superuser=True).count() == 1


@pytest.mark.django_db
def test_seed_demo_prints_admin_login(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "Admin login:" in out and "user admin" in out


@pytest.mark.django_db
def test_home_shows_member_count_and_section_cards(client, site_tree):
    html = client.get("/").content.decode()
    assert "5,000+" in html
    for card in ("Meetups", "Job postings", "Contact"):
        assert card in html
    assert 'href="/meetups/"' in html


@pytest.mark.django_db
def test_editable_member_count_shows_on_home(client, site_tree):
    site_tree.member_count = "6,200+"
    site_tree.save_revision().publish()
    assert "6,200+" in client.get("/").content.decode()


@pytest.mark.django_db
def test_navigation_lists_sections_and_marks_current(client, site_tree):
    html = client.get("/blog/").content.decode()
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    for title in ("Blog", "Meetups", "Jobs", "Contact"):
        assert f">{title}</a>" in nav
    assert 'href="/blog/" aria-current="page"' in nav
    assert 'href="/jobs/" aria-current' not in nav


@pytest.mark.django_db
def test_footer_comes_from_site_settings(client, site_tree):
    from wagtail.models import Site

    from toronto_ai.home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Run by volunteers since 2016."
    settings.save()
    assert "Run by volunteers since 2016." in client.get("/").content.decode()


@pytest.mark.django_db
def test_django_admin_is_at_its_own_path(client):
    response = client.get("/django-admin/")
    assert response.status_code == 302 and "/django-admin/login/" in response["Location"]
