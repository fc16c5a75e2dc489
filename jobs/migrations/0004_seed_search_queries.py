"""The GTA AI searches the scraper starts with; editors change them in the admin."""

from django.db import migrations

SEARCHES = [
    "machine learning",
    "deep learning",
    "artificial intelligence",
    "data scientist",
    "machine learning engineer",
    "AI engineer",
    "NLP",
    "computer vision",
    "MLOps",
]


def create(apps, schema_editor):
    SearchQuery = apps.get_model("jobs", "SearchQuery")
    for terms in SEARCHES:
        SearchQuery.objects.get_or_create(terms=terms, location="Toronto, ON", defaults={"radius": 50})


def remove(apps, schema_editor):
    apps.get_model("jobs", "SearchQuery").objects.filter(terms__in=SEARCHES, location="Toronto, ON").delete()


class Migration(migrations.Migration):
    dependencies = [("jobs", "0003_job_search_vector_trigger")]

    operations = [migrations.RunPython(create, remove)]
