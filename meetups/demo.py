"""Demo content for meetups (used by ``seed_demo``): venues, speakers, a sponsor, upcoming and past meetups.

Idempotent: snippets are looked up by name and meetups by slug, so a second run creates nothing.
Dates are relative to the day the demo is first seeded.
"""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from toronto_ai.home.demo import ensure_child

from . import dates
from .demo_content import MEETUPS, SPEAKERS, SPONSORS, VENUES
from .models import MeetupIndexPage, MeetupPage, Talk
from .snippets import Speaker, Sponsor, Venue

EVENING_START = time(18, 30)
THURSDAY = 3
EVENING_LENGTH = timedelta(hours=2, minutes=30)
SCHEDULE = "<ul><li>6:30 p.m. doors and snacks</li><li>7:00 p.m. talks</li><li>8:30 p.m. time to talk</li></ul>"


def evening(days_from_today: int) -> tuple[datetime, datetime]:
    """18:30–21:00 Toronto time on the first Thursday on or after ``days_from_today`` days from today."""
    day = timezone.localdate(timezone=dates.meetup_zone()) + timedelta(days=days_from_today)
    day += timedelta(days=(THURSDAY - day.weekday()) % 7)
    start = datetime.combine(day, EVENING_START, tzinfo=dates.meetup_zone())
    return start, start + EVENING_LENGTH


def seed(home: Page, log: Callable[[str], None]) -> MeetupIndexPage:
    index = ensure_child(
        home,
        MeetupIndexPage,
        "meetups",
        title="Meetups",
        intro="<p>Talks, demos and conversation, usually once a month in downtown Toronto.</p>",
    )
    venues = [Venue.objects.get_or_create(name=v["name"], defaults=v)[0] for v in VENUES]
    speakers = [Speaker.objects.get_or_create(name=name, defaults={"bio": bio})[0] for name, bio in SPEAKERS]
    sponsors = [Sponsor.objects.get_or_create(name=s["name"], defaults=s)[0] for s in SPONSORS]
    existing = set(MeetupPage.objects.child_of(index).values_list("slug", flat=True))
    created = 0
    for spec in MEETUPS:
        if spec["slug"] in existing:
            continue
        add_meetup(index, spec, venues, speakers, sponsors)
        created += 1
    log(f"meetups: index ready, {created} meetups created, {len(existing)} already there")
    return index


def add_meetup(index: MeetupIndexPage, spec: dict, venues: list, speakers: list, sponsors: list) -> MeetupPage:
    start, end = evening(spec["days"])
    is_past = spec["days"] < 0
    talks = []
    for title, abstract, speaker_indexes in spec["talks"]:
        slug = spec["slug"]
        talks.append(
            Talk(
                title=title,
                abstract=abstract,
                speakers=[speakers[i] for i in speaker_indexes],
                slides_url=f"https://example.com/slides/{slug}/{len(talks) + 1}" if is_past else "",
                video_url=f"https://www.youtube.com/watch?v=demo-{slug[:20]}-{len(talks) + 1}" if is_past else "",
            )
        )
    meetup = MeetupPage(
        title=spec["title"],
        slug=spec["slug"],
        start_at=start,
        end_at=end,
        status=spec.get("status", MeetupPage.Status.SCHEDULED),
        venue=venues[spec["venue"]],
        online_url="https://example.com/live/toronto-ai" if spec.get("online") else "",
        rsvp_url=f"https://www.meetup.com/toronto-ai/events/{spec['slug']}/",
        capacity_note="" if is_past else "Room for 120 people; the RSVP list opens two weeks before.",
        search_description=spec["summary"],
        description=[
            ("paragraph", f"<p>{spec['summary']}</p>"),
            ("heading", "Schedule"),
            (
                "paragraph",
                "<ul><li>6:30 p.m. doors and snacks</li><li>7:00 p.m. talks</li><li>8:30 p.m. mingling</li></ul>",
            ),
        ],
        talks=talks,
        sponsors=sponsors[:1] if spec["days"] % 2 else sponsors,
    )
    index.add_child(instance=meetup)
    meetup.save_revision().publish()
    return meetup
