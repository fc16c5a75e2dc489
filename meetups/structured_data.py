"""schema.org Event data for a meetup page, so search engines can show date, place and status."""

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from . import dates

if TYPE_CHECKING:
    from .models import MeetupPage

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
ORGANIZER = {"@type": "Organization", "name": "Toronto AI", "url": "https://torontoai.org/"}


def attendance_mode(meetup: "MeetupPage") -> str:
    if meetup.venue_id and meetup.online_url:
        return "https://schema.org/MixedEventAttendanceMode"
    if meetup.online_url:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def locations(meetup: "MeetupPage") -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if meetup.venue_id:
        venue = meetup.venue
        place: dict[str, Any] = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street_address,
                "addressLocality": venue.city,
                "addressRegion": "ON",
                "postalCode": venue.postal_code,
                "addressCountry": "CA",
            },
        }
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        places.append(place)
    if meetup.online_url:
        places.append({"@type": "VirtualLocation", "url": meetup.online_url})
    return places


def event_data(meetup: "MeetupPage", request: HttpRequest | None) -> dict[str, Any]:
    """The JSON-LD object; talks and speakers must already be loaded (see ``prefetch_talks``)."""
    performers: dict[int, dict[str, str]] = {}
    for talk in meetup.talks.all():
        for speaker in talk.speakers.all():
            performers.setdefault(speaker.pk, {"@type": "Person", "name": speaker.name})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meetup.title,
        "startDate": dates.local(meetup.start_at).isoformat(),
        "endDate": dates.local(meetup.end_at).isoformat(),
        "eventStatus": EVENT_STATUS.get(meetup.status, EVENT_STATUS["scheduled"]),
        "eventAttendanceMode": attendance_mode(meetup),
        "url": meetup.get_full_url(request),
        "organizer": ORGANIZER,
        "isAccessibleForFree": True,
    }
    place = locations(meetup)
    if place:
        data["location"] = place[0] if len(place) == 1 else place
    if meetup.search_description:
        data["description"] = meetup.search_description
    if performers:
        data["performer"] = list(performers.values())
    if meetup.rsvp_url:
        data["offers"] = {
            "@type": "Offer",
            "url": meetup.rsvp_url,
            "price": 0,
            "priceCurrency": "CAD",
        }
    return data
