from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .frame import footer_settings


def _footer(request: HttpRequest) -> dict:
    site = Site.find_for_request(request)
    return footer_settings(site) if site else {}


def site_frame(request: HttpRequest) -> dict:
    """``footer`` for base.html, cached (see frame.py) and lazy: templates that never show the
    footer (the admin, feeds) never look it up."""
    return {"footer": SimpleLazyObject(lambda: _footer(request))}
