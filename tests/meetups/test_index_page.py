"""/meetups/: upcoming soonest first, the talk archive newest first and paged, cancelled ones labelled."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from meetups.models import MeetupPage

pytestmark = pytest.mark.django_db


def section(client, name: str, query: str = "") -> BeautifulSoup:
    response = client.get("/meetups/" + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(f".meetups-{name}")


def titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".meetup-card__title a")]


def test_upcoming_are_listed_soonest_first_including_one_happening_now(client, make_meetup):
    now = timezone.now()
    make_meetup(title="In three weeks", start=now + timedelta(weeks=3))
    make_meetup(title="Tomorrow", start=now + timedelta(days=1))
    make_meetup(title="Started an hour ago", start=now - timedelta(hours=1), hours=3)
    make_meetup(title="Last week", start=now - timedelta(weeks=1))

    assert titles(section(client, "upcoming")) == ["Started an hour ago", "Tomorrow", "In three weeks"]
    assert titles(section(client, "past")) == ["Last week"]


def test_past_meetups_are_newest_first_with_slides_and_video_links(client, make_meetup, speaker):
    now = timezone.now()
    make_meetup(title="Two months ago", start=now - timedelta(days=60))
    make_meetup(
        title="Last week",
        start=now - timedelta(weeks=1),
        talks=[
            {
                "title": "Diffusion models, gently",
                "speakers": [speaker],
                "slides_url": "https://example.com/diffusion-slides",
                "video_url": "https://video.example.com/diffusion",
            }
        ],
    )

    past = section(client, "past")

    assert titles(past) == ["Last week", "Two months ago"]
    talk = past.select_one(".talk")
    assert talk.select_one(".talk__title").get_text(strip=True) == "Diffusion models, gently"
    links = {a.get_text(" ", strip=True): a["href"] for a in talk.select(".talk__links a")}
    assert links == {
        "Slides for Diffusion models, gently": "https://example.com/diffusion-slides",
        "Video of Diffusion models, gently": "https://video.example.com/diffusion",
    }
    assert talk.select_one(".talk__speakers a")["href"] == f"/meetups/speakers/{speaker.slug}/"


def test_cancelled_meetup_is_labelled_cancelled(client, make_meetup):
    make_meetup(title="Holiday social", status=MeetupPage.Status.CANCELLED)
    make_meetup(title="Regular night")

    cards = section(client, "upcoming").select(".meetup-card")

    labels = {c.select_one(".meetup-card__title a").get_text(): c.select_one(".meetup-status") for c in cards}
    assert labels["Holiday social"].get_text() == "Cancelled"
    assert labels["Regular night"] is None


def test_archive_is_paged_with_newer_and_older_links(client, make_meetup, settings):
    settings.MEETUPS_PAST_PER_PAGE = 2
    now = timezone.now()
    for weeks in range(1, 6):
        make_meetup(title=f"{weeks} weeks ago", start=now - timedelta(weeks=weeks))

    assert titles(section(client, "past")) == ["1 weeks ago", "2 weeks ago"]
    assert titles(section(client, "past", "?page=3")) == ["5 weeks ago"]
    page_two = section(client, "past", "?page=2")
    assert titles(page_two) == ["3 weeks ago", "4 weeks ago"]
    assert {a["rel"][0]: a["href"] for a in page_two.select(".pagination a")} == {
        "prev": "?page=1#past",
        "next": "?page=3#past",
    }


@pytest.mark.parametrize("bad", ["?page=abc", "?page=-4", "?page=0", "?page=99"])
def test_bad_page_numbers_never_fail(client, make_meetup, bad):
    make_meetup(title="Last week", start=timezone.now() - timedelta(weeks=1))

    response = client.get("/meetups/" + bad)

    assert response.status_code == 200


def test_drafts_and_times_are_shown_in_toronto_time(client, make_meetup):
    from .conftest import toronto

    make_meetup(title="Published", start=toronto(2030, 7, 4, 18, 30), hours=2.5)
    make_meetup(title="Unpublished draft", start=toronto(2030, 7, 5, 18, 30), publish=False)

    upcoming = section(client, "upcoming")

    assert titles(upcoming) == ["Published"]
    when = upcoming.select_one(".meetup-card__when time")
    assert when.get_text() == "Thursday, July 4, 2030, 6:30 p.m. – 9 p.m. EDT"
    assert when["datetime"] == "2030-07-04T18:30:00-04:00"


def test_index_offers_the_calendar_feed(client, meetups_index):
    soup = BeautifulSoup(client.get("/meetups/").content, "html.parser")

    assert soup.select_one('link[rel="alternate"][type="text/calendar"]')["href"] == "/meetups/calendar.ics"
    assert soup.select_one(".meetups-calendar a")["href"] == "/meetups/calendar.ics"
