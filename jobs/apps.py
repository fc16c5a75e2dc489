from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Jobs"

    def ready(self) -> None:
        from .models import ScrapeRun

        post_save.connect(_forget_latest_runs, sender=ScrapeRun, dispatch_uid="jobs_forget_latest_runs_save")
        post_delete.connect(_forget_latest_runs, sender=ScrapeRun, dispatch_uid="jobs_forget_latest_runs_delete")


def _forget_latest_runs(**kwargs) -> None:
    """The board shows the latest runs from the cache; a saved run makes that stale."""
    from django.core.cache import cache

    from .listing import LATEST_RUNS_CACHE_KEY

    cache.delete(LATEST_RUNS_CACHE_KEY)
