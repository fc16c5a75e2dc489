"""The home page's "next meetup": fully server-rendered (works without JavaScript), with the countdown script."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from meetups.models import MeetupPage

from .conftest import toronto

pytestmark = pytest.mark.django_db


def next_meetup_box(client) -> BeautifulSoup:
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".next-meetup")


def visible_items(box: BeautifulSoup) -> list:
    return [item for item in box.select("[data-countdown-item]") if not item.has_attr("hidden")]


def test_home_shows_the_next_meetup_with_full_date_venue_and_rsvp(client, make_meetup):
    make_meetup(title="Later one", start=toronto(2031, 2, 6, 18, 30))
    make_meetup(title="Agents in the wild", start=toronto(2031, 1, 9, 18, 30), rsvp_url="https://lu.ma/tai-agents")

    (item,) = visible_items(next_meetup_box(client))

    assert item.select_one(".next-meetup__title").get_text() == "Agents in the wild"
    assert item.select_one(".next-meetup__when").get_text() == "Thursday, January 9, 2031, 6:30 p.m. – 9 p.m. EST"
    assert item.select_one(".next-meetup__where").get_text().startswith("Harbour Room, 100 Queens Quay East")
    assert item.select_one("a.button")["href"] == "https://lu.ma/tai-agents"
    assert item["data-start"] == "2031-01-09T23:30:00Z"
    assert item["data-end"] == "2031-01-10T02:00:00Z"


def test_following_meetup_is_rendered_hidden_for_the_switch_after_the_end(client, make_meetup):
    make_meetup(title="First", start=timezone.now() + timedelta(days=2))
    make_meetup(title="Second", start=timezone.now() + timedelta(days=30))

    items = next_meetup_box(client).select("[data-countdown-item]")

    assert [i.select_one(".next-meetup__title").get_text() for i in items] == ["First", "Second"]
    assert [i.has_attr("hidden") for i in items] == [False, True]


def test_cancelled_postponed_past_and_draft_meetups_are_skipped(client, make_meetup):
    soon = timezone.now() + timedelta(days=1)
    make_meetup(title="Cancelled", start=soon, status=MeetupPage.Status.CANCELLED)
    make_meetup(title="Postponed", start=soon, status=MeetupPage.Status.POSTPONED)
    make_meetup(title="Draft", start=soon, publish=False)
    make_meetup(title="Over", start=timezone.now() - timedelta(days=1))
    make_meetup(title="Going ahead", start=soon + timedelta(days=3))

    (item,) = visible_items(next_meetup_box(client))

    assert item.select_one(".next-meetup__title").get_text() == "Going ahead"


def test_meetup_in_progress_says_happening_now_without_javascript(client, make_meetup):
    make_meetup(title="Tonight", start=timezone.now() - timedelta(minutes=30), hours=2)

    (item,) = visible_items(next_meetup_box(client))

    assert item.select_one("[data-countdown-status]").get_text() == "Happening now"


def test_without_upcoming_meetups_it_says_to_be_announced_and_links_to_past_ones(client, make_meetup):
    make_meetup(title="Over", start=timezone.now() - timedelta(days=10))

    box = next_meetup_box(client)

    assert "Next meetup to be announced." in box.get_text()
    assert box.find("a", string="See past meetups and their talks")["href"] == "/meetups/#past"
    assert box.select("[data-countdown-item]") == []


def test_countdown_is_a_deferred_static_script_and_the_clock_is_not_a_live_region(client, make_meetup):
    make_meetup()
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    scripts = soup.select("script:not([type='application/ld+json'])")
    assert [(s["src"], s.has_attr("defer"), s.string) for s in scripts] == [("/static/js/countdown.js", True, None)]
    assert not soup.select("[onload], [onclick], [style]")
    clock = soup.select_one("[data-countdown-clock]")
    assert clock["role"] == "timer" and clock.has_attr("hidden") and not clock.has_attr("aria-live")
    assert soup.select_one("[data-countdown-status]")["aria-live"] == "polite"


def test_next_meetup_box_comes_after_the_hero(client, make_meetup):
    make_meetup()
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert soup.select_one(".hero").find_next_sibling("section")["class"] == ["next-meetup"]
