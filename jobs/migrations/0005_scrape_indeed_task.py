from django.db import migrations

from toronto_ai.home.schedules import ensure_interval_task, remove_task

NAME = "Scrape Indeed for AI jobs"


def create(apps, schema_editor):
    ensure_interval_task(
        apps,
        name=NAME,
        task="jobs.tasks.scrape_indeed",
        every=6,
        period="hours",
        description="Runs the active job searches on Indeed and refreshes the jobs board (jobs.tasks.scrape_indeed).",
    )


def remove(apps, schema_editor):
    remove_task(apps, NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0004_seed_search_queries"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
