from django.conf import settings
from django.core.paginator import Paginator
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from toronto_ai.home.routing import CachedRestrictionsMixin


class JobsIndexPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """/jobs/: the board of AI/ML postings in the Greater Toronto Area, gathered from Indeed.
    Editors write the introduction; the postings come from the scraper. RSS at /jobs/feed/."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from jobs.listing import POSTED_CHOICES, JobFilters, company_choices, job_listing, latest_runs

        context = super().get_context(request, *args, **kwargs)
        filters = JobFilters.from_query_dict(request.GET)
        page_obj = Paginator(job_listing(filters), settings.JOBS_PER_PAGE).get_page(request.GET.get("page"))
        last_success, last_run = latest_runs()
        context.update(
            filters=filters,
            posted_choices=POSTED_CHOICES,
            companies=company_choices(last_run.pk if last_run else None),
            page_obj=page_obj,
            jobs=page_obj.object_list,
            last_success=last_success,
            last_run=last_run,
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from jobs.feeds import JobsFeed

        return JobsFeed(self)(request)
