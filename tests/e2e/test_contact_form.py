"""The contact form in a real browser: focus on errors, talk fields, sending, accessibility."""

import pytest

from toronto_ai.contact.models import ContactSubmission

from .conftest import run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def quick_time_trap(settings):
    settings.SPAM_TIME_TRAP_MIN_SECONDS = 1


def test_errors_move_focus_to_the_summary_and_keep_what_was_typed(page, seeded_site, quick_time_trap):
    page.goto("/contact/")
    page.fill("#id_message", "A note without a name")
    page.get_by_role("button", name="Send message").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.input_value("#id_message") == "A note without a name"
    summary.get_by_role("link", name="Your name: Please tell us your name.").click()
    assert page.evaluate("document.activeElement.id") == "id_name"


def test_talk_fields_appear_only_for_talk_proposals(page, seeded_site):
    page.goto("/contact/")
    talk = page.locator("#speaker-fields")
    assert talk.is_hidden()
    page.select_option("#id_inquiry_type", "speaker")
    assert talk.is_visible()
    page.select_option("#id_inquiry_type", "volunteer")
    assert talk.is_hidden()


def test_a_talk_proposal_is_sent_and_the_thank_you_page_shown(page, seeded_site, quick_time_trap):
    page.goto("/contact/?type=speaker")
    page.fill("#id_name", "Kwame Mensah")
    page.fill("#id_email", "kwame@example.org")
    page.fill("#id_talk_title", "Small models on the edge")
    page.fill("#id_message", "I would like to present at a spring meetup.")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/contact/thanks/")
    assert "Thanks, your message is with the organisers" in page.locator("h1").inner_text()
    stored = ContactSubmission.objects.get()
    assert (stored.inquiry_type, stored.talk_title, stored.status) == ("speaker", "Small models on the edge", "new")


def test_contact_form_with_errors_has_no_accessibility_violations(page, seeded_site, axe_source):
    page.goto("/contact/")
    page.get_by_role("button", name="Send message").click()
    page.locator("#error-summary").wait_for()
    assert run_axe(page, axe_source) == []


def test_without_javascript_the_talk_fields_are_visible_and_a_message_goes_through(
    browser, live_server, seeded_site, quick_time_trap
):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto("/contact/")
        assert page.locator("#speaker-fields").is_visible()
        page.fill("#id_name", "Lena Novak")
        page.fill("#id_email", "lena@example.org")
        page.select_option("#id_inquiry_type", "volunteer")
        page.fill("#id_message", "I can help with registration at the next two meetups.")
        page.wait_for_timeout(1100)
        page.get_by_role("button", name="Send message").click()
        page.wait_for_url("**/contact/thanks/")
    finally:
        context.close()
    assert ContactSubmission.objects.get().name == "Lena Novak"
