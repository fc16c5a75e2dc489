import pytest

pytestmark = pytest.mark.browser


def test_mobile_menu_opens_and_navigates_without_javascript(browser, live_server, seeded_site):
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/")
        assert not page.locator(".main-nav").is_visible()
        page.get_by_text("Menu").click()
        page.locator(".mobile-menu").get_by_role("link", name="Jobs").click()
        assert page.url.endswith("/jobs/")
        assert page.locator("h1").first.inner_text() == "Jobs"
    finally:
        context.close()


def test_page_is_usable_at_320px_without_horizontal_scroll(page, seeded_site):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320


def test_skip_link_moves_focus_to_main_content(page, seeded_site):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main", timeout=5_000)  # the fragment navigation completes after the key press
