import pytest
from celery.contrib.testing.worker import start_worker
from django_celery_beat.models import PeriodicTask

from toronto_ai.celery import app
from toronto_ai.home.tasks import ping


@pytest.fixture
def real_worker(redis_url):
    """A real Celery worker thread consuming from the real Redis broker."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            yield app
    finally:
        app.conf.task_always_eager = previous


def test_task_round_trip_through_real_redis_broker(real_worker, settings):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    result = ping.delay("hello from the test")
    assert result.get(timeout=20) == "hello from the test"
    assert result.successful()


@pytest.mark.django_db
def test_publish_scheduled_runs_every_minute_by_data_migration():
    task = PeriodicTask.objects.get(task="toronto_ai.home.tasks.publish_scheduled")
    assert task.enabled
    assert (task.interval.every, task.interval.period) == (1, "minutes")


@pytest.mark.django_db
def test_beat_uses_database_scheduler(settings):
    assert settings.CELERY_BEAT_SCHEDULER == "django_celery_beat.schedulers:DatabaseScheduler"
