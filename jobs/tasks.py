"""Celery tasks of the jobs board."""

from celery import shared_task

from .models import ScrapeRun
from .pipeline import scrape


@shared_task(name="jobs.tasks.scrape_indeed", ignore_result=True)
def scrape_indeed(trigger: str = ScrapeRun.Trigger.SCHEDULE) -> dict:
    """Scrape Indeed with every active search; the run (and its one log line) says how it went."""
    if trigger not in ScrapeRun.Trigger.values:
        trigger = ScrapeRun.Trigger.SCHEDULE
    run = scrape(trigger=trigger)
    return {"run": run.pk, "status": run.status, "created": run.created, "updated": run.updated}
