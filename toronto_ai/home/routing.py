"""Wagtail's routing lookups, answered from the frame cache instead of the database.

Before a page runs a query of its own, Wagtail spends six finding it: the site for the host
name, the home page's specific row, the section page and its specific row, then the page's
ancestors and their view restrictions. All of them change only when a site is saved, a page is
published, unpublished, moved or deleted, or a view restriction is set, and each of those bumps
the page cache's generation (toronto_ai/ops/signals.py), so they are cached under it like the
menu and the footer (frame.py). Anything not found in the cache is looked up the usual way.
"""

from __future__ import annotations

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from toronto_ai.cache import cached


def site_for_host(hostname: str, port: int) -> Site | None:
    """Wagtail's choice of site for a host name and port, its root page specific."""

    def build() -> Site | None:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        site.root_page = site.root_page.specific  # routing starts at the specific home page
        return site

    return cached(f"site:{hostname}:{port}", build)


def live_sections(home: Page) -> dict[str, Page]:
    """The live children of the home page (the section pages), specific, by slug."""

    def build() -> dict[str, Page]:
        return {child.slug: child for child in home.get_children().live().specific()}

    return cached(f"sections:{home.pk}", build)


def any_view_restrictions() -> bool:
    """Whether any page on the site is private (password, signed-in users, groups)."""
    return cached("view-restrictions", lambda: "yes" if PageViewRestriction.objects.exists() else "no") == "yes"


class CachedRestrictionsMixin:
    """For page models: skip the two view-restriction queries while no page is private."""

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
