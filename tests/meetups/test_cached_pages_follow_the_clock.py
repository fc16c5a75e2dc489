"""Meetup pages change by themselves when a meetup starts or ends; the page cache (and a CDN)
never keeps a copy past that moment, although nothing was edited."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

pytestmark = pytest.mark.django_db

# Well inside PAGE_CACHE_SECONDS (10 minutes): only the meetup's own clock can end the cached copy.
SOON = timedelta(minutes=4)


def _section_titles(html: bytes, selector: str) -> list[str]:
    return [heading.get_text(strip=True) for heading in BeautifulSoup(html, "html.parser").select(f"{selector} h3 a")]


def _rsvp_links(html: bytes) -> list[str]:
    return [link["href"] for link in BeautifulSoup(html, "html.parser").select("a.button") if link.get_text() == "RSVP"]


def test_a_meetup_that_ends_moves_from_upcoming_to_past_on_the_cached_index(client, make_meetup, page_cache_on):
    meetup = make_meetup("Evals night", start=timezone.now() - timedelta(hours=2), end_at=timezone.now() + SOON)
    assert client.get("/meetups/")["X-Cache"] == "miss"
    cached = client.get("/meetups/")
    assert cached["X-Cache"] == "hit"
    assert "Evals night" in _section_titles(cached.content, ".meetups-upcoming")

    with time_machine.travel(meetup.end_at + timedelta(seconds=1)):
        later = client.get("/meetups/")
    assert later["X-Cache"] == "miss"
    assert "Evals night" not in _section_titles(later.content, ".meetups-upcoming")
    assert "Evals night" in _section_titles(later.content, ".meetups-past")


def test_the_rsvp_button_leaves_a_cached_meetup_page_when_it_ends(client, make_meetup, page_cache_on):
    meetup = make_meetup("Robotics social", start=timezone.now() - timedelta(hours=1), end_at=timezone.now() + SOON)
    client.get(meetup.url)
    cached = client.get(meetup.url)
    assert cached["X-Cache"] == "hit"
    assert _rsvp_links(cached.content) == [meetup.rsvp_url]

    with time_machine.travel(meetup.end_at + timedelta(seconds=1)):
        later = client.get(meetup.url)
    assert later["X-Cache"] == "miss"
    assert _rsvp_links(later.content) == []


def test_the_home_page_says_happening_now_once_the_next_meetup_starts(client, make_meetup, page_cache_on):
    meetup = make_meetup("Vision lightning talks", start=timezone.now() + SOON)
    client.get("/")
    cached = client.get("/")
    assert cached["X-Cache"] == "hit"
    assert "Happening now" not in cached.content.decode()

    with time_machine.travel(meetup.start_at + timedelta(seconds=1)):
        later = client.get("/")
    assert later["X-Cache"] == "miss"
    assert "Happening now" in later.content.decode()


def test_a_cdn_is_told_to_keep_the_page_no_longer_than_it_stays_true(client, make_meetup, page_cache_on, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 60
    make_meetup(
        "Ends shortly", start=timezone.now() - timedelta(hours=2), end_at=timezone.now() + timedelta(seconds=20)
    )
    cache_control = client.get("/meetups/")["Cache-Control"]
    s_maxage = int(cache_control.split("s-maxage=")[1].split(",")[0])
    assert 0 < s_maxage <= 20
