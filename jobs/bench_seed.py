"""Fill the board with many invented active postings quickly (for benchmarks, never for tests of
behaviour): ``seed(10_000)``. Rows go in through bulk_create in batches."""

import random
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from .models import Job, JobsIndexPage

TITLES = [
    "Machine Learning Engineer",
    "Data Scientist",
    "Computer Vision Engineer",
    "NLP Engineer",
    "MLOps Engineer",
    "Research Scientist, Deep Learning",
    "AI Product Manager",
    "Applied Scientist",
]
COMPANIES = [f"Bench Company {n:03d}" for n in range(200)]
PLACES = ["Toronto, ON", "Mississauga, ON", "Markham, ON", "Oakville, ON", "Remote"]
BATCH = 2000


def seed(count: int, progress: Callable[[int], None] | None = None) -> None:
    """Create ``count`` active postings with keys ``bench…``, spread over the last 60 days."""
    rng = random.Random(20260224)  # noqa: S311 - invented data, not security
    now = timezone.now()
    today = timezone.localdate()
    start = Job.objects.filter(key__startswith="bench").count()
    for offset in range(0, count, BATCH):
        batch = []
        for n in range(start + offset, start + min(offset + BATCH, count)):
            place = rng.choice(PLACES)
            batch.append(
                Job(
                    key=f"bench{n:011d}",
                    title=f"{rng.choice(TITLES)} {n}",
                    company=rng.choice(COMPANIES),
                    location=place,
                    remote=place == "Remote",
                    posted_on=today - timedelta(days=rng.randrange(60)),
                    snippet="Build and ship machine learning models with a friendly team in the GTA.",
                    url=f"https://ca.indeed.com/viewjob?jk=bench{n:011d}",
                    first_seen_at=now,
                    last_seen_at=now,
                )
            )
        Job.objects.bulk_create(batch, batch_size=BATCH)
        if progress:
            progress(offset + len(batch))


def bench_urls() -> list[tuple[str, str]]:
    """The jobs board with each kind of filter, and its feed, for the benchmark."""
    index = JobsIndexPage.objects.live().first()
    if index is None:
        return []
    base = index.url
    return [
        ("jobs: search", f"{base}?q=vision"),
        ("jobs: remote", f"{base}?remote=on"),
        ("jobs: last 7 days", f"{base}?posted=7"),
        ("jobs: page 5", f"{base}?page=5"),
        ("jobs feed", f"{base}feed/"),
    ]
