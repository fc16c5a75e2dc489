import pytest
from django_celery_beat.models import PeriodicTask

from toronto_ai.home.tasks import ping


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
