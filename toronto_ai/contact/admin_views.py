"""Wagtail admin triage for contact submissions: list, filter, search, set status, export CSV."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ContactSubmission

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Submissions only come from the public form: nobody adds them in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SubmissionIndexView(generic.IndexView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # A cell starting with = + - @ is run as a formula by spreadsheet apps: keep it text.
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            return "'" + value
        return value


def _read_only(*names: str) -> list[FieldPanel]:
    return [FieldPanel(name, read_only=True) for name in names]


class ContactSubmissionViewSet(ModelViewSet):
    model = ContactSubmission
    name = "contact_submissions"
    icon = "mail"
    menu_label = "Contact messages"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SubmissionIndexView
    list_display = ["__str__", "email", "organization", "status", "delivery_state", "created_at"]
    list_filter = ["inquiry_type", "status", "delivery_state", "created_at"]
    search_fields = ["name", "email", "organization", "message", "talk_title"]
    search_backend_name = None  # plain database lookups: always current, no index to rebuild
    list_export = [
        "created_at",
        "name",
        "email",
        "organization",
        "inquiry_type",
        "message",
        "talk_title",
        "talk_abstract",
        "status",
        "delivery_state",
        "delivery_attempts",
        "last_error",
    ]
    export_filename = "contact-submissions"
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            _read_only("name", "email", "organization", "inquiry_type", "message", "talk_title", "talk_abstract"),
            heading="Message",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(_read_only("delivery_state", "delivery_attempts")),
                *_read_only("last_attempt_at", "last_error", "delivered_at", "acknowledged_at"),
            ],
            heading="E-mail to the team",
        ),
        MultiFieldPanel(_read_only("created_at", "spam_reason", "ip_hash"), heading="Received"),
    ]
