"""Demo content as the issue asks for it, created once; bench seeding builds a valid page tree."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from meetups import bench_seed
from meetups.models import MeetupPage, Talk
from meetups.snippets import Speaker, Sponsor, Venue

pytestmark = pytest.mark.django_db


def test_demo_has_three_upcoming_six_past_one_cancelled_with_talks_and_sponsors(site_tree):
    now = timezone.now()
    live = MeetupPage.objects.live()

    assert live.upcoming(now).count() == 3
    assert live.past(now).count() == 6
    assert live.filter(status=MeetupPage.Status.CANCELLED).count() == 1
    assert Venue.objects.count() >= 1 and Sponsor.objects.exists() and Speaker.objects.count() >= 3
    for meetup in live.past(now):
        talks = list(meetup.talks.all())
        assert talks, meetup.title
        assert all(t.slides_url and t.video_url and t.speakers.exists() for t in talks)
    assert MeetupPage.objects.filter(sponsors__isnull=False).exists()


def test_running_the_demo_twice_creates_nothing_new(site_tree):
    counts = (MeetupPage.objects.count(), Talk.objects.count(), Speaker.objects.count(), Venue.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert counts == (MeetupPage.objects.count(), Talk.objects.count(), Speaker.objects.count(), Venue.objects.count())


def test_bench_seed_builds_a_valid_tree_whose_pages_are_served(client, meetups_index):
    progress = []

    bench_seed.seed(250, progress=progress.append)
    bench_seed.seed(5)

    assert Page.find_problems() == ([], [], [], [], [])
    assert MeetupPage.objects.child_of(meetups_index).count() == 255
    assert progress == [200, 250]
    meetups_index.refresh_from_db()
    assert meetups_index.numchild == 255
    last = MeetupPage.objects.child_of(meetups_index).order_by("-path").first()
    assert last.url == f"/meetups/{last.slug}/"
    assert client.get(last.url).status_code == 200
    assert last.talks.count() == bench_seed.TALKS_PER_MEETUP
