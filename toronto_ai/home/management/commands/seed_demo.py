"""Create the page tree and demo content. Idempotent: running it twice duplicates nothing."""

import os
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from toronto_ai.home.demo import ensure_home_page, fill_home_page

# Each section's demo module exposes ``seed(home, log) -> Page`` (its index page).
SECTIONS = {
    "blog": "blog.demo",
    "meetups": "meetups.demo",
    "jobs": "jobs.demo",
    "contact": "toronto_ai.contact.demo",
}

DEMO_ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the page tree and demo content (idempotent); in dev, a demo superuser too."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = ensure_home_page()
            sections = {name: import_module(module).seed(home, self._log) for name, module in SECTIONS.items()}
            fill_home_page(home, sections)
        if settings.SEED_DEMO_SUPERUSER:
            self._ensure_superuser()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

    def _log(self, message: str) -> None:
        self.stdout.write(f"  {message}")

    def _ensure_superuser(self) -> None:
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "toronto-ai-demo")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={"email": "admin@example.com", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(f"Created superuser {DEMO_ADMIN_USERNAME!r}.")
        shown = password if created or user.check_password(password) else "(changed since it was created)"
        login = f"Admin login: {settings.WAGTAILADMIN_BASE_URL}/admin/  user {DEMO_ADMIN_USERNAME}  password {shown}"
        self.stdout.write(self.style.WARNING(login))
