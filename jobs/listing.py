"""The jobs board's search and filters: a visitor's query string turned into a queryset."""

from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.db.models import Count

from toronto_ai.home.text import clean_query

from .models import Job, ScrapeRun

POSTED_CHOICES = [("", "Any time"), ("1", "Today or yesterday"), ("7", "Past week"), ("30", "Past 30 days")]
LIST_FIELDS = ("source", "key", "title", "company", "location", "remote", "salary", "posted_on", "snippet", "url")
COMPANY_CHOICES_LIMIT = 60
MAX_QUERY_LENGTH = 200


class JobFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Keywords")
    remote = forms.BooleanField(required=False, label="Remote only")
    posted = forms.ChoiceField(required=False, choices=POSTED_CHOICES, label="Posted")
    company = forms.CharField(required=False, label="Company")


@dataclass(frozen=True)
class JobFilters:
    q: str = ""
    remote: bool = False
    posted: int | None = None
    company: str = ""

    @classmethod
    def from_query_dict(cls, data) -> "JobFilters":
        """Whatever a visitor typed: invalid values are ignored rather than answered with an error."""
        form = JobFilterForm(data)
        form.is_valid()
        cleaned = form.cleaned_data
        posted = cleaned.get("posted")
        return cls(
            q=_whole_words(clean_query(cleaned.get("q"), max_length=1000), MAX_QUERY_LENGTH),
            remote=bool(cleaned.get("remote")),
            posted=int(posted) if posted else None,
            company=clean_query(cleaned.get("company")),
        )

    @property
    def active(self) -> bool:
        return bool(self.q or self.remote or self.posted or self.company)

    def apply(self, jobs):
        if self.q:
            jobs = jobs.matching(self.q)
        if self.remote:
            jobs = jobs.filter(remote=True)
        if self.posted:
            jobs = jobs.posted_within(self.posted)
        if self.company:
            jobs = jobs.filter(company=self.company)
        return jobs


def _whole_words(text: str, limit: int) -> str:
    """At most ``limit`` characters, never ending in half a word (which would match nothing)."""
    if len(text) <= limit:
        return text
    return text[: limit + 1].rsplit(" ", 1)[0]


def job_listing(filters: JobFilters):
    """Active postings matching the filters, newest first, only the columns the board shows."""
    return filters.apply(Job.objects.active()).only(*LIST_FIELDS).newest_first()


def company_choices(latest_run_id: int | None) -> list[str]:
    """Companies with the most active postings, for the filter; cached until the next run."""

    def load() -> list[str]:
        rows = (
            Job.objects.active()
            .exclude(company="")
            .values("company")
            .annotate(n=Count("id"))
            .order_by("-n", "company")[:COMPANY_CHOICES_LIMIT]
        )
        return sorted(row["company"] for row in rows)

    return cache.get_or_set(f"jobs:companies:{latest_run_id or 0}", load, timeout=600)


LATEST_RUNS_CACHE_KEY = "jobs:latest-runs"


def latest_runs() -> tuple[ScrapeRun | None, ScrapeRun | None]:
    """The last successful run (for "updated …") and the last run of any kind (for staff);
    cached until a run is saved (see ``jobs.apps``)."""
    return cache.get_or_set(LATEST_RUNS_CACHE_KEY, _load_latest_runs, timeout=3600)


def _load_latest_runs() -> tuple[ScrapeRun | None, ScrapeRun | None]:
    fields = ("started_at", "finished_at", "status", "trigger", "created", "updated", "error")
    last = ScrapeRun.objects.finished().exclude(status=ScrapeRun.Status.SKIPPED).only(*fields).first()
    if last is None or last.status == ScrapeRun.Status.OK:
        return last, last
    return ScrapeRun.objects.successful().only(*fields).first(), last
