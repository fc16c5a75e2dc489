"""The .ics files: right instants across daylight-saving changes, stable UIDs, cancellations, the 90-day feed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from meetups.models import MeetupPage

from .conftest import TORONTO, toronto

pytestmark = pytest.mark.django_db


def events_in(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        ((2026, 3, 8), 22),  # DST starts at 02:00 that morning: 18:30 EDT is 22:30 UTC
        ((2026, 11, 1), 23),  # DST ends at 02:00 that morning: 18:30 EST is 23:30 UTC
        ((2026, 3, 7), 23),  # the evening before DST starts, still EST
    ],
)
def test_meetup_at_half_past_six_on_dst_change_day_is_that_instant_in_the_ics(client, make_meetup, day, utc_hour):
    meetup = make_meetup(start=toronto(*day, 18, 30), hours=2.5)

    (event,) = events_in(client.get(f"/meetups/{meetup.slug}/event.ics"))

    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.astimezone(UTC) == datetime(*day, utc_hour, 30, tzinfo=UTC)
    assert end - start == timedelta(hours=2, minutes=30)
    assert (start.astimezone(TORONTO).hour, start.astimezone(TORONTO).minute) == (18, 30)
    assert event["dtstart"].params["TZID"] == "America/Toronto"


def test_ics_carries_a_vtimezone_so_clients_without_tz_database_agree(client, make_meetup):
    meetup = make_meetup(start=toronto(2026, 11, 1, 18, 30))

    cal = Calendar.from_ical(client.get(f"/meetups/{meetup.slug}/event.ics").content)

    (vtimezone,) = cal.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "America/Toronto"
    assert {c.name for c in vtimezone.subcomponents} >= {"STANDARD", "DAYLIGHT"}


def test_event_has_summary_location_url_description_and_confirmed_status(client, make_meetup, speaker):
    meetup = make_meetup(
        title="Graph neural networks",
        search_description="Message passing, explained.",
        talks=[{"title": "GNNs for chemistry", "speakers": [speaker]}],
    )

    (event,) = events_in(client.get(f"/meetups/{meetup.slug}/event.ics"))

    assert str(event["summary"]) == "Graph neural networks"
    assert str(event["location"]).startswith("Harbour Room, 100 Queens Quay East, Toronto")
    assert str(event["url"]) == meetup.get_full_url() == f"http://localhost/meetups/{meetup.slug}/"
    description = str(event["description"])
    assert "Message passing, explained." in description
    assert "GNNs for chemistry (Ada Okafor)" in description
    assert str(event["status"]) == "CONFIRMED"


def test_cancelled_meetup_is_marked_cancelled(client, make_meetup):
    meetup = make_meetup(status=MeetupPage.Status.CANCELLED)

    (event,) = events_in(client.get(f"/meetups/{meetup.slug}/event.ics"))

    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Cancelled: ")


def test_uid_stays_the_same_after_the_meetup_is_renamed_and_moved(client, make_meetup):
    meetup = make_meetup(title="First title")
    (before,) = events_in(client.get(f"/meetups/{meetup.slug}/event.ics"))

    meetup.title, meetup.start_at = "Second title", meetup.start_at + timedelta(days=1)
    meetup.end_at += timedelta(days=1)
    meetup.save_revision().publish()
    (after,) = events_in(client.get(f"/meetups/{meetup.slug}/event.ics"))
    (in_feed,) = events_in(client.get("/meetups/calendar.ics"))

    assert str(after["summary"]) == "Second title"
    assert str(before["uid"]) == str(after["uid"]) == str(in_feed["uid"]) == f"meetup-{meetup.pk}@torontoai.org"


def test_feed_has_upcoming_and_last_90_days_but_not_older_or_unpublished(client, make_meetup):
    now = timezone.now()
    make_meetup(title="Next month", start=now + timedelta(days=30))
    make_meetup(title="Last month", start=now - timedelta(days=30))
    make_meetup(title="Eighty days ago", start=now - timedelta(days=80))
    make_meetup(title="Half a year ago", start=now - timedelta(days=180))
    make_meetup(title="Draft", start=now + timedelta(days=10), publish=False)

    events = events_in(client.get("/meetups/calendar.ics"))

    assert [str(e["summary"]) for e in events] == ["Eighty days ago", "Last month", "Next month"]


def test_feed_is_empty_but_valid_without_meetups(client, meetups_index):
    assert events_in(client.get("/meetups/calendar.ics")) == []


def test_unknown_or_draft_meetup_ics_is_not_found(client, make_meetup):
    draft = make_meetup(publish=False)

    assert client.get("/meetups/no-such-meetup/event.ics").status_code == 404
    assert client.get(f"/meetups/{draft.slug}/event.ics").status_code == 404


def test_google_calendar_link_has_utc_times_and_title(client, make_meetup):
    meetup = make_meetup(title="Robotics night", start=toronto(2026, 3, 8, 18, 30), hours=2)

    html = client.get(meetup.url).content.decode()

    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20260308T223000Z%2F20260309T003000Z" in html
    assert "text=Robotics+night" in html


def test_feed_tells_subscribed_clients_to_refresh_every_six_hours(client, meetups_index):
    cal = Calendar.from_ical(client.get("/meetups/calendar.ics").content)

    assert cal["x-wr-calname"] == "Toronto AI meetups"
    assert cal.decoded("refresh-interval") == timedelta(hours=6)
    assert str(cal["x-published-ttl"].to_ical(), "ascii") == "PT6H"
