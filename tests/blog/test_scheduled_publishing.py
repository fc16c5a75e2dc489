import datetime

import pytest
import time_machine
from django.utils import timezone

from blog.models import BlogPostPage
from toronto_ai.home.tasks import publish_scheduled

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


def test_post_with_future_go_live_appears_on_time(client, blog_index):
    with time_machine.travel(START, tick=False):
        post = BlogPostPage(title="Holiday meetup recap", intro="What happened in December.", date=timezone.now())
        blog_index.add_child(instance=post)
        post.go_live_at = START + datetime.timedelta(hours=2)
        post.save_revision().publish()
        post.refresh_from_db()
        assert not post.live
        publish_scheduled()
        assert "Holiday meetup recap" not in client.get("/blog/").content.decode()

    with time_machine.travel(START + datetime.timedelta(hours=1, minutes=59), tick=False):
        publish_scheduled()
        assert "Holiday meetup recap" not in client.get("/blog/").content.decode()

    with time_machine.travel(START + datetime.timedelta(hours=2, minutes=1), tick=False):
        publish_scheduled()
        assert "Holiday meetup recap" in client.get("/blog/").content.decode()
        assert "Holiday meetup recap" in client.get("/blog/feed/").content.decode()
        assert client.get("/blog/holiday-meetup-recap/").status_code == 200


def test_publish_scheduled_runs_every_minute_from_beat(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="toronto_ai.home.tasks.publish_scheduled")
    assert task.enabled and (task.interval.every, task.interval.period) == (1, "minutes")
