"""WCAG 2.1 AA with axe-core on every kind of public page, in the light and the dark scheme.

A failure lists each page's violations with the offending elements (and, for colour contrast,
the colours and ratio axe measured) so the fix can start from the report alone.
"""

import pytest

from .conftest import run_axe

pytestmark = pytest.mark.browser

SEARCH_QUERY = "PyTorch"
SEARCH_HIT = "Your first training loop in PyTorch"  # a seeded post the search must find

_CONTRAST_DETAILS = """
async () => {
  const result = await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}});
  return result.violations.flatMap(v => v.nodes.map(n => {
    const data = (n.any[0] || {}).data || {};
    return `${n.target.join(' ')}: ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}:1`
      + ` (needs ${data.expectedContrastRatio})`;
  })).slice(0, 8);
}
"""


def _pages() -> dict[str, str]:
    from blog.models import BlogPostPage
    from meetups.models import MeetupPage

    return {
        "home": "/",
        "blog index": "/blog/",
        "a post": BlogPostPage.objects.live().order_by("-date").first().url,
        "meetups": "/meetups/",
        "a meetup": MeetupPage.objects.live().upcoming().first().url,
        "jobs": "/jobs/",
        "contact": "/contact/",
        "search": f"/search/?q={SEARCH_QUERY}",
    }


def _readable(found: dict[str, list[dict]], contrast: dict[str, list[str]]) -> str:
    lines = []
    for name, violations in found.items():
        for violation in violations:
            lines.append(f"{name}: [{violation['id']}] {violation['help']}")
            lines += [f"    {' '.join(target)}" for target in violation["nodes"]]
            if violation["id"] == "color-contrast":
                lines += [f"    {detail}" for detail in contrast.get(name, [])]
    return "\n".join(lines)


def _axe_every_page(page, axe_source: str) -> str:
    found, contrast = {}, {}
    for name, path in _pages().items():
        page.goto(path)
        page.wait_for_load_state("load")
        if name == "search":
            assert page.get_by_role("main").get_by_role("link", name=SEARCH_HIT).count() >= 1, "search found nothing"
        violations = run_axe(page, axe_source)
        if violations:
            found[name] = violations
        if any(violation["id"] == "color-contrast" for violation in violations):
            contrast[name] = page.evaluate(_CONTRAST_DETAILS)
    return _readable(found, contrast)


def test_public_pages_meet_wcag_aa_in_the_light_scheme(page, seeded_site, axe_source):
    page.emulate_media(color_scheme="light")
    report = _axe_every_page(page, axe_source)
    print(report)
    assert report == "", f"axe-core violations (light scheme):\n{report}"


def test_public_pages_meet_wcag_aa_in_the_dark_scheme(page, seeded_site, axe_source):
    page.emulate_media(color_scheme="light")
    page.goto("/")
    light_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="dark")
    page.goto("/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light_background, "no dark scheme"

    report = _axe_every_page(page, axe_source)
    print(report)
    assert report == "", f"axe-core violations (dark scheme):\n{report}"
