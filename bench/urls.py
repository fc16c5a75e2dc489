"""The site's URLs plus the bare baseline view: the same gunicorn and middleware, no work."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from toronto_ai.urls import urlpatterns as site_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [path("bench/bare", bare, name="bench_bare"), *site_urlpatterns]
