from django.db import migrations

from toronto_ai.home.schedules import ensure_interval_task, remove_task

TASK_NAME = "Import blog feeds"


def create(apps, schema_editor):
    apps.get_model("blog", "BlogCategory").objects.get_or_create(
        slug="uncategorised", defaults={"name": "Uncategorised"}
    )
    ensure_interval_task(
        apps,
        name=TASK_NAME,
        task="blog.tasks.import_feeds",
        every=1,
        period="hours",
        description="Reads every active FeedSource and creates draft reposts of new entries.",
    )


def remove(apps, schema_editor):
    remove_task(apps, TASK_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_posts_snippets_feeds"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
