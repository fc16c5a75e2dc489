"""A meetup's own page: when (Toronto time), where, RSVP, talks, sponsors and schema.org Event data."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from meetups.models import MeetupPage, Talk
from meetups.snippets import Sponsor, SponsorTier

from .conftest import toronto

pytestmark = pytest.mark.django_db


def page_soup(client, meetup) -> BeautifulSoup:
    response = client.get(meetup.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup: BeautifulSoup) -> dict:
    (script,) = soup.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_page_shows_time_venue_rsvp_talks_and_sponsors(client, make_meetup, speaker):
    gold = Sponsor.objects.create(name="Maple Cloud", url="https://example.com/maple", tier=SponsorTier.GOLD)
    host = Sponsor.objects.create(name="Lakeside Labs", tier=SponsorTier.COMMUNITY)
    meetup = make_meetup(
        title="Speech models",
        start=toronto(2030, 11, 7, 18, 30),
        capacity_note="Room for 80 people.",
        talks=[{"title": "Whisper in production", "abstract": "Latency budgets.", "speakers": [speaker]}],
        sponsors=[host, gold],
    )

    soup = page_soup(client, meetup)

    assert soup.select_one(".meetup__when").get_text() == "Thursday, November 7, 2030, 6:30 p.m. – 9 p.m. EST"
    assert "Harbour Room" in soup.select_one(".meetup__venue").get_text()
    assert "Elevator from the lobby." in soup.select_one(".meetup__venue").get_text()
    assert soup.select_one(".meetup__capacity").get_text() == "Room for 80 people."
    assert soup.find("a", string="RSVP")["href"] == meetup.rsvp_url
    assert soup.select_one(".talk__abstract").get_text() == "Latency budgets."
    assert soup.select_one(".talk__speakers a")["href"] == f"/meetups/speakers/{speaker.slug}/"
    sponsors = [li.get_text(" ", strip=True) for li in soup.select(".sponsor")]
    assert sponsors == ["Maple Cloud Gold", "Lakeside Labs Community partner"]
    assert soup.find("a", string="Add to calendar (.ics)")["href"] == f"/meetups/{meetup.slug}/event.ics"


def test_cancelled_meetup_says_so_and_offers_no_rsvp(client, make_meetup):
    meetup = make_meetup(status=MeetupPage.Status.CANCELLED)

    soup = page_soup(client, meetup)

    assert "Cancelled" in soup.select_one(".meetup-status").get_text()
    assert soup.find("a", string="RSVP") is None


def test_json_ld_event_has_offset_dates_status_mode_location_and_speakers(client, make_meetup, speaker):
    meetup = make_meetup(
        title="Hybrid night",
        start=toronto(2030, 3, 14, 18, 30),
        online_url="https://example.com/stream",
        talks=[{"title": "A talk", "speakers": [speaker]}],
    )

    data = json_ld(page_soup(client, meetup))

    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-03-14T18:30:00-04:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["address"]["streetAddress"] == "100 Queens Quay East"
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.com/stream"}
    assert data["organizer"]["name"] == "Toronto AI"
    assert data["performer"] == [{"@type": "Person", "name": "Ada Okafor"}]
    assert data["offers"]["url"] == meetup.rsvp_url and data["offers"]["price"] == 0


def test_json_ld_marks_cancelled_events_and_escapes_html_in_titles(client, make_meetup):
    meetup = make_meetup(title="</script><script>alert(1)</script>", status=MeetupPage.Status.CANCELLED)

    response = client.get(meetup.url)
    data = json_ld(BeautifulSoup(response.content, "html.parser"))

    assert b"</script><script>alert(1)" not in response.content
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_rsvp_button_disappears_once_the_meetup_is_over(client, make_meetup):
    meetup = make_meetup(start=timezone.now() - timedelta(days=3))

    assert page_soup(client, meetup).find("a", string="RSVP") is None


def test_preview_shows_draft_talks_while_the_live_page_keeps_published_ones(client, make_meetup, speaker):
    meetup = make_meetup(title="Previewed", talks=[{"title": "Published talk", "speakers": [speaker]}])
    draft = meetup.get_latest_revision_as_object()
    draft.talks = [Talk(title="Draft talk", speakers=[speaker])]
    revision = draft.save_revision()

    preview = revision.as_object().make_preview_request()

    assert preview.status_code == 200
    assert b"Draft talk" in preview.content
    assert b"Published talk" not in preview.content
    assert b"Published talk" in client.get(meetup.url).content


def test_description_blocks_render_headings_and_rich_text(client, make_meetup):
    meetup = make_meetup(
        description=[("heading", "What to expect"), ("paragraph", "<p>Pizza at <b>6:30</b>, talks at 7.</p>")]
    )

    description = page_soup(client, meetup).select_one(".meetup-description")

    assert description.h2.get_text() == "What to expect"
    assert description.b.get_text() == "6:30"


def test_sponsor_logos_cost_the_same_queries_for_one_or_four_sponsors(client, make_meetup, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def sponsors(n: int) -> list[Sponsor]:
        return [
            Sponsor.objects.create(
                name=f"Sponsor {i}", logo=Image.objects.create(title=f"Logo {i}", file=get_test_image_file())
            )
            for i in range(n)
        ]

    counts = []
    for meetup in (make_meetup(sponsors=sponsors(1)), make_meetup(sponsors=sponsors(4))):
        cache.clear()
        client.get(meetup.url)  # renders (and stores) the renditions once
        with CaptureQueriesContext(connection) as queries:
            soup = page_soup(client, meetup)
        counts.append(len(queries))
        assert all(img["alt"].startswith("Sponsor ") for img in soup.select(".sponsor img"))

    assert counts[0] == counts[1] <= 12
