from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site in production: page cache invalidation, middleware, benchmark seeding."""

    name = "toronto_ai.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from . import signals

        signals.connect()
