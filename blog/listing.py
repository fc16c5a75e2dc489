"""Pagination that tolerates whatever a visitor types in ?page=."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator


def page_number(raw: str | None) -> int:
    """A page number from the query string: junk means the first page."""
    try:
        return max(1, int(str(raw or "1").strip()[:9]))
    except ValueError:
        return 1


def paginate(items, raw_page: str | None, per_page: int, count: int | None = None) -> PaginatorPage:
    """The requested page; past the end gives the last page (never an error). Pass ``count`` when
    it is already known, to save the COUNT query."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # overrides the cached_property
    return paginator.get_page(min(page_number(raw_page), paginator.num_pages))
