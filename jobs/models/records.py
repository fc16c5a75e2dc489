"""What the scraper stores: the searches it runs, the postings it found and a log of its runs."""

from datetime import date, timedelta

from django.contrib.postgres.search import SearchQuery as FullTextQuery
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import F, Q
from django.db.models.functions import Now
from django.utils import timezone


class SearchQuery(models.Model):
    """One Indeed search the scraper runs on every visit (e.g. "machine learning" in Toronto, ON).
    Editors add, change or switch off searches in the admin."""

    terms = models.CharField(max_length=200, help_text="What to search for, e.g. “machine learning”.")
    location = models.CharField(max_length=100, default="Toronto, ON")
    radius = models.PositiveSmallIntegerField(default=50, help_text="Kilometres around the location.")
    active = models.BooleanField(default=True, help_text="Only active searches are run.")

    class Meta:
        ordering = ["terms", "location"]
        verbose_name_plural = "search queries"
        constraints = [models.UniqueConstraint(fields=["terms", "location"], name="jobs_searchquery_unique_terms")]

    def __str__(self) -> str:
        return f"{self.terms} in {self.location}"


class JobQuerySet(models.QuerySet):
    def active(self) -> "JobQuerySet":
        """Postings shown on the board: not expired and not hidden by an editor."""
        return self.filter(expired_at__isnull=True, hidden=False)

    def newest_first(self) -> "JobQuerySet":
        return self.order_by(F("posted_on").desc(nulls_last=True), F("first_seen_at").desc(), F("id").desc())

    def posted_within(self, days: int, today: date | None = None) -> "JobQuerySet":
        today = today or timezone.localdate()
        return self.filter(posted_on__gte=today - timedelta(days=days))

    def matching(self, text: str) -> "JobQuerySet":
        """Postings whose title, company or description match the words: PostgreSQL full-text
        search (English stemming, web-search syntax) there, a plain substring match elsewhere."""
        if connection.vendor == "postgresql":
            return self.filter(search_vector=FullTextQuery(text, search_type="websearch", config="english"))
        condition = Q()
        for word in text.split():
            condition &= Q(title__icontains=word) | Q(company__icontains=word) | Q(snippet__icontains=word)
        return self.filter(condition)


class Job(models.Model):
    """A job posting found on Indeed. The scraper writes these; editors correct a posting or hide
    it (the scraper never un-hides one)."""

    class Source(models.TextChoices):
        INDEED = "indeed", "Indeed"

    source = models.CharField(max_length=20, choices=Source.choices, default=Source.INDEED)
    key = models.CharField(max_length=32, help_text="The job's identifier at the source.")
    title = models.CharField(max_length=300)
    company = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    remote = models.BooleanField(default=False)
    sponsored = models.BooleanField(default=False)
    salary = models.CharField(max_length=200, blank=True)
    posted_on = models.DateField(null=True, blank=True)
    snippet = models.TextField(blank=True)
    url = models.URLField(max_length=500)
    query = models.ForeignKey(
        SearchQuery, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs", help_text="Found by."
    )
    # db_default makes INSERT ... RETURNING hand back the stored value, which tells the upsert
    # which rows it created (see jobs.store.upsert_postings).
    first_seen_at = models.DateTimeField(default=timezone.now, db_default=Now())
    last_seen_at = models.DateTimeField(default=timezone.now)
    expired_at = models.DateTimeField(null=True, blank=True, db_index=True)
    hidden = models.BooleanField(
        default=False, help_text="Hidden by an editor: never shown, even while Indeed still lists it."
    )
    # Kept up to date by a PostgreSQL trigger (migration 0003); unused elsewhere.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = JobQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="jobs_job_unique_source_key")]
        # On PostgreSQL, migration 0003 adds the "newest first" index (NULLS LAST) and the GIN index.
        indexes = [
            models.Index(fields=["company"], name="jobs_job_active_company", condition=Q(expired_at__isnull=True)),
            models.Index(
                fields=["posted_on"], name="jobs_job_active_remote", condition=Q(expired_at__isnull=True, remote=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.company}" if self.company else self.title

    @property
    def is_active(self) -> bool:
        return self.expired_at is None and not self.hidden


class ScrapeRunQuerySet(models.QuerySet):
    def successful(self) -> "ScrapeRunQuerySet":
        return self.filter(status=ScrapeRun.Status.OK, finished_at__isnull=False)

    def finished(self) -> "ScrapeRunQuerySet":
        return self.filter(finished_at__isnull=False)


class ScrapeRun(models.Model):
    """One visit of the scraper (scheduled, started from the admin, or an import of saved pages):
    what it fetched, stored and expired, and how it ended."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        OK = "ok", "OK"
        PARTIAL = "partial", "Partial (some searches failed)"
        BLOCKED = "blocked", "Blocked by Indeed"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (another run was in progress)"

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", "Schedule"
        ADMIN = "admin", "Admin (scrape now)"
        COMMAND = "command", "Command line"
        FILE = "file", "Saved pages"

    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING, db_index=True)
    trigger = models.CharField(max_length=10, choices=Trigger.choices, default=Trigger.SCHEDULE)
    pages_fetched = models.PositiveIntegerField(default=0)
    postings_seen = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    expired = models.PositiveIntegerField(default=0)
    filtered_out = models.PositiveIntegerField(default=0, help_text="Postings dropped as not about AI/ML.")
    error = models.TextField(blank=True)

    objects = ScrapeRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"{self.get_trigger_display()} run {self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"
