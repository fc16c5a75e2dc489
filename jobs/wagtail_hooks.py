"""The jobs board in the Wagtail admin: postings, scrape runs (with "Scrape now") and searches."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_views import scrape_now
from .models import Job, ScrapeRun, SearchQuery


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Scrape runs are a log written by the scraper: people may look, not edit."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ScrapeRun, ViewOnlyPermissionPolicy(ScrapeRun))


class JobViewSet(ModelViewSet):
    model = Job
    name = "jobs_job"
    url_prefix = "jobs/postings"
    icon = "suitcase"
    menu_label = "Jobs"
    list_display = ["title", "company", "location", "posted_on", "last_seen_at", "expired_at"]
    list_filter = ["remote", "sponsored", "hidden", "source", "query", "posted_on", "expired_at"]
    search_fields = ["title", "company", "location"]
    search_backend_name = None
    # The link to Indeed is always built from the job key; expiry is the scraper's business
    # (an editor hides a posting instead, which no later sighting undoes).
    form_fields = ["hidden", "title", "company", "location", "remote", "salary", "posted_on", "snippet"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ScrapeRunIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        return [HeaderButton("Scrape now", url=reverse("jobs_scrape_now"), icon_name="download")]


class ScrapeRunViewSet(ModelViewSet):
    model = ScrapeRun
    name = "jobs_scraperun"
    url_prefix = "jobs/runs"
    icon = "history"
    menu_label = "Scrape runs"
    index_view_class = ScrapeRunIndexView
    list_display = ["__str__", "status", "pages_fetched", "postings_seen", "created", "updated", "expired"]
    list_filter = ["status", "trigger", "started_at"]
    form_fields = ["error"]
    inspect_view_enabled = True
    copy_view_enabled = False


class SearchQueryViewSet(ModelViewSet):
    model = SearchQuery
    name = "jobs_searchquery"
    url_prefix = "jobs/searches"
    icon = "search"
    menu_label = "Searches"
    list_display = ["terms", "location", "radius", "active"]
    list_filter = ["active", "location"]
    form_fields = ["terms", "location", "radius", "active"]
    copy_view_enabled = False


class JobsBoardViewSetGroup(ModelViewSetGroup):
    menu_label = "Jobs board"
    menu_icon = "suitcase"
    menu_order = 300
    items = (JobViewSet, ScrapeRunViewSet, SearchQueryViewSet)


@hooks.register("register_admin_viewset")
def register_jobs_viewsets():
    return JobsBoardViewSetGroup()


@hooks.register("register_admin_urls")
def register_scrape_now_url():
    return [path("jobs/scrape-now/", scrape_now, name="jobs_scrape_now")]
