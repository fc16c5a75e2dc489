from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "toronto_ai.home"
    label = "home"
    verbose_name = "Home and site settings"
