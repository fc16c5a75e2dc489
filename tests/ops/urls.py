"""Views that behave like the site's forms, for page-cache tests (mounted beside the real URLs)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from toronto_ai import urls as site_urls

_FORM = engines["django"].from_string('<form method="post">{% csrf_token %}<button>Send</button></form>')


def form_view(request):
    return HttpResponse(_FORM.render({}, request))


def cookie_view(request):
    response = HttpResponse("remembered")
    response.set_cookie("seen", "1")
    return response


def counter_view(request):
    counter_view.calls += 1
    return HttpResponse(f"rendered {counter_view.calls} times")


counter_view.calls = 0


def publishing_during_render_view(request):
    from toronto_ai.cache import invalidate_public_pages

    invalidate_public_pages("an editor published while this page was rendering")
    return HttpResponse("rendered from data that just changed")


def broken_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [
    path("broken-page/", broken_view),
    path("racing-page/", publishing_during_render_view),
    path("form-page/", form_view),
    path("cookie-page/", cookie_view),
    path("counter-page/", counter_view),
    path("", include(site_urls)),
]
