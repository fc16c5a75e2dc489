"""Writing postings to the database: one upsert statement per page, and expiry."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .indeed import Posting
from .models import Job, SearchQuery

# Control characters (C0, C1) and invisible formatting characters (zero-width, bidi overrides).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
UPDATED_FIELDS = [
    "title",
    "company",
    "location",
    "remote",
    "sponsored",
    "salary",
    "posted_on",
    "snippet",
    "url",
    "last_seen_at",
    "expired_at",
]


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0


def clean_text(value: str | None, max_length: int) -> str:
    """Scraped text as stored: no control characters, collapsed whitespace, bounded length.
    (Templates and the feed escape it on the way out; it is never marked safe.)"""
    if not value:
        return ""
    return " ".join(_INVISIBLE.sub(" ", value).split())[:max_length]


def upsert_postings(
    postings: list[Posting], *, seen_at: datetime, query: SearchQuery | None = None, source: str = Job.Source.INDEED
) -> UpsertResult:
    """Create or refresh the postings of one page in a single INSERT ... ON CONFLICT statement."""
    postings = list({posting.key: posting for posting in postings}.values())
    if not postings:
        return UpsertResult()
    jobs = Job.objects.bulk_create(
        [_job(posting, seen_at=seen_at, query=query, source=source) for posting in postings],
        update_conflicts=True,
        unique_fields=["source", "key"],
        update_fields=UPDATED_FIELDS,
    )
    # INSERT ... RETURNING (PostgreSQL, SQLite) gives back first_seen_at: a row that already
    # existed keeps its older value, so only the new rows carry this run's time.
    created = sum(1 for job in jobs if job.first_seen_at == seen_at)
    return UpsertResult(created=created, updated=len(postings) - created)


def _job(posting: Posting, *, seen_at: datetime, query: SearchQuery | None, source: str) -> Job:
    return Job(
        source=source,
        key=posting.key,
        title=clean_text(posting.title, 300) or "(untitled)",
        company=clean_text(posting.company, 200),
        location=clean_text(posting.location, 200),
        remote=posting.remote,
        sponsored=posting.sponsored,
        salary=clean_text(posting.salary, 200),
        posted_on=posting.posted_on,
        snippet=clean_text(posting.snippet, 2000),
        url=posting.url[:500],
        query=query,
        first_seen_at=seen_at,
        last_seen_at=seen_at,
        expired_at=None,
    )


def expire_stale(now: datetime | None = None) -> int:
    """Expire active postings not seen for JOBS_EXPIRE_AFTER_DAYS or posted more than
    JOBS_MAX_POSTING_AGE_DAYS ago. Called only after a successful run; returns how many."""
    now = now or timezone.now()
    unseen_since = now - timedelta(days=settings.JOBS_EXPIRE_AFTER_DAYS)
    posted_before = timezone.localdate(now) - timedelta(days=settings.JOBS_MAX_POSTING_AGE_DAYS)
    stale = Q(last_seen_at__lt=unseen_since) | Q(posted_on__lt=posted_before)
    return Job.objects.active().filter(stale).update(expired_at=now)
