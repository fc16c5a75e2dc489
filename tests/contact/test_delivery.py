"""E-mail to the right team, the acknowledgement, and spam that is never e-mailed."""

import pytest
from django.core import mail
from wagtail.models import Site

from toronto_ai.contact.models import ContactSettings, ContactSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipients(contact_page):
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_recipients = "organisers@torontoai.example"
    settings.sponsor_recipients = "sponsors@torontoai.example, treasurer@torontoai.example"
    settings.speaker_recipients = "program@torontoai.example"
    settings.save()
    return settings


def team_mail():
    return [m for m in mail.outbox if "[Toronto AI contact" in m.subject]


def ack_mail():
    return [m for m in mail.outbox if m.subject.startswith("We received your message")]


def test_sponsor_message_goes_to_the_sponsor_team_with_reply_to_the_sender(send_form, valid_data, recipients):
    send_form(valid_data())
    [message] = team_mail()
    assert message.to == ["sponsors@torontoai.example", "treasurer@torontoai.example"]
    assert message.reply_to == ["priya@example.org"]
    assert "Sponsoring" in message.subject and "Priya Raman" in message.subject
    assert "We can host a meetup for 80 people" in message.body
    assert "/admin/" in message.body
    stored = ContactSubmission.objects.get()
    assert stored.delivery_state == "sent" and stored.delivery_attempts == 1 and stored.delivered_at


def test_type_without_its_own_list_goes_to_the_default_recipients(send_form, valid_data, recipients):
    send_form(valid_data(inquiry_type="volunteer"))
    assert team_mail()[0].to == ["organisers@torontoai.example"]


def test_without_any_recipients_configured_the_fallback_setting_is_used(send_form, valid_data, contact_page, settings):
    settings.CONTACT_FALLBACK_RECIPIENTS = ["hello@torontoai.example"]
    send_form(valid_data(inquiry_type="other"))
    assert team_mail()[0].to == ["hello@torontoai.example"]


def test_talk_proposal_carries_its_title_and_abstract(send_form, valid_data, recipients):
    send_form(
        valid_data(inquiry_type="speaker", talk_title="Evaluating RAG", talk_abstract="How we measure retrieval.")
    )
    [message] = team_mail()
    assert message.to == ["program@torontoai.example"]
    assert "Evaluating RAG" in message.body and "How we measure retrieval." in message.body


def test_acknowledgement_repeats_only_the_name(send_form, valid_data, recipients):
    send_form(
        valid_data(
            organization="Visit cheap-pills.example",
            message="Buy now at cheap-pills.example",
            inquiry_type="speaker",
            talk_title="cheap-pills.example",
            talk_abstract="cheap-pills.example",
        )
    )
    [ack] = ack_mail()
    assert ack.to == ["priya@example.org"]
    assert "Hi Priya Raman," in ack.body
    assert "cheap-pills" not in ack.body + ack.subject
    assert ack.reply_to == []
    assert ContactSubmission.objects.get().acknowledged_at is not None


def test_at_most_one_acknowledgement_per_address_per_hour(send_form, valid_data, recipients):
    for n in range(3):
        send_form(valid_data(email="Priya@Example.org" if n else "priya@example.org", message=f"Note {n}"))
    assert len(team_mail()) == 3
    assert len(ack_mail()) == 1


def test_filled_honeypot_is_kept_as_spam_and_never_emailed(send_form, valid_data, recipients):
    response = send_form(valid_data(website="http://seo-deals.example"))
    assert response.status_code == 302  # the bot sees the usual success
    stored = ContactSubmission.objects.get()
    assert (stored.status, stored.spam_reason, stored.delivery_state) == ("spam", "honeypot", "skipped")
    assert mail.outbox == []


def test_form_sent_back_too_fast_is_refused_with_everything_kept(send_form, valid_data, fresh_token, recipients):
    response = send_form(valid_data(form_token=fresh_token(seconds_ago=1)))
    assert response.status_code == 200
    body = response.content.decode()
    assert "quicker than we expected" in body and "We can host a meetup for 80 people" in body
    assert not ContactSubmission.objects.exists() and mail.outbox == []


def test_form_without_time_token_is_refused(send_form, valid_data, recipients):
    response = send_form(valid_data(form_token=""))
    assert "could not verify this form" in response.content.decode()
    assert not ContactSubmission.objects.exists()


def test_recipient_lists_must_be_email_addresses(contact_page):
    from django.core.exceptions import ValidationError

    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_recipients = "organisers@torontoai.example, not-an-address"
    with pytest.raises(ValidationError, match="not-an-address"):
        settings.full_clean()
