"""Calendar downloads. Plain Django views because Wagtail's page URLs cannot end in ".ics"."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from . import calendar
from .models import MeetupIndexPage, MeetupPage


def _index() -> MeetupIndexPage:
    index = MeetupIndexPage.objects.live().public().only("id", "path", "depth", "url_path").first()
    if index is None:
        raise Http404("No meetups section")
    return index


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Upcoming meetups and those of the last 90 days, for calendar apps to subscribe to."""
    meetups = (
        MeetupPage.objects.child_of(_index())
        .public()
        .in_calendar_feed()
        .select_related("venue")
        .defer("description")
        .prefetch_related(MeetupPage.talks_prefetch())
    )
    body = calendar.calendar_for(meetups, request, name="Toronto AI meetups")
    return calendar.ics_response(body, "toronto-ai-meetups.ics")


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One meetup as an iCalendar file, for "add to my calendar"."""
    meetups = MeetupPage.objects.child_of(_index()).live().public().select_related("venue").defer("description")
    meetup = get_object_or_404(meetups.prefetch_related(MeetupPage.talks_prefetch()), slug=slug)
    body = calendar.calendar_for([meetup], request, name=meetup.title)
    return calendar.ics_response(body, f"{meetup.slug}.ics")
