"""The contact page's form handling: rate limit, validate, store first, then queue the e-mails."""

from __future__ import annotations

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from .forms import ContactForm
from .models import ContactPage, ContactSubmission, InquiryType
from .spam import RateLimit, client_ip, ip_hash
from .tasks import enqueue_delivery

logger = logging.getLogger(__name__)
TEMPLATE = "contact/contact_page.html"


def contact_rate_limit() -> RateLimit:
    return RateLimit("contact", limit=settings.CONTACT_RATE_LIMIT, window=settings.CONTACT_RATE_WINDOW)


def contact_form(page: ContactPage, request: HttpRequest) -> HttpResponse:
    """GET shows the form; POST stores a valid message and redirects to the thank-you page."""
    if request.method == "POST":
        response = _handle_post(page, request)
    else:
        chosen = request.GET.get("type", "")
        initial = {"inquiry_type": chosen} if chosen in InquiryType.values else {}
        response = _render(page, request, ContactForm(initial=initial))
    add_never_cache_headers(response)  # the page carries a CSRF token and a one-use time token
    return response


def thank_you(page: ContactPage, request: HttpRequest) -> HttpResponse:
    response = TemplateResponse(request, "contact/contact_page_thanks.html", page.get_context(request))
    add_never_cache_headers(response)
    return response


def _handle_post(page: ContactPage, request: HttpRequest) -> HttpResponse:
    ip = client_ip(request)
    limit = contact_rate_limit()
    if limit.is_exceeded(ip):
        # Show what they typed (unbound: nothing is validated or used up) with "try again later".
        typed = {name: request.POST.get(name, "") for name in ContactForm.Meta.fields}
        response = _render(page, request, ContactForm(initial=typed), rate_limited=True, status=429)
        response["Retry-After"] = str(limit.retry_after(ip))
        return response

    form = ContactForm(data=request.POST)
    if not form.is_valid():
        return _render(page, request, form)

    limit.hit(ip)
    submission = _store(form, ip)
    if submission.status != ContactSubmission.Status.SPAM:
        transaction.on_commit(partial(enqueue_delivery, submission.pk), robust=True)
    logger.info("contact: stored submission %s (%s, %s)", submission.pk, submission.inquiry_type, submission.status)
    return HttpResponseRedirect(page.url + page.reverse_subpage("thanks"))


def _store(form: ContactForm, ip: str) -> ContactSubmission:
    """Save the message in its own transaction before anything else (e-mail, tasks) happens."""
    with transaction.atomic():
        submission = form.save(commit=False)
        submission.ip_hash = ip_hash(ip)
        if form.spam_reason:
            submission.status = ContactSubmission.Status.SPAM
            submission.spam_reason = form.spam_reason
            submission.delivery_state = ContactSubmission.Delivery.SKIPPED
        submission.save()
    return submission


def _render(
    page: ContactPage, request: HttpRequest, form: ContactForm, *, rate_limited: bool = False, status: int = 200
) -> TemplateResponse:
    context = page.get_context(request)
    context.update(form=form, rate_limited=rate_limited)
    return TemplateResponse(request, TEMPLATE, context, status=status)
