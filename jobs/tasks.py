"""Celery tasks of the jobs board."""

from celery import shared_task

from .models import ScrapeRun
from .pipeline import scrape


@shared_task(name="jobs.tasks.scrape_indeed", ignore_result=True, bind=True)
def scrape_indeed(self, trigger: str = ScrapeRun.Trigger.SCHEDULE) -> dict:
    """Scrape Indeed with every active search; the run (and its one log line) says how it went.
    Idempotent (postings are upserted), so a delivery again after a worker died runs it again."""
    if trigger not in ScrapeRun.Trigger.values:
        trigger = ScrapeRun.Trigger.SCHEDULE
    run = scrape(trigger=trigger, owner=self.request.id)
    return {"run": run.pk, "status": run.status, "created": run.created, "updated": run.updated}
