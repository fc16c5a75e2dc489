from datetime import date

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def posted_ago(posted_on: date | None) -> str:
    """ "posted today", "posted yesterday", "posted 3 days ago"; "" when the date is unknown."""
    if posted_on is None:
        return ""
    days = (timezone.localdate() - posted_on).days
    if days <= 0:
        return "posted today"
    if days == 1:
        return "posted yesterday"
    return f"posted {days} days ago"
