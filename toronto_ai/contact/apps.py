from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "toronto_ai.contact"
    label = "contact"
    verbose_name = "Contact"
