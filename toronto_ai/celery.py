"""Celery application: configuration from Django settings (``CELERY_*``), tasks autodiscovered
in every installed app, periodic tasks in the database (django-celery-beat)."""

import os

from celery import Celery

from toronto_ai.startup import or_exit

# Production unless told otherwise (`make worker`, .env and tests set the module explicitly).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toronto_ai.settings.production")

app = Celery("toronto_ai")
or_exit(lambda: app.config_from_object("django.conf:settings", namespace="CELERY"))
app.autodiscover_tasks()
