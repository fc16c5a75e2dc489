"""Invalidate the page cache when content shown on public pages changes in Wagtail.

A snippet (or other model listed here) that is not always shown can say when a change matters
with ``changes_public_pages(created: bool, deleted: bool) -> bool``: a comment a visitor just
sent is held for moderation and changes nothing (else any visitor could empty the cache).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from jobs.models import Job
from toronto_ai.cache import invalidate_public_pages_on_commit


def _on_published(sender: type, instance: Page, **kwargs: Any) -> None:
    invalidate_public_pages_on_commit(f"page {instance.pk} published")


def _on_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    invalidate_public_pages_on_commit(f"page {instance.pk} unpublished")


def _on_moved(sender: type, instance: Page, **kwargs: Any) -> None:
    invalidate_public_pages_on_commit(f"page {instance.pk} moved")


def _shown_on_public_pages(model: type) -> bool:
    """Snippets (menus, authors, sponsors…), site settings (footer) and sites appear on pages, and
    so do job postings (editors hide them in the admin; the scraper writes in bulk, without
    signals, and invalidates once per run); a view restriction decides whether a page is public."""
    if issubclass(model, Site | BaseSiteSetting | BaseGenericSetting | PageViewRestriction | Job):
        return True
    return model in get_snippet_models()


def _on_model_saved_or_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if _shown_on_public_pages(sender):
        decide = getattr(instance, "changes_public_pages", None)
        deleted = kwargs.get("signal") is post_delete
        if decide is None or decide(created=bool(kwargs.get("created")), deleted=deleted):
            invalidate_public_pages_on_commit(f"{sender._meta.label} {instance.pk} changed")
    elif isinstance(instance, Page) and kwargs.get("signal") is post_delete:
        invalidate_public_pages_on_commit(f"page {instance.pk} deleted")


def connect() -> None:
    page_published.connect(_on_published, dispatch_uid="ops_page_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="ops_page_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="ops_page_moved")
    post_save.connect(_on_model_saved_or_deleted, dispatch_uid="ops_model_saved")
    post_delete.connect(_on_model_saved_or_deleted, dispatch_uid="ops_model_deleted")
