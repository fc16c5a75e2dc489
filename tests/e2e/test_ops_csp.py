"""The Content-Security-Policy blocks nothing the site or the Wagtail admin needs."""

import pytest

pytestmark = pytest.mark.browser

_RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


def _watch_violations(page) -> list[str]:
    """CSP violations reported on the console (the page-level events are kept in the page)."""
    console = []
    page.add_init_script(_RECORD_VIOLATIONS)
    page.on(
        "console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None
    )
    return console


def _sign_in(page) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "toronto-ai-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_public_page_loads_its_stylesheet_under_the_policy(page, seeded_site):
    console = _watch_violations(page)
    page.goto("/")
    assert page.evaluate("window.__cspViolations") == []
    assert console == []
    # site.css applied: the skip link is moved off-screen by the stylesheet, not shown inline.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"


def test_signed_in_editor_sees_the_userbar_on_public_pages_without_violations(page, seeded_site):
    console = _watch_violations(page)
    _sign_in(page)
    page.goto("/blog/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    assert page.evaluate("window.__cspViolations") == []
    assert console == []


def test_editor_can_sign_in_and_edit_a_page_under_the_admin_policy(page, seeded_site):
    from wagtail.models import Page

    console = _watch_violations(page)
    _sign_in(page)
    blog = Page.objects.get(slug="blog")
    page.goto(f"/admin/pages/{blog.pk}/edit/")
    title = page.locator("#id_title")
    title.wait_for()
    assert title.input_value() == "Blog"
    # The editor's scripts ran: the rich-text editor (Draftail) mounted its toolbar.
    page.locator(".Draftail-Editor").first.wait_for()
    assert page.evaluate("window.__cspViolations") == []
    assert console == []
