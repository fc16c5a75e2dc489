import pytest
from playwright.sync_api import expect

from .conftest import run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def quick_forms(settings):
    settings.SPAM_TIME_TRAP_MIN_SECONDS = 0


def test_reader_opens_a_post_with_maths_and_leaves_a_comment(page, seeded_site, quick_forms):
    page.goto("/blog/")
    page.get_by_role("link", name="A gentle derivation of the softmax cross-entropy gradient").click()
    assert page.locator(".post__body math").count() >= 2
    assert page.locator("#comments .comment").count() >= 2
    page.locator("#comments").scroll_into_view_if_needed()  # the form loads as the comments come near
    page.get_by_label("Name").fill("Robin")
    page.get_by_label("E-mail (never shown)").fill("robin@example.org")
    page.get_by_label("Comment", exact=True).fill("Clear and short. Thank you.")
    page.get_by_role("button", name="Send comment").click()
    assert "held for moderation" in page.locator("#comments [role=status]").inner_text()
    assert "Clear and short" not in page.locator("#comments").inner_text()


def test_reader_replies_to_a_comment_on_a_page_served_from_the_page_cache(page, seeded_site, quick_forms, settings):
    from blog.models import Comment

    settings.PAGE_CACHE_ENABLED = True
    url = "/blog/a-gentle-derivation-of-softmax-cross-entropy/"
    page.goto(url)
    assert page.goto(url).headers["x-cache"] == "hit"
    page.locator("#comments").scroll_into_view_if_needed()
    page.get_by_label("Name").fill("Robin")  # typed into the plain form first
    reply = page.locator("#comments .comment__reply a").first
    name = reply.inner_text().removeprefix("Reply to ")
    reply.click()
    expect(page.locator("#comment-form h3")).to_have_text(f"Reply to {name}")
    assert page.evaluate("document.activeElement.name") == "name"  # focus moved into the form
    expect(page.get_by_label("Name")).to_have_value("Robin")  # and what was typed stayed
    page.get_by_label("E-mail (never shown)").fill("robin@example.org")
    page.get_by_label("Comment", exact=True).fill("Agreed: the Jacobian step is the key.")
    page.get_by_role("button", name="Send comment").click()
    assert "held for moderation" in page.locator("#comments [role=status]").inner_text()
    assert Comment.objects.get(body__startswith="Agreed: the Jacobian").parent.name == name


BLOG_PAGES = [
    "/blog/",
    "/blog/a-gentle-derivation-of-softmax-cross-entropy/",  # maths, comments and the form
    "/blog/what-we-learned-running-llms-on-a-laptop/",  # table, quote, embed fallback
    "/blog/your-first-training-loop-in-pytorch/",  # code, figure, hero image
    "/blog/a-gentle-derivation-of-softmax-cross-entropy/comment/",  # the comment form on its own page
]


def test_blog_pages_have_no_accessibility_violations(page, seeded_site, axe_source):
    found = {}
    for path in BLOG_PAGES:
        page.goto(path)
        found[path] = run_axe(page, axe_source)
    assert found == {path: [] for path in BLOG_PAGES}
