"""iCalendar export: one meetup (event.ics) or the subscribable feed (calendar.ics).

Times are written with TZID=America/Toronto plus the matching VTIMEZONE, so an 18:30 meetup on
the day daylight-saving time starts or ends is 18:30 in every client.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vDuration

from . import dates

if TYPE_CHECKING:
    from .models import MeetupPage

FEED_REFRESH = timedelta(hours=6)
ICS_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(meetup: "MeetupPage") -> str:
    """Stable across edits, renames and hosts: the page id never changes."""
    return f"meetup-{meetup.pk}@{settings.MEETUPS_CALENDAR_UID_DOMAIN}"


def event_description(meetup: "MeetupPage", url: str) -> str:
    """Plain text: the summary, the talks with their speakers, and where to find more."""
    lines = []
    if meetup.is_cancelled:
        lines.append("This meetup is cancelled.")
    if meetup.search_description:
        lines.append(meetup.search_description)
    for talk in meetup.talks.all():
        speakers = ", ".join(speaker.name for speaker in talk.speakers.all())
        lines.append(f"• {talk.title}" + (f" ({speakers})" if speakers else ""))
    if meetup.online_url:
        lines.append(f"Join online: {meetup.online_url}")
    lines.append(f"Details and RSVP: {url}")
    return "\n".join(lines)


def build_event(meetup: "MeetupPage", request: HttpRequest | None) -> Event:
    url = meetup.get_full_url(request)
    event = Event()
    event.add("uid", event_uid(meetup))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", dates.local(meetup.start_at))
    event.add("dtend", dates.local(meetup.end_at))
    event.add("summary", ("Cancelled: " if meetup.is_cancelled else "") + meetup.title)
    event.add("description", event_description(meetup, url))
    if meetup.location_line:
        event.add("location", meetup.location_line)
    if meetup.venue_id and meetup.venue.latitude is not None:
        event.add("geo", (float(meetup.venue.latitude), float(meetup.venue.longitude)))
    event.add("url", url)
    event.add("status", ICS_STATUS.get(meetup.status, "CONFIRMED"))
    if meetup.last_published_at:
        event.add("last-modified", meetup.last_published_at)
    return event


@lru_cache(maxsize=16)
def toronto_timezone(first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE for the years the events span (computing it is slow, so it is cached)."""
    return Timezone.from_tzinfo(
        dates.meetup_zone(),
        tzid=settings.MEETUPS_TIME_ZONE,
        first_date=date(first_year, 1, 1),
        last_date=date(last_year + 1, 1, 1),
    )


def calendar_for(meetups: Iterable["MeetupPage"], request: HttpRequest | None, name: str) -> bytes:
    """The serialised VCALENDAR holding ``meetups``."""
    cal = Calendar()
    cal.add("prodid", "-//Toronto AI//Meetups//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.MEETUPS_TIME_ZONE)
    # How often subscribed clients should re-fetch (RFC 7986, and the older Outlook/Google property).
    cal.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(FEED_REFRESH))
    years: list[int] = []
    events = []
    for meetup in meetups:
        events.append(build_event(meetup, request))
        years += [dates.local(meetup.start_at).year, dates.local(meetup.end_at).year]
    if years:
        cal.add_component(toronto_timezone(min(years), max(years)))
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def google_calendar_url(meetup: "MeetupPage", request: HttpRequest | None) -> str:
    """A link that opens Google Calendar's "new event" form filled with this meetup."""
    params = {
        "action": "TEMPLATE",
        "text": meetup.title,
        "dates": f"{dates.utc_stamp(meetup.start_at)}/{dates.utc_stamp(meetup.end_at)}",
        "ctz": settings.MEETUPS_TIME_ZONE,
        "details": f"{meetup.search_description}\n\n{meetup.get_full_url(request)}".strip(),
        "location": meetup.location_line,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)
