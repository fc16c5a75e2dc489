"""The home page's countdown in a real headless Chromium, and the meetup pages without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetups.models import MeetupIndexPage, MeetupPage
from toronto_ai.home.demo import ensure_child, ensure_home_page

from .conftest import run_axe

pytestmark = pytest.mark.browser

CLOCK = ".next-meetup__item:not([hidden]) [data-countdown-clock]"
STATUS = ".next-meetup__item:not([hidden]) [data-countdown-status]"
TITLE = ".next-meetup__item:not([hidden]) .next-meetup__title"


@pytest.fixture
def add_meetup(transactional_db):
    index = ensure_child(ensure_home_page(), MeetupIndexPage, "meetups", title="Meetups")

    def add(title: str, start, hours: float = 2.0) -> MeetupPage:
        meetup = MeetupPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            start_at=start,
            end_at=start + timedelta(hours=hours),
            rsvp_url="https://www.meetup.com/toronto-ai/events/1/",
        )
        index.add_child(instance=meetup)
        meetup.save_revision().publish()
        return meetup

    return add


def test_countdown_ticks_within_two_seconds(page, add_meetup):
    meetup = add_meetup("Next week", timezone.now() + timedelta(days=6, hours=5))
    page.goto("/")

    clock = page.locator(CLOCK)
    clock.wait_for(state="visible")
    first = clock.inner_text()
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).innerText !== before",
        arg=[CLOCK, first],
        timeout=2000,
    )

    assert page.locator(f"{CLOCK} [data-unit=days]").inner_text() == "6"
    assert page.locator(".next-meetup__when").inner_text() == meetup.when  # the full date stays beside the clock


def test_meetup_that_started_a_minute_ago_is_happening_now(page, add_meetup):
    add_meetup("Tonight", timezone.now() - timedelta(minutes=1))
    page.goto("/")

    page.wait_for_function("s => document.querySelector(s).textContent === 'Happening now'", arg=STATUS)

    assert page.locator(CLOCK).is_hidden()


def test_countdown_reaches_happening_now_when_the_start_passes(page, add_meetup):
    add_meetup("Starting shortly", timezone.now() + timedelta(seconds=4))
    page.goto("/")
    page.locator(CLOCK).wait_for(state="visible")

    page.wait_for_function("s => document.querySelector(s).textContent === 'Happening now'", arg=STATUS, timeout=8000)

    assert page.locator(CLOCK).is_hidden()


def test_after_the_end_it_switches_to_the_following_meetup(page, add_meetup):
    add_meetup("Ending now", timezone.now() - timedelta(hours=1), hours=1 + 4 / 3600)
    add_meetup("The one after", timezone.now() + timedelta(days=20))
    page.goto("/")
    assert page.locator(TITLE).inner_text() == "Ending now"

    page.wait_for_function("s => document.querySelector(s).innerText === 'The one after'", arg=TITLE, timeout=8000)

    assert page.locator(CLOCK).is_visible()


def test_without_javascript_the_full_date_and_time_are_shown(browser, live_server, add_meetup):
    meetup = add_meetup("No script night", timezone.now() + timedelta(days=3))
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/")
        when = page.locator(".next-meetup__when").inner_text()
        assert when == meetup.when
        assert page.locator("[data-countdown-clock]").is_hidden()
        assert page.get_by_role("link", name="RSVP for No script night").is_visible()

        page.goto(meetup.url)
        assert page.locator(".meetup__when").inner_text() == meetup.when
    finally:
        context.close()


def test_meetup_pages_have_no_accessibility_violations(page, seeded_site, axe_source):
    for url in ("/", "/meetups/", MeetupPage.objects.live().upcoming().first().url):
        page.goto(url)
        assert run_axe(page, axe_source) == [], url
