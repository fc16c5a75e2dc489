"""The whole delivery path through a real Celery worker and the real Redis broker."""

import time

import pytest

from toronto_ai.contact.models import ContactSubmission
from toronto_ai.contact.tasks import resend_pending

from .smtp_sink import SMTPSink


def wait_until(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


@pytest.mark.django_db(transaction=True)
def test_worker_retries_an_unreachable_smtp_server_then_a_resend_delivers(
    real_worker, smtp_port, settings, client, contact_page, valid_data
):
    settings.CONTACT_EMAIL_MAX_RETRIES = 2
    settings.CONTACT_RETRY_BACKOFF = 0  # retries through the broker without waiting
    response = client.post("/contact/", valid_data(message="Through the worker, please"), REMOTE_ADDR="192.0.2.44")
    assert response.status_code == 302

    stored = ContactSubmission.objects.get()
    wait_until(lambda: ContactSubmission.objects.get().delivery_state == "failed")
    stored.refresh_from_db()
    assert stored.delivery_attempts == 3 and "Connection refused" in stored.last_error

    settings.CONTACT_RESEND_FAILED_AFTER = 0
    with SMTPSink(smtp_port) as sink:
        assert resend_pending.delay().get(timeout=20) == 1
        wait_until(lambda: ContactSubmission.objects.get().delivery_state == "sent")
        wait_until(lambda: ContactSubmission.objects.get().acknowledged_at is not None)
    bodies = [m["data"] for m in sink.messages]
    assert any("Through the worker, please" in body for body in bodies)
    assert any("Hi Priya Raman," in body for body in bodies)
