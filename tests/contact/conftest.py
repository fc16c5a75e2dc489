"""Fixtures for the contact tests: the configured cache (Redis when REDIS_URL is set) kept clean."""

import uuid

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def real_cache():
    """The project's configured cache (django-redis on Redis in CI), empty before and after each test."""
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def unique_scope() -> str:
    """A scope no other test (or earlier run against the same Redis) has used."""
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def contact_page(home_page):
    """The /contact/ page as seed_demo makes it."""
    from toronto_ai.contact.demo import seed

    return seed(home_page, lambda message: None)


@pytest.fixture
def fresh_token():
    """A contact-form time token issued ten seconds ago (a person has filled the form in)."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from toronto_ai.contact.spam import issue_time_token

    def make(seconds_ago: float = 10) -> str:
        with time_machine.travel(timezone.now() - timedelta(seconds=seconds_ago), tick=False):
            return issue_time_token("contact")

    return make


@pytest.fixture
def valid_data(fresh_token):
    """Data for a message that should go through, with overrides."""

    def make(**overrides) -> dict:
        data = {
            "name": "Priya Raman",
            "email": "priya@example.org",
            "organization": "Lakeshore Labs",
            "inquiry_type": "sponsor",
            "message": "We can host a meetup for 80 people at our office near Union Station.",
            "talk_title": "",
            "talk_abstract": "",
            "website": "",
            "form_token": fresh_token(),
        }
        data.update(overrides)
        return data

    return make


@pytest.fixture
def send_form(client, contact_page, django_capture_on_commit_callbacks):
    """POST the contact form as a browser would, running the after-commit e-mail tasks."""

    def post(data: dict, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/contact/", data, REMOTE_ADDR=extra.pop("ip", "203.0.113.5"), **extra)

    return post
