"""Store new feed entries as draft reposts for an editor to review. Idempotent: safe to re-run."""

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from .fetch import FeedFetchError, fetch_feed
from .parse import Entry, FeedParseError, parse_feed

logger = logging.getLogger(__name__)


@dataclass
class ImportReport:
    checked: int = 0
    created: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: dict[str, str] = field(default_factory=dict)


def _unique_slug(index: Page, title: str) -> str:
    base = slugify(title)[:70].strip("-") or "repost"
    slug, n = base, 1
    siblings = Page.objects.child_of(index)
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_draft(index: Page, source, entry: Entry):
    """A draft repost of ``entry`` under the blog index, with its first revision."""
    from blog.models import BlogPostPage

    post = BlogPostPage(
        title=entry.title,
        slug=_unique_slug(index, entry.title),
        intro=entry.excerpt or entry.title,
        date=entry.published or timezone.now(),
        source_url=entry.link,
        source_name=source.name,
        category=source.category,
        live=False,
    )
    index.add_child(instance=post)
    post.save_revision(log_action=True)
    return post


def import_entries(index: Page, source, entries: list[Entry]) -> int:
    """Create drafts for entries never seen before from ``source``; returns how many."""
    from blog.models import ImportedEntry

    seen = set(ImportedEntry.objects.filter(source=source).values_list("guid", flat=True))
    created = 0
    for entry in entries:
        if entry.guid in seen:
            continue
        try:
            with transaction.atomic():
                record = ImportedEntry.objects.create(source=source, guid=entry.guid)
                record.post = create_draft(index, source, entry)
                record.save(update_fields=["post"])
        except IntegrityError:  # another run imported it meanwhile
            continue
        seen.add(entry.guid)
        created += 1
    return created


def import_source(source, index: Page | None = None) -> int:
    """Fetch, parse and import one feed; the outcome (or error) is recorded on the FeedSource."""
    from blog.models import BlogIndexPage

    index = index or BlogIndexPage.objects.first()
    source.last_checked = timezone.now()
    created = 0
    try:
        if index is None:
            raise FeedFetchError("There is no blog index page to file reposts under")
        result = fetch_feed(source.feed_url, source.etag, source.last_modified)
        if result.content is not None:
            created = import_entries(index, source, parse_feed(result.content))
            source.etag, source.last_modified = result.etag, result.last_modified
        source.last_error = ""
    except (FeedFetchError, FeedParseError) as exc:
        source.last_error = str(exc)
    source.last_imported = created
    source.save(update_fields=["last_checked", "last_error", "last_imported", "etag", "last_modified"])
    return created


def import_all(sources) -> ImportReport:
    """Import every source; one broken feed never stops the others."""
    report = ImportReport()
    for source in sources:
        report.checked += 1
        try:
            created = import_source(source)
        except Exception as exc:  # an unexpected bug in one feed must not stop the rest
            logger.exception("feed import crashed for %s", source.feed_url)
            source.last_error = f"Unexpected error: {exc.__class__.__name__}"
            source.last_checked = timezone.now()
            source.save(update_fields=["last_error", "last_checked"])
            created = 0
        if source.last_error:
            report.failed += 1
            report.errors[source.name] = source.last_error
        elif created:
            report.created += created
        else:
            report.unchanged += 1
    return report
