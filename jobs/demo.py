"""Demo content for the jobs board (used by ``seed_demo``): the index page, and invented
postings loaded from saved result pages through the real parse -> filter -> upsert pipeline."""

from pathlib import Path

from toronto_ai.home.demo import ensure_child

from .models import Job, JobsIndexPage
from .pipeline import import_files

DEMO_PAGES = sorted((Path(__file__).resolve().parent / "demo_pages").glob("*.html"))


def seed(home, log) -> JobsIndexPage:
    index = ensure_child(
        home,
        JobsIndexPage,
        "jobs",
        title="Jobs",
        intro="<p>AI, machine learning and data roles in the Greater Toronto Area, gathered from Indeed.</p>",
    )
    if Job.objects.exists():
        log("jobs: index ready; postings already present, demo pages not imported")
        return index
    run = import_files(DEMO_PAGES)
    log(f"jobs: index ready; {run.created} demo postings imported ({run.get_status_display()})")
    return index
