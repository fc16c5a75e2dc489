"""Which URLs the benchmark loads: the public pages that exist in the seeded database.

Section apps can add their own (a category, calendar.ics, feeds, filtered jobs) by defining
``bench_urls() -> list[tuple[str, str]]`` (name, path) in ``<app>/bench_seed.py``.
"""

from __future__ import annotations

import importlib

from wagtail.models import Page, Site

SECTION_APPS = ("blog", "meetups", "jobs")


def _first_live_child(slug: str) -> str | None:
    index = Page.objects.live().filter(slug=slug, depth=3).first()
    if index is None:
        return None
    child = index.get_children().live().public().order_by("-first_published_at").first()
    return child.url if child else None


def discover() -> list[tuple[str, str]]:
    """(name, path) pairs, home first; paths that do not answer 200 are dropped by the caller."""
    root = Site.objects.get(is_default_site=True).root_page
    targets = [("home", "/")]
    for section in root.get_children().live().public().specific():
        if section.slug == "contact":
            continue  # a form: never cached, benchmarked by the contact app if needed
        targets.append((f"{section.slug} index", section.url))
        child = _first_live_child(section.slug)
        if child:
            targets.append((f"{section.slug} item", child))
    for app in SECTION_APPS:
        try:
            module = importlib.import_module(f"{app}.bench_seed")
        except ModuleNotFoundError:
            continue
        if hasattr(module, "bench_urls"):
            targets.extend(module.bench_urls())
    targets.append(("search", "/search/?q=toronto"))
    targets.append(("healthz", "/healthz"))
    return targets
