from django.db import migrations

from toronto_ai.home.schedules import ensure_interval_task, remove_task

TASK_NAME = "Remind editors of pending blog comments"


def create(apps, schema_editor):
    ensure_interval_task(
        apps,
        name=TASK_NAME,
        task="blog.tasks.notify_comment_moderators",
        every=1,
        period="hours",
        description="E-mails editors when reader comments wait for moderation (at most once per interval).",
    )


def remove(apps, schema_editor):
    remove_task(apps, TASK_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0004_comments"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
