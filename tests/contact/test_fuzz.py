"""No input of any size or encoding makes the contact form answer 500 (hypothesis drives it)."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toronto_ai.contact.models import ContactSubmission

FIELDS = ["name", "email", "organization", "inquiry_type", "message", "talk_title", "talk_abstract", "website"]
ALLOWED = {200, 302, 400, 413, 429}

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " ", "\x00", "a" * 6000, "é" * 5001, "\u202e\u200b", "😀" * 120, "speaker", "x@y.z", "=1+1"]
)
hypothesis_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def fuzz_client(client, contact_page, settings):
    settings.CONTACT_RATE_LIMIT = 10_000
    return client


@pytest.mark.django_db
@hypothesis_settings
@given(values=st.fixed_dictionaries({}, optional={name: any_text for name in FIELDS}), token_ok=st.booleans())
def test_any_text_in_any_field_never_gives_a_server_error(fuzz_client, fresh_token, values, token_ok):
    data = {**values}
    if token_ok:
        data["form_token"] = fresh_token()
    response = fuzz_client.post("/contact/", data)
    assert response.status_code in ALLOWED
    for submission in ContactSubmission.objects.all():
        assert len(submission.message) <= 5000 and "\x00" not in submission.message


@pytest.mark.django_db
@hypothesis_settings
@given(body=st.binary(max_size=2000), charset=st.sampled_from(["", "; charset=utf-8", "; charset=latin-1", "; x"]))
def test_raw_bytes_in_any_encoding_never_give_a_server_error(fuzz_client, body, charset):
    response = fuzz_client.generic(
        "POST", "/contact/", body, content_type="application/x-www-form-urlencoded" + charset
    )
    assert response.status_code in ALLOWED


@pytest.mark.django_db
@hypothesis_settings
@given(raw=st.dictionaries(st.binary(min_size=1, max_size=20), st.binary(max_size=500), max_size=8))
def test_percent_encoded_garbage_never_gives_a_server_error(fuzz_client, raw):
    body = "&".join(f"{quote_from_bytes(k)}={quote_from_bytes(v)}" for k, v in raw.items())
    response = fuzz_client.generic("POST", "/contact/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in ALLOWED


@pytest.mark.django_db
def test_very_large_post_is_refused_cleanly(fuzz_client):
    response = fuzz_client.post("/contact/", {"message": "m" * 3_000_000, "name": "Big"})
    assert response.status_code in ALLOWED
    assert not ContactSubmission.objects.exists()
