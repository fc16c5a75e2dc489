"""Create or update a django-celery-beat periodic task from a data migration.

Migrations create every periodic task the site needs, so a fresh database has them without
anyone clicking in the admin; editors may change the schedule afterwards, and a migration
never overwrites a schedule an editor has changed (it only creates missing tasks).
"""


def ensure_interval_task(apps, *, name: str, task: str, every: int, period: str, description: str = "") -> None:
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    if PeriodicTask.objects.filter(name=name).exists():
        return
    schedule, _ = IntervalSchedule.objects.get_or_create(every=every, period=period)
    PeriodicTask.objects.create(name=name, task=task, interval=schedule, enabled=True, description=description)


def remove_task(apps, name: str) -> None:
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=name).delete()
