"""Paging through past meetups without counting them all: one query per page, whatever the archive's size."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest


@dataclass
class ArchivePage:
    """One page of past meetups, with whether there are newer and older pages."""

    items: list
    number: int
    has_next: bool

    @classmethod
    def for_request(cls, request: HttpRequest, queryset: QuerySet, per_page: int | None = None) -> "ArchivePage":
        per_page = per_page or settings.MEETUPS_PAST_PER_PAGE
        try:
            number = max(1, int(request.GET.get("page", 1)))
        except (TypeError, ValueError):
            number = 1
        offset = (number - 1) * per_page
        # One row more than shown tells us whether an older page exists.
        rows = list(queryset[offset : offset + per_page + 1])
        return cls(items=rows[:per_page], number=number, has_next=len(rows) > per_page)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1
