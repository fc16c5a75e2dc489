"""Admin view: queue the team e-mail of one submission again (after fixing SMTP or recipients)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from .models import ContactSubmission
from .tasks import enqueue_delivery


class RetryDeliveryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "contact/admin/retry_delivery.html"
    page_title = "Send to the team again"
    header_icon = "mail"

    def dispatch(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not policy_registry.get_by_type(ContactSubmission).user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.object = get_object_or_404(ContactSubmission, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submission=self.object,
            can_send=self._can_send(),
            edit_url=reverse("contact_submissions:edit", args=[self.object.pk]),
        )
        return context

    def _can_send(self) -> bool:
        return self.object.status != ContactSubmission.Status.SPAM and (
            self.object.delivery_state != ContactSubmission.Delivery.SENT
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        edit_url = reverse("contact_submissions:edit", args=[pk])
        if not self._can_send():
            messages.warning(request, "This message was already sent or is marked as spam; nothing was queued.")
        elif enqueue_delivery(pk):
            messages.success(request, "Queued: the team e-mail will be sent again.")
        else:
            messages.error(request, "The task queue is unreachable; the periodic re-send will try later.")
        return redirect(edit_url)
