#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # Before importing the project package, whose Celery app would otherwise default to production.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toronto_ai.settings.dev")
    from django.core.management import execute_from_command_line

    from toronto_ai.startup import or_exit

    or_exit(lambda: execute_from_command_line(sys.argv))
