import pytest

from .conftest import run_axe

pytestmark = pytest.mark.browser


def test_visitor_narrows_the_board_to_remote_jobs_and_back(page, seeded_site):
    page.goto("/jobs/")
    cards = page.locator(".job-card")
    assert cards.count() == 20 and "via Indeed" in cards.first.inner_text()
    page.get_by_label("Remote only").check()
    page.get_by_role("button", name="Filter").click()
    assert "remote=on" in page.url
    assert 0 < cards.count() < 20
    assert all("Remote" in text for text in cards.all_inner_texts())
    page.get_by_role("link", name="Clear filters").click()
    assert cards.count() == 20
    page.get_by_role("link", name="Older").click()
    assert "Page 2 of 2" in page.locator(".pagination").inner_text()


def test_jobs_board_has_no_accessibility_violations(page, seeded_site, axe_source):
    page.goto("/jobs/")
    assert run_axe(page, axe_source) == []
