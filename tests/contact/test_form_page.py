"""The /contact/ page: the form, its errors, and the thank-you page (POST/redirect/GET)."""

import pytest
from bs4 import BeautifulSoup

from toronto_ai.contact.models import ContactSubmission

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_form_has_the_fields_named_in_the_issue_and_is_never_cached(client, contact_page):
    response = client.get("/contact/")
    assert response.status_code == 200
    page = soup(response)
    names = {el["name"] for el in page.select("form.contact-form [name]")}
    assert {"name", "email", "organization", "inquiry_type", "message", "talk_title", "talk_abstract"} <= names
    assert {"csrfmiddlewaretoken", "website", "form_token"} <= names
    options = {o["value"]: o.text for o in page.select("#id_inquiry_type option")}
    assert list(options) == ["sponsor", "speaker", "volunteer", "other"]
    assert options["speaker"] == "Giving a talk"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Looking to sponsor space" in response.content.decode()


def test_speaker_fields_are_in_the_page_without_javascript_and_optional(client, contact_page):
    page = soup(client.get("/contact/"))
    fieldset = page.select_one("fieldset#speaker-fields")
    assert fieldset is not None and "hidden" not in fieldset.attrs
    assert not page.select_one("#id_talk_title").has_attr("required")
    assert page.select_one('script[src$="js/contact.js"]').has_attr("defer")
    assert not [s for s in page.select("script") if not s.get("src") and s.get("type") != "application/ld+json"]


def test_type_in_the_link_preselects_it(client, contact_page):
    page = soup(client.get("/contact/?type=volunteer"))
    assert page.select_one("#id_inquiry_type option[selected]")["value"] == "volunteer"


def test_valid_message_is_stored_and_redirects_to_the_thank_you_page(client, send_form, valid_data):
    response = send_form(valid_data(inquiry_type="speaker", talk_title="Sparse attention in practice"))
    assert response.status_code == 302 and response["Location"] == "/contact/thanks/"
    stored = ContactSubmission.objects.get()
    assert (stored.name, stored.inquiry_type, stored.talk_title) == (
        "Priya Raman",
        "speaker",
        "Sparse attention in practice",
    )
    assert stored.status == "new" and stored.ip_hash and "203.0.113.5" not in stored.ip_hash
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Thanks, your message is with the organisers" in thanks.content.decode()
    assert "no-cache" in thanks["Cache-Control"]


def test_errors_appear_next_to_each_field_and_in_a_summary_with_everything_kept(client, send_form, valid_data):
    response = send_form(valid_data(name="", email="not an address", message="Still here after the error"))
    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one("#error-summary")
    assert summary is not None and summary.get("tabindex") == "-1"
    links = [a["href"] for a in summary.select("a")]
    assert "#id_name" in links and "#id_email" in links
    name_input = page.select_one("#id_name")
    assert "id_name_error" in name_input["aria-describedby"] and name_input["aria-invalid"] == "true"
    assert "Please tell us your name." in page.select_one("#id_name_error").text
    assert page.select_one("#id_email")["value"] == "not an address"
    assert page.select_one("#id_message").text.strip() == "Still here after the error"
    assert page.select_one("#id_organization")["value"] == "Lakeshore Labs"
    assert page.title.text.startswith("Error:")
    assert not ContactSubmission.objects.exists()


def test_help_text_is_linked_with_aria_describedby(client, contact_page):
    page = soup(client.get("/contact/"))
    assert page.select_one("#id_email")["aria-describedby"] == "id_email_helptext"
    assert page.select_one("#id_email_helptext") is not None


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 100), ("organization", 200), ("message", 5000), ("talk_title", 200), ("talk_abstract", 3000)],
)
def test_too_long_text_gets_a_clear_message_and_is_kept(send_form, valid_data, field, limit):
    response = send_form(valid_data(**{field: "x" * (limit + 1)}))
    assert response.status_code == 200
    error = soup(response).select_one(f"#id_{field}_error").text
    assert f"at most {limit:,} characters (it has {limit + 1})" in error
    assert "x" * (limit + 1) in response.content.decode()
    assert not ContactSubmission.objects.exists()


def test_line_breaks_in_a_name_are_refused(send_form, valid_data):
    response = send_form(valid_data(name="Eve\r\nBcc: victim@example.com"))
    assert "single line" in soup(response).select_one("#id_name_error").text
    assert not ContactSubmission.objects.exists()


def test_unknown_inquiry_type_is_an_error_not_a_crash(send_form, valid_data):
    response = send_form(valid_data(inquiry_type="lottery"))
    assert response.status_code == 200
    assert "choose what your message is about" in soup(response).select_one("#id_inquiry_type_error").text


def test_form_is_protected_by_csrf(contact_page, valid_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/contact/", valid_data())
    assert response.status_code == 403
    assert not ContactSubmission.objects.exists()
