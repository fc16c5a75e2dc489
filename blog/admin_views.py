"""Wagtail admin view behind the FeedSource 'Import now' button."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from .snippets import FeedSource
from .tasks import import_feeds


@permission_required("blog.change_feedsource", raise_exception=True)
def import_now(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST queues an import of this one feed."""
    source = get_object_or_404(FeedSource, pk=pk)
    if request.method == "POST":
        result = import_feeds.delay(source.pk)
        # Without a worker (eager mode) the outcome is known at once; otherwise it is queued.
        outcome = result.result if result.ready() else None
        if outcome and outcome["errors"]:
            messages.error(request, f"Importing “{source.name}” failed: {outcome['errors'].get(source.name, '')}")
        elif outcome:
            messages.success(request, f"Imported “{source.name}”: {outcome['created']} new draft post(s).")
        else:
            messages.success(request, f"Import of “{source.name}” started; new entries appear as draft posts.")
        return redirect("wagtailsnippets_blog_feedsource:list")
    return TemplateResponse(
        request, "blog/admin/confirm_import.html", {"source": source, "page_title": f"Import {source.name} now"}
    )
