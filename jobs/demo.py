"""Demo content for the jobs board (used by ``seed_demo``)."""

from toronto_ai.home.demo import ensure_child

from .models import JobsIndexPage


def seed(home, log) -> JobsIndexPage:
    index = ensure_child(
        home,
        JobsIndexPage,
        "jobs",
        title="Jobs",
        intro="<p>AI, machine learning and data roles in the Greater Toronto Area, gathered from Indeed.</p>",
    )
    log("jobs: index ready")
    return index
