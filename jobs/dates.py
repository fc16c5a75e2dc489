"""Indeed's relative posting dates ("Just posted", "3 days ago", "30+ days ago") as real dates."""

import re
from datetime import UTC, date, datetime, timedelta

_DAYS_AGO = re.compile(r"(\d+)\+?\s*(day|days|d)\b", re.IGNORECASE)
_HOURS_AGO = re.compile(r"(\d+)\+?\s*(hour|hours|hr|hrs|h|minute|minutes|min|mins)\b", re.IGNORECASE)
_TODAY = ("just posted", "today", "new", "active today")
# Phrases that describe the employer or the listing, not when the job was posted.
_NOT_A_POSTING_DATE = ("employer active", "hiring ongoing", "responded")


def posted_on_from_text(text: str | None, fetched_at: datetime) -> date | None:
    """The posting date a relative phrase means, counted from the time the page was fetched.

    "30+ days ago" becomes 30 days before the fetch (the latest date it can mean); anything
    that is not a posting date (such as "Employer Active 3 days ago") gives None.
    """
    if not text:
        return None
    phrase = " ".join(text.split()).lower()
    if any(marker in phrase for marker in _NOT_A_POSTING_DATE):
        return None
    phrase = phrase.removeprefix("posted").removeprefix("active").strip()
    fetch_day = fetched_at.date()
    if phrase.startswith(_TODAY) or _HOURS_AGO.search(phrase):
        return fetch_day
    match = _DAYS_AGO.search(phrase)
    if match:
        return fetch_day - timedelta(days=int(match.group(1)))
    return None


def date_from_epoch_ms(value: object) -> date | None:
    """Indeed's ``pubDate`` (milliseconds since the epoch) as a UTC date; None if not a usable number."""
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
