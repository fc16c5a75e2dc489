"""Meetup pages: the /meetups/ index and one page per meetup, with its talks."""

import posixpath
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from toronto_ai import cache as page_cache
from toronto_ai.home.routing import CachedRestrictionsMixin

from . import dates
from .archive import ArchivePage
from .blocks import DESCRIPTION_BLOCKS
from .querysets import MeetupManager
from .snippets import Speaker, Sponsor

SPEAKERS_PREFIX = "speakers"
SPONSOR_LOGO_FILTER = "max-240x80"


def sponsor_logo_renditions() -> Prefetch:
    """The logo renditions the meetup page shows, fetched in one query for all sponsors."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=SPONSOR_LOGO_FILTER)
    return Prefetch("logo__renditions", queryset=renditions, to_attr="prefetched_renditions")


class MeetupIndexPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """/meetups/: what's coming up, the archive of past meetups and talks, and the calendar feed."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetups.MeetupPage"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        listed = MeetupPage.objects.live().child_of(self).select_related("venue").defer("description")
        context["upcoming"] = list(listed.upcoming())
        if context["upcoming"]:  # the first to end moves to the past: the cached page must not outlive that
            page_cache.changes_at(min(meetup.end_at for meetup in context["upcoming"]))
        context["past_page"] = self.paginate_past(request, listed.past())
        context["calendar_url"] = reverse("meetups:calendar")
        return context

    @staticmethod
    def paginate_past(request: HttpRequest, past) -> ArchivePage:
        """One page of the talk archive (?page=N; anything but a positive number means the first page)."""
        return ArchivePage.for_request(request, past.prefetch_related(MeetupPage.talks_prefetch()))

    def route(self, request: HttpRequest, path_components: list[str]):
        """Find a meetup with its venue in one query (Wagtail's default takes two, then one more for the venue)."""
        if path_components and path_components[0] != SPEAKERS_PREFIX:
            meetup = MeetupPage.objects.child_of(self).select_related("venue").filter(slug=path_components[0]).first()
            if meetup is not None:
                meetup._cached_parent_obj = self
                return meetup.route(request, path_components[1:])
        return super().route(request, path_components)

    @path(f"{SPEAKERS_PREFIX}/<slug:slug>/", name="speaker")
    def speaker(self, request: HttpRequest, slug: str) -> TemplateResponse:
        """A speaker's bio and every talk they gave or will give here."""
        speaker = get_object_or_404(Speaker.objects.select_related("photo"), slug=slug)
        talks = (
            Talk.objects.filter(speakers=speaker, meetup__live=True)
            .select_related("meetup")
            .order_by("-meetup__start_at", "sort_order")
        )
        context = Page.get_context(self, request) | {"speaker": speaker, "talks": talks}
        return TemplateResponse(request, "meetups/speaker_page.html", context)


class MeetupPage(CachedRestrictionsMixin, Page):
    """One meetup: when and where, how to RSVP, its talks and sponsors. Lives under /meetups/."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"
        POSTPONED = "postponed", "Postponed"

    start_at = models.DateTimeField("starts", help_text="Toronto time.")
    end_at = models.DateTimeField("ends", help_text="Toronto time; must be after the start.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    venue = models.ForeignKey(
        "meetups.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetups",
        help_text="Leave empty for an online-only meetup.",
    )
    online_url = models.URLField("online link", blank=True, help_text="Stream or video call, for hybrid or virtual.")
    rsvp_url = models.URLField("RSVP link", blank=True, help_text="The event on meetup.com or lu.ma.")
    capacity_note = models.CharField(max_length=200, blank=True, help_text="e.g. 'Room for 120; waitlist opens'")
    description = StreamField(DESCRIPTION_BLOCKS, blank=True)
    sponsors = ParentalManyToManyField(Sponsor, blank=True, related_name="meetups")

    objects = MeetupManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]), FieldPanel("status")],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("online_url"), FieldPanel("rsvp_url"), FieldPanel("capacity_note")],
            heading="Where and RSVP",
        ),
        FieldPanel("description"),
        InlinePanel("talks", label="Talks", heading="Talks"),
        FieldPanel("sponsors", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["meetups.MeetupIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        indexes = [models.Index(fields=["start_at"]), models.Index(fields=["end_at"])]

    def clean(self) -> None:
        super().clean()
        if self.slug == SPEAKERS_PREFIX:
            raise ValidationError(
                {"slug": f"'{SPEAKERS_PREFIX}' is reserved for the speakers' pages; choose another slug."}
            )
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            raise ValidationError(
                {
                    "end_at": (
                        "The meetup must end after it starts: it starts "
                        f"{dates.full_date(self.start_at)}, {dates.clock(self.start_at)}"
                        f" but ends {dates.full_date(self.end_at)}, {dates.clock(self.end_at)}."
                    )
                }
            )

    @staticmethod
    def talks_prefetch() -> Prefetch:
        """Talks in order with their speakers, in two queries for any number of meetups."""
        return Prefetch("talks", queryset=Talk.objects.order_by("sort_order").prefetch_related("speakers"))

    def prefetch_talks(self) -> None:
        """Load talks and speakers in two queries, unless this is a preview holding its own (unsaved) talks."""
        if self.pk and not getattr(self, "_cluster_related_objects", None):
            prefetch_related_objects([self], self.talks_prefetch())

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        if not self.has_ended:  # the RSVP button goes when it ends
            page_cache.changes_at(self.end_at)
        self.prefetch_talks()
        context["sponsor_list"] = list(
            self.sponsors.select_related("logo").prefetch_related(sponsor_logo_renditions()).order_by("tier", "name")
        )
        context["event_ics_url"] = reverse("meetups:event_ics", args=[self.slug])
        context["index_url"] = posixpath.dirname(self.url.rstrip("/")).rstrip("/") + "/"
        return context

    # What templates, calendars and structured data ask of a meetup.
    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def is_happening(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.start_at <= now < self.end_at

    @property
    def has_ended(self) -> bool:
        return self.end_at <= timezone.now()

    @property
    def when(self) -> str:
        return dates.time_range(self.start_at, self.end_at)

    @property
    def local_start(self) -> datetime:
        return dates.local(self.start_at)

    @property
    def local_end(self) -> datetime:
        return dates.local(self.end_at)

    @property
    def location_line(self) -> str:
        if self.venue_id:
            return self.venue.location_line
        return "Online" if self.online_url else ""


class Talk(Orderable, ClusterableModel):
    """A talk at a meetup: edited inline on the meetup page; its slides and video form the archive."""

    meetup = ParentalKey(MeetupPage, on_delete=models.CASCADE, related_name="talks")
    title = models.CharField(max_length=200)
    abstract = models.TextField(blank=True, max_length=2000)
    speakers = ParentalManyToManyField(Speaker, blank=True, related_name="talks")
    slides_url = models.URLField("slides link", blank=True)
    video_url = models.URLField("video link", blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("abstract"),
        FieldPanel("speakers", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("slides_url"), FieldPanel("video_url")]),
    ]

    def __str__(self) -> str:
        return self.title
