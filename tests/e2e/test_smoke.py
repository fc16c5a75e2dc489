import pytest

from .conftest import run_axe

pytestmark = pytest.mark.browser


def test_visitor_reaches_every_section_from_the_menu(page, seeded_site):
    page.goto("/")
    assert "5,000+" in page.locator(".hero").inner_text()
    for title in ("Blog", "Meetups", "Jobs", "Contact"):
        page.locator(".main-nav").get_by_role("link", name=title).click()
        assert page.locator("h1").first.inner_text() == title
        assert page.locator('.main-nav a[aria-current="page"]').inner_text() == title


def test_home_has_no_accessibility_violations(page, seeded_site, axe_source):
    page.goto("/")
    assert run_axe(page, axe_source) == []
