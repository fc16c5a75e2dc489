"""Contact: the page with the form, the stored submissions, and who receives them."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from toronto_ai.home.routing import CachedRestrictionsMixin

from .spam import SpamReason


class InquiryType(models.TextChoices):
    SPONSOR = "sponsor", "Sponsoring (space, food or funding)"
    SPEAKER = "speaker", "Giving a talk"
    VOLUNTEER = "volunteer", "Volunteering"
    OTHER = "other", "Something else"


class SubmissionQuerySet(models.QuerySet):
    def not_spam(self) -> SubmissionQuerySet:
        return self.exclude(status=ContactSubmission.Status.SPAM)

    def awaiting_resend(self, now=None) -> SubmissionQuerySet:
        """Messages the team has not received that no delivery task is still working on.

        Pending ones whose first attempt never happened (the broker was down) or whose retries
        stopped without an outcome, and failed ones whose last attempt is old enough to try
        again, up to a total number of attempts.
        """
        now = now or timezone.now()
        stale = now - timedelta(seconds=settings.CONTACT_RESEND_PENDING_AFTER)
        failed_before = now - timedelta(seconds=settings.CONTACT_RESEND_FAILED_AFTER)
        D = ContactSubmission.Delivery
        pending = models.Q(delivery_state=D.PENDING) & (
            models.Q(last_attempt_at__lt=stale) | models.Q(last_attempt_at__isnull=True, created_at__lt=stale)
        )
        failed = models.Q(delivery_state=D.FAILED, last_attempt_at__lt=failed_before)
        return (
            self.not_spam()
            .filter(pending | failed)
            .filter(delivery_attempts__lt=settings.CONTACT_DELIVERY_MAX_ATTEMPTS)
            .order_by("created_at")
        )


class ContactSubmission(models.Model):
    """A message sent through the contact form; organisers triage it in the admin."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        SPAM = "spam", "Spam"

    class Delivery(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent (spam)"

    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254)
    organization = models.CharField(max_length=200, blank=True)
    inquiry_type = models.CharField(max_length=20, choices=InquiryType.choices, default=InquiryType.OTHER)
    message = models.TextField(max_length=5000)
    talk_title = models.CharField(max_length=200, blank=True)
    talk_abstract = models.TextField(max_length=3000, blank=True)

    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)
    ip_hash = models.CharField(max_length=64, blank=True, help_text="HMAC of the sender's IP address")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    spam_reason = models.CharField(max_length=20, choices=SpamReason.choices, blank=True)

    delivery_state = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.PENDING, db_index=True)
    delivery_attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "contact submission"

    def __str__(self) -> str:
        return f"{self.get_inquiry_type_display()} from {self.name}"


class ContactPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """/contact/: the form sponsors, speakers and volunteers use, and the thank-you page after it."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_title = models.CharField(max_length=120, default="Thank you, your message is on its way")
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after a message is sent.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("thank_you_title"), FieldPanel("thank_you_text")], heading="After sending"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    @path("")
    def form_view(self, request):
        from .views import contact_form

        return contact_form(self, request)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        from .views import thank_you

        return thank_you(self, request)


def parse_address_list(value: str) -> list[str]:
    """Addresses separated by commas, semicolons or new lines."""
    return [part.strip() for part in value.replace(";", ",").replace("\n", ",").split(",") if part.strip()]


def validate_address_list(value: str) -> None:
    for address in parse_address_list(value):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(f"“{address}” is not an e-mail address.") from None


class RecipientsField(models.TextField):
    """A list of e-mail addresses in a text box (migrations refer to this class: keep it)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [validate_address_list])
        super().__init__(*args, **kwargs)


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """Who receives contact-form messages, per inquiry type (the default list covers the rest)."""

    default_recipients = RecipientsField(
        help_text="Receives every type that has no list of its own. Separate addresses with commas."
    )
    sponsor_recipients = RecipientsField(help_text="Sponsorship (space, food, funding).")
    speaker_recipients = RecipientsField(help_text="Talk proposals.")
    volunteer_recipients = RecipientsField(help_text="Volunteers.")
    other_recipients = RecipientsField(help_text="Anything else.")

    panels = [
        FieldPanel("default_recipients"),
        MultiFieldPanel(
            [
                FieldPanel("sponsor_recipients"),
                FieldPanel("speaker_recipients"),
                FieldPanel("volunteer_recipients"),
                FieldPanel("other_recipients"),
            ],
            heading="Per inquiry type",
        ),
    ]

    class Meta:
        verbose_name = "contact recipients"

    def recipients_for(self, inquiry_type: str) -> list[str]:
        """The team for ``inquiry_type``, else the default list, else ``CONTACT_FALLBACK_RECIPIENTS``."""
        specific = getattr(self, f"{inquiry_type}_recipients", "") if inquiry_type in InquiryType.values else ""
        return (
            parse_address_list(specific)
            or parse_address_list(self.default_recipients)
            or list(settings.CONTACT_FALLBACK_RECIPIENTS)
        )
