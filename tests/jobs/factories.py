"""Invented postings for the board tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from jobs.models import Job, ScrapeRun


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    key = factory.Sequence(lambda n: f"{n:016x}")
    title = factory.Sequence(lambda n: f"Machine Learning Engineer {n}")
    company = "Maple Neural Labs"
    location = "Toronto, ON"
    snippet = "Train and ship models."
    url = factory.LazyAttribute(lambda job: f"https://ca.indeed.com/viewjob?jk={job.key}")
    posted_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3))


class ScrapeRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrapeRun

    status = ScrapeRun.Status.OK
    finished_at = factory.LazyFunction(timezone.now)
