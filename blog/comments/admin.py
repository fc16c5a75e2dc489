"""Comment moderation in the Wagtail admin: a filterable queue, bulk approve / reject, a dashboard count."""

import django_filters
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from toronto_ai.cache import invalidate_public_pages_on_commit

from .models import Comment

STATUS_CHOICES = [("pending", "Waiting for moderation"), ("approved", "Approved"), ("spam", "Spam / rejected")]


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES, method="filter_status", label="Status")

    def filter_status(self, queryset, name, value):
        return getattr(queryset, value)() if value in dict(STATUS_CHOICES) else queryset

    class Meta:
        model = Comment
        fields = []


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    list_display = ["name", "post", "created", "status"]
    filterset_class = CommentFilterSet
    ordering = ["-created"]
    search_fields = ["name", "body"]
    panels = [
        FieldPanel("post", read_only=True),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("body"),
        FieldPanel("approved"),
        FieldPanel("is_spam"),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("post")


class _ModerationAction(SnippetBulkAction):
    models = [Comment]
    template_name = "blog/comments/confirm_bulk_moderation.html"
    verb = ""

    def check_perm(self, obj) -> bool:
        return self.request.user.has_perm("blog.change_comment")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment %(verb)s.", "%(count)d comments %(verb)s.", num_parent_objects) % {
            "count": num_parent_objects,
            "verb": self.verb,
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


class ApproveCommentsAction(_ModerationAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve selected comments"
    verb = "approved"
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = Comment.objects.filter(pk__in=[c.pk for c in objects]).update(approved=True, is_spam=False)
        invalidate_public_pages_on_commit("comments approved")  # update() sends no signals
        return count, 0


class RejectCommentsAction(_ModerationAction):
    display_name = "Reject as spam"
    action_type = "reject"
    aria_label = "Reject selected comments and keep them as spam"
    verb = "rejected as spam"
    action_priority = 20

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = Comment.objects.filter(pk__in=[c.pk for c in objects]).update(approved=False, is_spam=True)
        invalidate_public_pages_on_commit("comments rejected")
        return count, 0


class PendingCommentsPanel(Component):
    """Dashboard panel: how many comments wait, with a link to the queue."""

    name = "pending_comments"
    order = 90
    template_name = "blog/comments/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "pending": Comment.objects.pending().count(),
            "queue_url": reverse("wagtailsnippets_blog_comment:list") + "?status=pending",
        }
