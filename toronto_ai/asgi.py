import os

from django.core.asgi import get_asgi_application

from toronto_ai.startup import or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toronto_ai.settings.production")

application = or_exit(get_asgi_application)
