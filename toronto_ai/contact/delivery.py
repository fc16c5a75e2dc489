"""E-mail for contact submissions: the team's copy (with delivery state) and the acknowledgement.

The database row is the source of truth: every attempt is counted before the SMTP
conversation starts, and its outcome (sent, or the error) is written afterwards, so an
organiser can always see what happened to a message.
"""

from __future__ import annotations

import logging
import re
import smtplib
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.models import Site

from .models import ContactSettings, ContactSubmission

logger = logging.getLogger(__name__)

# What a transient mail problem looks like: SMTP replies, refused or dropped connections, timeouts.
MAIL_ERRORS = (smtplib.SMTPException, OSError)

Outcome = Literal["sent", "retry", "failed", "skipped", "missing"]
_HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def _one_line(text: str, limit: int = 80) -> str:
    text = _HEADER_UNSAFE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def recipients_for(submission: ContactSubmission) -> list[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return list(settings.CONTACT_FALLBACK_RECIPIENTS)
    return ContactSettings.for_site(site).recipients_for(submission.inquiry_type)


def admin_url(submission: ContactSubmission) -> str:
    try:
        path = reverse("contact_submissions:edit", args=[submission.pk])
    except NoReverseMatch:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def team_message(submission: ContactSubmission, recipients: list[str]) -> EmailMessage:
    """The copy for the organisers: everything the person wrote, replying goes to them."""
    subject = f"[Toronto AI contact · {submission.get_inquiry_type_display()}] {_one_line(submission.name)}"
    if submission.organization:
        subject += f" ({_one_line(submission.organization, 60)})"
    body = render_to_string("contact/email/team.txt", {"submission": submission, "admin_url": admin_url(submission)})
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[submission.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def acknowledgement_message(submission: ContactSubmission) -> EmailMessage:
    """A short receipt. It repeats nothing the person typed except their name, so the form
    cannot be used to send someone else a message of a spammer's choosing."""
    body = render_to_string("contact/email/acknowledgement.txt", {"name": _one_line(submission.name, 100)})
    return EmailMessage(
        subject="We received your message · Toronto AI",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[submission.email],
        headers={"Auto-Submitted": "auto-replied"},
    )


def _claim_attempt(submission_id: int) -> ContactSubmission | None:
    """Count an attempt (committed before any SMTP traffic); None if nothing is to be sent."""
    with transaction.atomic():
        submission = ContactSubmission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None:
            return None
        if submission.delivery_state == ContactSubmission.Delivery.SENT or (
            submission.status == ContactSubmission.Status.SPAM
        ):
            return submission
        submission.delivery_attempts += 1
        submission.last_attempt_at = timezone.now()
        submission.save(update_fields=["delivery_attempts", "last_attempt_at"])
        return submission


def deliver(submission_id: int, *, final: bool) -> Outcome:
    """One attempt to e-mail the team. ``final``: no retry follows, so a failure is recorded as failed."""
    submission = _claim_attempt(submission_id)
    if submission is None:
        return "missing"
    if submission.delivery_state == ContactSubmission.Delivery.SENT or submission.status == "spam":
        return "skipped"
    D = ContactSubmission.Delivery
    try:
        team_message(submission, recipients_for(submission)).send(fail_silently=False)
    except MAIL_ERRORS as exc:
        _record(submission_id, state=D.FAILED if final else D.PENDING, error=f"{type(exc).__name__}: {exc}")
        return "failed" if final else "retry"
    except Exception as exc:  # a bug, not the mail server: retrying will not help, but record it
        logger.exception("contact: delivering submission %s failed unexpectedly", submission_id)
        _record(submission_id, state=D.FAILED, error=f"{type(exc).__name__}: {exc}")
        return "failed"
    ContactSubmission.objects.filter(pk=submission_id).update(
        delivery_state=D.SENT, delivered_at=timezone.now(), last_error=""
    )
    return "sent"


def _record(submission_id: int, *, state: str, error: str) -> None:
    ContactSubmission.objects.filter(pk=submission_id).exclude(delivery_state=ContactSubmission.Delivery.SENT).update(
        delivery_state=state, last_error=error[:2000]
    )


def acknowledge(submission_id: int) -> Literal["sent", "throttled", "failed", "skipped"]:
    """Send the receipt, at most one per address per ``CONTACT_ACK_INTERVAL`` (shared cache)."""
    submission = ContactSubmission.objects.filter(pk=submission_id).first()
    if submission is None or submission.status == "spam" or submission.acknowledged_at:
        return "skipped"
    address_key = salted_hmac("toronto_ai.contact.ack", submission.email.strip().lower()).hexdigest()
    key = f"contact:ack:{address_key}"
    try:
        first_this_hour = cache.add(key, 1, timeout=settings.CONTACT_ACK_INTERVAL)
    except Exception:
        logger.warning("contact: cache unavailable, acknowledgement not sent", exc_info=True)
        return "failed"
    if not first_this_hour:
        return "throttled"
    try:
        acknowledgement_message(submission).send(fail_silently=False)
    except MAIL_ERRORS:
        logger.warning("contact: acknowledgement for submission %s failed", submission_id, exc_info=True)
        cache.delete(key)
        return "failed"
    ContactSubmission.objects.filter(pk=submission_id).update(acknowledged_at=timezone.now())
    return "sent"
