"""Done-when: a real SMTP failure (EMAIL_URL at a port with nothing listening) loses nothing.

The message is stored, the delivery state is ``failed`` after the retries, and once a mail
server answers on that port, the periodic re-send delivers it.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from toronto_ai.contact.models import ContactSubmission
from toronto_ai.contact.tasks import resend_pending
from toronto_ai.settings.env import email_from_env

from .smtp_sink import SMTPSink, free_port


@pytest.fixture
def smtp_port(settings, monkeypatch):
    """EMAIL_URL=smtp://127.0.0.1:<port> (applied as the settings do), with nothing listening yet."""
    port = free_port()
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{port}")
    for name, value in email_from_env().items():
        setattr(settings, name, value)
    settings.EMAIL_TIMEOUT = 3
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    return port


@pytest.mark.django_db
def test_unreachable_smtp_keeps_the_message_marks_it_failed_and_a_later_resend_delivers_it(
    smtp_port, settings, send_form, valid_data
):
    settings.CONTACT_EMAIL_MAX_RETRIES = 3
    response = send_form(valid_data(message="Our venue fits 120 people; Thursdays work best."))

    assert response.status_code == 302  # the visitor is thanked: the message is safe
    stored = ContactSubmission.objects.get()
    assert stored.delivery_state == "failed"
    assert stored.delivery_attempts == 4  # the first try and three retries
    assert "ConnectionRefusedError" in stored.last_error
    assert stored.message == "Our venue fits 120 people; Thursdays work best."

    with SMTPSink(smtp_port) as sink:
        # Too soon: a failed message waits an hour before the periodic task tries again.
        assert resend_pending() == 0
        with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
            assert resend_pending() == 1

    stored.refresh_from_db()
    assert stored.delivery_state == "sent" and stored.last_error == ""
    assert stored.delivery_attempts == 5
    team = [m for m in sink.messages if "Our venue fits 120 people" in m["data"]]
    assert len(team) == 1
    assert "Reply-To: priya@example.org" in team[0]["data"]


@pytest.mark.django_db
def test_retries_back_off_exponentially_up_to_a_cap(settings):
    from toronto_ai.contact.tasks import backoff_seconds

    settings.CONTACT_RETRY_BACKOFF = 30
    settings.CONTACT_RETRY_BACKOFF_MAX = 900
    delays = [backoff_seconds(n) for n in range(7)]
    assert [int(d // 30) * 30 for d in delays[:4]] == [30, 60, 120, 240]
    assert all(later > earlier for earlier, later in zip(delays[:4], delays[1:5], strict=True))
    assert 900 <= delays[6] < 900 + 30 / 4 + 0.001
