"""Broker down when the e-mail task is queued: the message is saved, pending, and re-sent later."""

import time

import pytest
from django.core import mail

from toronto_ai.celery import app
from toronto_ai.contact.models import ContactSubmission
from toronto_ai.contact.tasks import resend_pending


@pytest.fixture
def broker_down():
    """The real Celery app publishing to a Redis port with nothing listening."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    saved_pools = app._pool, app.amqp._producer_pool
    app.conf.update(broker_url="redis://127.0.0.1:1/0", task_always_eager=False)
    app._pool = app.amqp._producer_pool = None  # pools are per broker URL: fresh ones for the dead one
    yield
    app.conf.update(saved)
    app._pool, app.amqp._producer_pool = saved_pools


@pytest.mark.django_db
def test_message_is_saved_pending_when_the_broker_is_down_and_resent_when_it_is_back(
    broker_down, send_form, valid_data, settings
):
    started = time.monotonic()
    response = send_form(valid_data(message="Sent while Redis was down"))
    assert response.status_code == 302
    assert time.monotonic() - started < 10  # the visitor is not kept waiting long
    stored = ContactSubmission.objects.get()
    assert stored.message == "Sent while Redis was down"
    assert (stored.delivery_state, stored.delivery_attempts) == ("pending", 0)
    assert mail.outbox == []

    # Too recent: a delivery task might still be on its way.
    assert resend_pending() == 0

    app.conf.update(task_always_eager=True)  # the broker is back (tasks run inline here)
    settings.CONTACT_RESEND_PENDING_AFTER = 0
    assert resend_pending() == 1
    stored.refresh_from_db()
    assert stored.delivery_state == "sent"
    assert any("Sent while Redis was down" in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_message_is_saved_when_redis_is_down_for_cache_and_broker_alike(broker_down, send_form, valid_data, settings):
    # The production cache configuration (errors ignored), pointed at a Redis with nothing listening.
    options = {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True}
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": options,
        },
    }
    response = send_form(valid_data(message="Sent while every Redis was down"))
    assert response.status_code == 302
    stored = ContactSubmission.objects.get()
    assert stored.message == "Sent while every Redis was down"
    assert stored.delivery_state == "pending"
