from django.db import migrations

from toronto_ai.home.schedules import ensure_interval_task, remove_task

NAME = "Re-send pending contact messages"


def create(apps, schema_editor):
    ensure_interval_task(
        apps,
        name=NAME,
        task="toronto_ai.contact.tasks.resend_pending",
        every=5,
        period="minutes",
        description=(
            "Queues the team e-mail again for contact messages still pending (the broker was down "
            "when they arrived) or failed more than an hour ago."
        ),
    )


def remove(apps, schema_editor):
    remove_task(apps, NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0002_submissions_and_settings"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
