"""What every page's frame shows (menu, footer settings), cached until content changes.

The menu and the footer cost two queries on every page otherwise. They are cached in the
default cache under the page cache's *generation* (toronto_ai/cache.py), which is bumped
whenever a page is published, unpublished or moved and whenever site settings are saved, so
a change shows on the next request. If the cache is unreachable the frame is built directly.
The same mechanism answers Wagtail's routing lookups (routing.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from wagtail.models import Site

from toronto_ai.cache import cached

from .models import SiteSettings

T = TypeVar("T")


def cached_for_site(name: str, site: Site, build: Callable[[], T]) -> T:
    return cached(f"{name}:{site.pk}", build)


def menu_items(site: Site) -> list[dict[str, str]]:
    """Top-level live pages marked "show in menus": title and URL path."""

    def build() -> list[dict[str, str]]:
        pages = site.root_page.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth")
        root_path = site.root_page.url_path
        return [{"title": p.title, "url": "/" + p.url_path[len(root_path) :]} for p in pages]

    return cached_for_site("menu", site, build)


def footer_settings(site: Site) -> dict:
    """The footer's text, 'about' blurb and social links from SiteSettings."""

    def build() -> dict:
        # A read never writes: for_site() would create the row (and so invalidate every page).
        settings = SiteSettings.objects.filter(site=site).first() or SiteSettings(site=site)
        links = [{"label": link.value["label"], "url": link.value["url"]} for link in settings.social_links]
        return {"footer_text": settings.footer_text, "about": settings.about, "social_links": links}

    return cached_for_site("footer", site, build)


def section_url(site: Site, page_model: type) -> str | None:
    """URL of the live page of a one-per-site section type (e.g. the blog index), or None."""

    def build() -> str | None:
        page = page_model.objects.live().defer_streamfields().first()
        return page.get_url() if page else None

    return cached_for_site(f"url:{page_model._meta.label_lower}", site, build)
