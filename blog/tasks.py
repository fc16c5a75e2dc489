import logging

from celery import shared_task

from .importer.pipeline import import_all
from .snippets import FeedSource

logger = logging.getLogger(__name__)


@shared_task(name="blog.tasks.import_feeds")
def import_feeds(source_id: int | None = None) -> dict:
    """Read every active FeedSource (or just one) and create draft reposts of new entries."""
    sources = FeedSource.objects.active().select_related("category")
    if source_id is not None:
        sources = FeedSource.objects.filter(pk=source_id).select_related("category")
    report = import_all(list(sources))
    logger.info(
        "import_feeds: checked=%d created=%d unchanged=%d failed=%d",
        report.checked,
        report.created,
        report.unchanged,
        report.failed,
    )
    return {"checked": report.checked, "created": report.created, "failed": report.failed, "errors": report.errors}


@shared_task(name="blog.tasks.notify_comment_moderators")
def notify_comment_moderators() -> int:
    """E-mail editors that comments wait for moderation (throttled; also run hourly by beat)."""
    from .comments.notify import notify_moderators

    sent = notify_moderators()
    logger.info("notify_comment_moderators: emails=%d", sent)
    return sent
