"""What "upcoming", "past" and "in the calendar" mean, in one place, as database queries."""

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

CALENDAR_LOOKBACK = timedelta(days=90)


class MeetupQuerySet(PageQuerySet):
    def upcoming(self, now: datetime | None = None) -> "MeetupQuerySet":
        """Meetups that have not ended yet (including one happening now), soonest first."""
        return self.filter(end_at__gt=now or timezone.now()).order_by("start_at", "pk")

    def past(self, now: datetime | None = None) -> "MeetupQuerySet":
        """Meetups that have ended, newest first."""
        return self.filter(end_at__lte=now or timezone.now()).order_by("-start_at", "-pk")

    def going_ahead(self) -> "MeetupQuerySet":
        """Meetups neither cancelled nor postponed."""
        return self.filter(status=self.model.Status.SCHEDULED)

    def next_up(self, now: datetime | None = None) -> "MeetupQuerySet":
        """Live meetups a member can still attend, soonest first: the home page's "next meetup"."""
        return self.live().going_ahead().upcoming(now)

    def in_calendar_feed(self, now: datetime | None = None) -> "MeetupQuerySet":
        """Live meetups for the subscribable calendar: upcoming ones and those of the last 90 days."""
        since = (now or timezone.now()) - CALENDAR_LOOKBACK
        return self.live().filter(end_at__gte=since).order_by("start_at", "pk")


MeetupManager = PageManager.from_queryset(MeetupQuerySet)
