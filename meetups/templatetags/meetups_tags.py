"""Template helpers for meetups: the home page's "next meetup", JSON-LD and calendar links."""

import json
from datetime import UTC

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from toronto_ai import cache as page_cache

from .. import calendar, structured_data
from ..models import MeetupIndexPage, MeetupPage

register = template.Library()

# Enough to switch to the following meetup in the page when the first one ends.
NEXT_MEETUPS_SHOWN = 2
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("meetups/includes/next_meetup.html", takes_context=True)
def next_meetup(context) -> dict:
    """The next meetup(s) still to come or happening now, or a pointer to past ones."""
    request = context.get("request")
    now = timezone.now()
    meetups = list(MeetupPage.objects.next_up(now).select_related("venue").defer("description")[:NEXT_MEETUPS_SHOWN])
    index = None if meetups else MeetupIndexPage.objects.live().only("id", "url_path", "path", "depth").first()
    if meetups:  # "Happening now" when the first starts; the next one in its place when it ends
        first = meetups[0]
        page_cache.changes_at(first.start_at if first.start_at > now else first.end_at)
    return {"request": request, "meetups": meetups, "now": now, "index": index}


@register.simple_tag
def meetup_jsonld(meetup: MeetupPage, request=None) -> SafeString:
    """A ``<script type="application/ld+json">`` with the meetup's schema.org Event, safely escaped."""
    payload = json.dumps(structured_data.event_data(meetup, request), cls=DjangoJSONEncoder)
    return mark_safe(f'<script type="application/ld+json">{payload.translate(JSON_SCRIPT_ESCAPES)}</script>')  # noqa: S308


@register.simple_tag
def google_calendar_url(meetup: MeetupPage, request=None) -> str:
    return calendar.google_calendar_url(meetup, request)


@register.filter
def utc_iso(value) -> str:
    """An aware datetime as ISO 8601 in UTC, for the countdown script's data attributes."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
