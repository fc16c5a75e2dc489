"""RSS of the newest active postings (/jobs/feed/). Every scraped string is escaped: feed
readers treat the description as HTML."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.html import escape

from .models import Job

FEED_SIZE = 50


class JobsFeed(Feed):
    description = "AI, machine learning and data jobs in the Greater Toronto Area, via Indeed."

    def __init__(self, page) -> None:
        super().__init__()
        self.page = page

    def title(self) -> str:
        return f"{self.page.title} · Toronto AI"

    def link(self) -> str:
        return self.page.url or "/jobs/"

    def items(self):
        fields = ("source", "key", "title", "company", "location", "remote", "salary", "posted_on", "snippet", "url")
        return Job.objects.active().only(*fields, "first_seen_at").newest_first()[:FEED_SIZE]

    def item_title(self, job: Job) -> str:
        return f"{job.title} — {job.company}" if job.company else job.title

    def item_description(self, job: Job) -> str:
        details = " · ".join(part for part in (job.location, "Remote" if job.remote else "", job.salary) if part)
        return f"<p>{escape(details)}</p><p>{escape(job.snippet)}</p><p>via Indeed</p>"

    def item_link(self, job: Job) -> str:
        return job.url

    def item_guid(self, job: Job) -> str:
        return f"{job.source}:{job.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, job: Job) -> datetime:
        if job.posted_on:
            return timezone.make_aware(datetime.combine(job.posted_on, time(9)))
        return job.first_seen_at
