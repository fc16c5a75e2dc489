"""Site search: one query over posts, meetups, jobs and other pages, grouped by kind.

Each kind is searched with its own engine (Wagtail's search for pages, PostgreSQL full-text
on PostgreSQL; the jobs board's own matching for postings). The overview shows the first few
of each kind in one query per kind (no counts); choosing a kind pages through all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from wagtail.models import Page

OVERVIEW_SIZE = 5
PAGE_SIZE = 10


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    search: Callable[[str], QuerySet]


def _posts(query: str):
    from blog.models import BlogPostPage

    return BlogPostPage.objects.live().public().defer_streamfields().search(query)


def _meetups(query: str):
    from meetups.models import MeetupPage

    return MeetupPage.objects.live().public().defer_streamfields().search(query)


def _jobs(query: str):
    from jobs.models import Job

    return Job.objects.active().matching(query).newest_first()


def _pages(query: str):
    from blog.models import BlogPostPage
    from meetups.models import MeetupPage

    return Page.objects.live().public().not_type(BlogPostPage, MeetupPage).exclude(depth__lte=1).search(query)


KINDS = (
    Kind("posts", "Blog posts", _posts),
    Kind("meetups", "Meetups", _meetups),
    Kind("jobs", "Jobs", _jobs),
    Kind("pages", "Pages", _pages),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass
class Group:
    kind: Kind
    results: list
    has_more: bool


def overview(query: str) -> list[Group]:
    """The first few results of every kind that has any."""
    groups = []
    for kind in KINDS:
        found = list(kind.search(query)[: OVERVIEW_SIZE + 1])
        if found:
            groups.append(Group(kind, found[:OVERVIEW_SIZE], len(found) > OVERVIEW_SIZE))
    return groups


def one_kind(query: str, kind: Kind, page_number: int):
    """All results of one kind, a page at a time (out-of-range pages show the last page)."""
    return Paginator(kind.search(query), PAGE_SIZE).get_page(page_number)
