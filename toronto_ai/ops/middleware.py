"""Site-wide middleware: the health check, the public page cache, the cached Wagtail site, the
admin's CSP, and uploaded media files."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.http.request import split_domain_port
from django.views.static import serve
from wagtail.views import serve as wagtail_serve

from toronto_ai import cache as page_cache
from toronto_ai import cache_policy
from toronto_ai.home.routing import site_for_host
from toronto_ai.home.views import healthz


class HealthCheckMiddleware:
    """Answers ``GET /healthz`` before anything else: container health checks and load balancers
    probe by IP address or an internal name, which ``ALLOWED_HOSTS`` rightly refuses, and over
    plain HTTP, which the HTTPS redirect would bounce."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)


class PageCacheMiddleware:
    """Serve anonymous GETs and HEADs of public pages from the page cache (``X-Cache: hit``), and
    store cacheable responses to GETs (``X-Cache: miss``) with Cache-Control a CDN may act on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with page_cache.request_scope():
            return self._respond(request)

    def _respond(self, request: HttpRequest) -> HttpResponseBase:
        if not cache_policy.is_cacheable_request(request):
            return cache_policy.mark_private(self.get_response(request))
        where, cached = page_cache.lookup(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if not cache_policy.is_cacheable_response(request, response):
            return cache_policy.mark_private(response)
        seconds = page_cache.lifetime()
        cache_policy.mark_public(response, seconds)
        response["X-Cache"] = "miss"
        if where is not None and seconds > 0 and request.method == "GET":  # a HEAD's body may be empty
            page_cache.store(where, response, seconds)
        return response


class CachedSiteMiddleware:
    """Hands Wagtail's page view the request's Site from the cache (``Site.find_for_request``
    keeps whatever ``request._wagtail_site`` holds). Other views look the site up themselves."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs) -> None:
        if view_func is wagtail_serve and not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does: no ALLOWED_HOSTS check
            site = site_for_host(hostname, request.get_port())
            if site is not None:
                request._wagtail_site = site


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with the strict public policy everywhere but the admins, which get
    ``CSP_ADMIN_DIRECTIVES`` (Wagtail's editor still needs inline scripts)."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(settings.CSP_ADMIN_PREFIXES):
            parts.config = settings.CSP_ADMIN_DIRECTIVES
        return parts


class MediaFilesMiddleware:
    """Serve uploaded images from MEDIA_ROOT when ``SERVE_MEDIA`` is on (a one-server site with
    no nginx in front). Documents are left to Wagtail's /documents/ view, which checks privacy."""

    SERVED_FOLDERS = ("images/", "original_images/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if settings.SERVE_MEDIA and request.method in {"GET", "HEAD"} and request.path.startswith(settings.MEDIA_URL):
            relative = posixpath.normpath(request.path[len(settings.MEDIA_URL) :])
            if not relative.startswith(self.SERVED_FOLDERS):
                return HttpResponse("Not found", status=404, content_type="text/plain")
            try:
                response = serve(request, relative, document_root=settings.MEDIA_ROOT)
            except Http404:
                return HttpResponse("Not found", status=404, content_type="text/plain")
            response["Cache-Control"] = "public, max-age=86400"
            return response
        return self.get_response(request)
