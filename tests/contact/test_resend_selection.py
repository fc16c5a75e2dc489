"""Which messages the periodic task re-sends, and that a migration schedules it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from toronto_ai.contact.models import ContactSubmission

pytestmark = pytest.mark.django_db


def make(name, **fields):
    defaults = {"name": name, "email": f"{name}@example.org", "inquiry_type": "other", "message": "Hi"}
    return ContactSubmission.objects.create(**{**defaults, **fields})


def test_resend_picks_stuck_pending_and_old_failures_only(settings):
    settings.CONTACT_RESEND_PENDING_AFTER = 1800
    settings.CONTACT_RESEND_FAILED_AFTER = 3600
    settings.CONTACT_DELIVERY_MAX_ATTEMPTS = 10
    now = timezone.now()
    ago = lambda **kw: now - timedelta(**kw)  # noqa: E731
    never_queued = make("never_queued", created_at=ago(hours=1))
    make("just_arrived", created_at=ago(minutes=1))
    make("retrying_now", created_at=ago(hours=1), last_attempt_at=ago(minutes=5), delivery_attempts=3)
    stalled = make("stalled", created_at=ago(hours=2), last_attempt_at=ago(hours=1), delivery_attempts=2)
    old_failure = make("old_failure", delivery_state="failed", last_attempt_at=ago(hours=2), delivery_attempts=6)
    make("new_failure", delivery_state="failed", last_attempt_at=ago(minutes=10), delivery_attempts=6)
    make("gave_up", delivery_state="failed", last_attempt_at=ago(hours=5), delivery_attempts=10)
    make("sent", delivery_state="sent", created_at=ago(hours=3))
    make("spam", status="spam", delivery_state="skipped", created_at=ago(hours=3))
    picked = list(ContactSubmission.objects.awaiting_resend(now))
    assert set(picked) == {never_queued, stalled, old_failure}


def test_sent_message_is_not_sent_again(settings, contact_page):
    from django.core import mail

    from toronto_ai.contact.delivery import deliver

    message = make("once", delivery_state="sent", delivery_attempts=1)
    assert deliver(message.pk, final=True) == "skipped"
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.delivery_attempts == 1


def test_a_migration_schedules_the_resend_every_five_minutes():
    task = PeriodicTask.objects.get(task="toronto_ai.contact.tasks.resend_pending")
    assert task.enabled and (task.interval.every, task.interval.period) == (5, "minutes")
