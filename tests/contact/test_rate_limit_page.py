"""The sixth message from one address within an hour gets 429 "try again later", text kept."""

import pytest
from django.core import mail

from toronto_ai.contact.models import ContactSubmission

pytestmark = pytest.mark.django_db


def test_sixth_message_in_an_hour_is_refused_with_429_and_the_text_kept(send_form, valid_data):
    for n in range(5):
        assert send_form(valid_data(message=f"Message number {n}")).status_code == 302
    response = send_form(valid_data(message="The sixth one, please keep me"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    body = response.content.decode()
    assert "Please try again later" in body and "The sixth one, please keep me" in body
    assert ContactSubmission.objects.count() == 5
    assert "no-cache" in response["Cache-Control"]


def test_another_address_is_not_limited(send_form, valid_data):
    for _ in range(5):
        send_form(valid_data())
    assert send_form(valid_data(), ip="198.51.100.77").status_code == 302


def test_typos_do_not_use_up_the_limit(send_form, valid_data):
    for _ in range(8):
        assert send_form(valid_data(email="oops")).status_code == 200
    assert send_form(valid_data()).status_code == 302


def test_limit_is_configurable(send_form, valid_data, settings):
    settings.CONTACT_RATE_LIMIT = 1
    assert send_form(valid_data()).status_code == 302
    assert send_form(valid_data()).status_code == 429
    assert len([m for m in mail.outbox if "[Toronto AI contact" in m.subject]) == 1


def test_limit_is_shared_through_redis(redis_url, settings, send_form, valid_data):
    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    settings.CONTACT_RATE_LIMIT = 2
    send_form(valid_data())
    send_form(valid_data())
    from django_redis import get_redis_connection

    keys = [k for k in get_redis_connection("default").keys("*ratelimit:contact:*")]
    assert len(keys) == 1 and b"203.0.113.5" not in keys[0]
    assert send_form(valid_data()).status_code == 429
