"""The public contact form: plain fields, length limits, and the shared spam defences."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from .models import ContactSubmission, InquiryType
from .spam import SpamProtectedFormMixin

# Characters that have no business in a one-line field (and could forge e-mail headers).
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_ONE_LINE_FIELDS = ("name", "organization", "talk_title")


class ContactForm(SpamProtectedFormMixin, forms.ModelForm):
    spam_scope = "contact"

    class Meta:
        model = ContactSubmission
        fields = ["name", "email", "organization", "inquiry_type", "message", "talk_title", "talk_abstract"]
        labels = {
            "name": "Your name",
            "email": "E-mail address",
            "organization": "Organization (optional)",
            "inquiry_type": "What is it about?",
            "message": "Message",
            "talk_title": "Talk title (optional)",
            "talk_abstract": "Talk abstract (optional)",
        }
        help_texts = {
            "email": "We reply to this address and never share it.",
            "message": "Up to 5,000 characters.",
            "talk_abstract": "A few sentences about the talk: up to 3,000 characters.",
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "email": {
                "required": "Please give an e-mail address we can reply to.",
                "invalid": "Please enter an e-mail address like name@example.com.",
            },
            "message": {"required": "Please write a message."},
            "inquiry_type": {"invalid_choice": "Please choose what your message is about."},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 8}),
            "talk_abstract": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inquiry = self.fields["inquiry_type"]
        inquiry.choices = InquiryType.choices  # no blank "------" option: "other" is the default
        for name in ("name", "organization", "talk_title", "message", "talk_abstract"):
            field = self.fields[name]
            field.error_messages["max_length"] = (
                f"Please keep this to at most {field.max_length:,} characters (it has %(show_value)d)."
            )

    def clean(self) -> dict[str, Any]:
        # Field checks first: the spam mixin only uses up the time token of an error-free form.
        for name in _ONE_LINE_FIELDS:
            value = self.cleaned_data.get(name)
            if value and _CONTROL.search(value):
                self.add_error(name, "Please use a single line of ordinary text.")
        # Talk fields are kept whatever the type: without JavaScript everyone sees them, and
        # nothing a person typed is thrown away.
        return super().clean()

    @property
    def speaker_fields(self) -> list[forms.BoundField]:
        return [self["talk_title"], self["talk_abstract"]]

    @property
    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("name", "email", "organization", "inquiry_type", "message")]
