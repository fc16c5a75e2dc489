"""The admin's "Scrape now" action: a confirmation page that queues a scrape run."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .models import ScrapeRun

PERMISSION = "jobs.change_searchquery"


def scrape_now(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        from .tasks import scrape_indeed

        scrape_indeed.delay(trigger=ScrapeRun.Trigger.ADMIN)
        messages.success(request, "A scrape run has been queued; it appears under Scrape runs when it finishes.")
        return redirect(_runs_url() or "wagtailadmin_home")
    return TemplateResponse(request, "jobs/admin/scrape_now.html", {"runs_url": _runs_url()})


def _runs_url() -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("jobs_scraperun:index")
    except NoReverseMatch:
        return None
