from django.db import migrations

from toronto_ai.home.schedules import ensure_interval_task, remove_task

NAME = "Publish scheduled pages"


def create(apps, schema_editor):
    ensure_interval_task(
        apps,
        name=NAME,
        task="toronto_ai.home.tasks.publish_scheduled",
        every=1,
        period="minutes",
        description="Publishes pages whose 'go live' time has passed (Wagtail's publish_scheduled).",
    )


def remove(apps, schema_editor):
    remove_task(apps, NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
