"""Celery tasks: e-mail the team (with retries), acknowledge the sender, re-send what is pending."""

from __future__ import annotations

import logging
import random

from celery import shared_task
from django.conf import settings

from . import delivery
from .models import ContactSubmission

logger = logging.getLogger(__name__)


def backoff_seconds(retries: int) -> float:
    """Exponential backoff with a little jitter: base, 2×base, 4×base, … capped."""
    base = float(settings.CONTACT_RETRY_BACKOFF)
    delay = min(base * (2**retries), float(settings.CONTACT_RETRY_BACKOFF_MAX))
    return delay + random.uniform(0, base / 4) if base else 0.0


@shared_task(bind=True, name="toronto_ai.contact.tasks.deliver_submission", max_retries=None, acks_late=True)
def deliver_submission(self, submission_id: int) -> str:
    """E-mail one submission to its team; retried on SMTP errors, then marked failed.

    The first run also queues the acknowledgement, so the web request publishes one message
    (and waits for the broker once, if it is down).
    """
    retries = self.request.retries or 0
    if retries == 0:
        enqueue_acknowledgement(submission_id)
    final = retries >= settings.CONTACT_EMAIL_MAX_RETRIES
    outcome = delivery.deliver(submission_id, final=final)
    logger.info("deliver_submission: submission=%s attempt=%d outcome=%s", submission_id, retries + 1, outcome)
    if outcome == "retry":
        if self.request.is_eager:
            # Inline (no broker: dev, tests): retry at once; Celery would raise Retry to the caller.
            return self.apply((submission_id,), retries=retries + 1).get()
        raise self.retry(countdown=backoff_seconds(retries))
    return outcome


@shared_task(name="toronto_ai.contact.tasks.send_acknowledgement")
def send_acknowledgement(submission_id: int) -> str:
    """Tell the sender their message arrived (at most one per address per hour)."""
    outcome = delivery.acknowledge(submission_id)
    logger.info("send_acknowledgement: submission=%s outcome=%s", submission_id, outcome)
    return outcome


@shared_task(name="toronto_ai.contact.tasks.resend_pending")
def resend_pending(batch: int = 200) -> int:
    """Queue delivery again for messages the team never received (broker was down, or SMTP failed)."""
    ids = list(ContactSubmission.objects.awaiting_resend().values_list("pk", flat=True)[:batch])
    queued = sum(1 for pk in ids if enqueue_delivery(pk))
    logger.info("resend_pending: found=%d queued=%d", len(ids), queued)
    return queued


def enqueue_delivery(submission_id: int) -> bool:
    """Queue the team e-mail. A broker that is down is logged, not raised: the submission is
    already stored as pending and ``resend_pending`` will try again."""
    try:
        deliver_submission.apply_async((submission_id,), retry=False)
    except Exception:
        logger.warning("contact: could not queue delivery of submission %s; left pending", submission_id, exc_info=True)
        return False
    return True


def enqueue_acknowledgement(submission_id: int) -> bool:
    try:
        send_acknowledgement.apply_async((submission_id,), retry=False)
    except Exception:
        logger.warning("contact: could not queue acknowledgement of submission %s", submission_id, exc_info=True)
        return False
    return True
