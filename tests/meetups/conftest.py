"""Meetup fixtures: an empty meetups section and a helper that publishes meetups like an editor would."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from meetups.models import MeetupIndexPage, MeetupPage, Talk
from meetups.snippets import Speaker, Sponsor, Venue
from toronto_ai.home.demo import ensure_child

TORONTO = ZoneInfo("America/Toronto")


@pytest.fixture
def meetups_index(home_page) -> MeetupIndexPage:
    return ensure_child(home_page, MeetupIndexPage, "meetups", title="Meetups")


@pytest.fixture
def venue(db) -> Venue:
    return Venue.objects.create(
        name="Harbour Room",
        street_address="100 Queens Quay East",
        postal_code="M5E 1V3",
        latitude="43.642900",
        longitude="-79.371800",
        directions="Second floor, past the security desk.",
        accessibility="Elevator from the lobby.",
    )


@pytest.fixture
def make_meetup(meetups_index, venue):
    """Publish a meetup under /meetups/; ``start`` defaults to a week from now, ``hours`` long."""
    counter = iter(range(1, 10_000))

    def make(
        title: str | None = None,
        start: datetime | None = None,
        hours: float = 2.5,
        talks: list[dict] | None = None,
        sponsors: list[Sponsor] | None = None,
        publish: bool = True,
        **fields,
    ) -> MeetupPage:
        n = next(counter)
        start = start or timezone.now() + timedelta(days=7)
        fields.setdefault("venue", venue)
        fields.setdefault("rsvp_url", f"https://www.meetup.com/toronto-ai/events/{n}/")
        meetup = MeetupPage(
            title=title or f"Meetup {n}",
            slug=fields.pop("slug", f"meetup-{n}"),
            start_at=start,
            end_at=fields.pop("end_at", start + timedelta(hours=hours)),
            talks=[Talk(**talk) for talk in talks or []],
            sponsors=sponsors or [],
            live=publish,
            **fields,
        )
        meetups_index.add_child(instance=meetup)
        if publish:
            meetup.save_revision().publish()
        return meetup

    return make


@pytest.fixture
def speaker(db) -> Speaker:
    return Speaker.objects.create(name="Ada Okafor", bio="Works on speech recognition for Canadian French.")


def toronto(*args) -> datetime:
    return datetime(*args, tzinfo=TORONTO)
