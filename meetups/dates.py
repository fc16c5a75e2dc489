"""Meetup times as members read them: always in Toronto time, whatever the server's zone."""

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat


@cache
def meetup_zone() -> ZoneInfo:
    """The zone meetups are entered and shown in (``MEETUPS_TIME_ZONE``, America/Toronto)."""
    return ZoneInfo(settings.MEETUPS_TIME_ZONE)


def local(value: datetime) -> datetime:
    """``value`` converted to Toronto time."""
    return value.astimezone(meetup_zone())


def full_date(value: datetime) -> str:
    """e.g. "Thursday, March 12, 2026"."""
    return dateformat.format(local(value), "l, F j, Y")


def clock(value: datetime) -> str:
    """e.g. "6:30 p.m."."""
    return dateformat.format(local(value), "P")


def time_range(start: datetime, end: datetime) -> str:
    """ "Thursday, March 12, 2026, 6:30 p.m. – 9 p.m. EDT", with the end's date when it is another day."""
    start_l, end_l = local(start), local(end)
    zone = dateformat.format(end_l, "T")
    if start_l.date() == end_l.date():
        return f"{full_date(start)}, {clock(start)} – {clock(end)} {zone}"
    return f"{full_date(start)}, {clock(start)} – {full_date(end)}, {clock(end)} {zone}"


def utc_stamp(value: datetime) -> str:
    """Compact UTC form used by calendar links, e.g. 20260312T223000Z."""
    return value.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")
