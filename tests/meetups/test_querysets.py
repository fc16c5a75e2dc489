"""upcoming(), past(), next_up() and in_calendar_feed() decide in the database what members see."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetups.models import MeetupPage

pytestmark = pytest.mark.django_db


def titles(queryset) -> list[str]:
    return list(queryset.values_list("title", flat=True))


def test_a_meetup_moves_from_upcoming_to_past_when_it_ends_not_when_it_starts(make_meetup):
    start = timezone.now() + timedelta(days=1)
    make_meetup(title="Evening talk", start=start, hours=2)

    during = start + timedelta(hours=1)
    after = start + timedelta(hours=2)

    assert titles(MeetupPage.objects.upcoming(during)) == ["Evening talk"]
    assert titles(MeetupPage.objects.past(during)) == []
    assert titles(MeetupPage.objects.upcoming(after)) == []
    assert titles(MeetupPage.objects.past(after)) == ["Evening talk"]


def test_next_up_skips_cancelled_postponed_and_unpublished(make_meetup):
    soon = timezone.now() + timedelta(days=1)
    make_meetup(title="Cancelled", start=soon, status=MeetupPage.Status.CANCELLED)
    make_meetup(title="Postponed", start=soon, status=MeetupPage.Status.POSTPONED)
    make_meetup(title="Draft", start=soon, publish=False)
    make_meetup(title="Later", start=soon + timedelta(days=9))
    make_meetup(title="Sooner", start=soon + timedelta(days=2))

    assert titles(MeetupPage.objects.next_up()) == ["Sooner", "Later"]


def test_ordering_comes_from_the_query_not_from_python(make_meetup):
    now = timezone.now()
    for days in (5, -5, 1, -1):
        make_meetup(title=f"{days:+d}", start=now + timedelta(days=days))

    upcoming, past = MeetupPage.objects.upcoming(), MeetupPage.objects.past()

    assert upcoming.query.order_by == ("start_at", "pk")
    assert past.query.order_by == ("-start_at", "-pk")
    assert titles(upcoming) == ["+1", "+5"]
    assert titles(past) == ["-1", "-5"]
