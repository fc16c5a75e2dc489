"""Fill the benchmark database with many meetups quickly.

Going through ``add_child`` and revisions costs tens of milliseconds per page; here pages are
bulk-inserted with correct treebeard ``path``/``depth``/``numchild`` and ``url_path``, so
500 meetups (with talks and speakers) take a second or two. Not for production content.
"""

import uuid
from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from . import dates
from .models import MeetupIndexPage, MeetupPage, Talk
from .snippets import Speaker, Venue

BATCH = 200
TALKS_PER_MEETUP = 2
# Like a real group: a long weekly archive and a few announced meetups ahead.
UPCOMING_SHARE = 0.1


def seed(count: int, progress: Callable[[int], None] | None = None) -> None:
    """Add ``count`` live meetups under the meetups index, weekly, two talks each, a tenth of them upcoming."""
    with transaction.atomic():
        index = _meetups_index()
        venue, _ = Venue.objects.get_or_create(
            name="Benchmark Hall", defaults={"street_address": "1 Front Street West", "postal_code": "M5J 1E6"}
        )
        speakers = _speakers(max(1, count // 5))
        past = count - max(1, int(count * UPCOMING_SHARE))
        created = 0
        while created < count:
            size = min(BATCH, count - created)
            _insert_batch(index, venue, speakers, size, first=created, past=past)
            created += size
            if progress:
                progress(created)


def _meetups_index() -> MeetupIndexPage:
    index = MeetupIndexPage.objects.first()
    if index is not None:
        return index
    from toronto_ai.home.demo import ensure_child, ensure_home_page

    return ensure_child(ensure_home_page(), MeetupIndexPage, "meetups", title="Meetups")


def _speakers(count: int) -> list[Speaker]:
    start = Speaker.objects.filter(slug__startswith="bench-speaker-").count()
    Speaker.objects.bulk_create(
        Speaker(name=f"Bench Speaker {n}", slug=f"bench-speaker-{n}") for n in range(start, start + count)
    )
    return list(Speaker.objects.filter(slug__startswith="bench-speaker-").order_by("pk")[:count])


def _insert_batch(
    index: MeetupIndexPage, venue: Venue, speakers: list[Speaker], size: int, first: int, past: int
) -> None:
    """Meetups number ``first`` to ``first + size - 1``; the first ``past`` of all are weekly in the past."""
    index.refresh_from_db(fields=["numchild", "path", "depth", "url_path"])
    last_child = index.get_last_child()
    next_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(MeetupPage)
    locale_id = index.locale_id or Locale.get_default().pk
    now = timezone.now()
    today = timezone.localdate(timezone=dates.meetup_zone())

    pages = []
    for n in range(size):
        step = next_step + n
        slug = f"bench-meetup-{step}"
        pages.append(
            Page(
                title=f"Benchmark meetup {step}",
                draft_title=f"Benchmark meetup {step}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=locale_id,
                translation_key=uuid.uuid4(),
                search_description="A meetup created for benchmarks.",
            )
        )
    pages = Page.objects.bulk_create(pages)

    meetups = []
    for n, page in enumerate(pages):
        number = first + n
        # Skip this week so no meetup is today: past ones end last week or earlier, upcoming start next week.
        day = today + timedelta(weeks=number - past if number < past else number - past + 1)
        start = datetime.combine(day, time(18, 30), tzinfo=dates.meetup_zone())
        meetups.append(
            MeetupPage(
                page_ptr_id=page.pk,
                start_at=start,
                end_at=start + timedelta(hours=2, minutes=30),
                status=MeetupPage.Status.CANCELLED if n % 17 == 16 else MeetupPage.Status.SCHEDULED,
                venue=venue,
                rsvp_url=f"https://www.meetup.com/toronto-ai/events/{page.slug}/",
                description=[],
            )
        )
    # Only the meetups table: the wagtailcore_page rows exist already (multi-table inheritance).
    local_fields = [f for f in MeetupPage._meta.local_concrete_fields]
    MeetupPage._base_manager._insert(meetups, fields=local_fields)

    talks = [
        Talk(meetup_id=page.pk, sort_order=k, title=f"Talk {k + 1} at {page.title}", slides_url="https://example.com/s")
        for page in pages
        for k in range(TALKS_PER_MEETUP)
    ]
    talks = Talk.objects.bulk_create(talks)
    through = Talk.speakers.through
    through.objects.bulk_create(
        through(talk_id=talk.pk, speaker_id=speakers[i % len(speakers)].pk) for i, talk in enumerate(talks)
    )
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)


def bench_urls() -> list[tuple[str, str]]:
    """The meetups' calendar feed (every meetup), for the benchmark."""
    return [("calendar.ics", reverse("meetups:calendar"))]
