"""Which requests the public page cache may answer and which responses it may share, the key a
page is kept under, and the Cache-Control a CDN acts on (the store itself: toronto_ai/cache.py)."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control

# Responses whose Cache-Control says these must never be shared.
_PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")
# Query parameters added by newsletters, ads and social networks; pages never read them.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src"}


def is_cacheable_request(request: HttpRequest) -> bool:
    """An anonymous GET (or HEAD, answered with the GET's headers) of a public URL: no session
    (signed-in users have one), no credentials."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in {"GET", "HEAD"}:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))


def is_cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    """A plain 200 that is the same for every anonymous visitor: no cookie set, no CSRF token
    rendered (forms), nothing marked private, nobody signed in."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in _PRIVATE_DIRECTIVES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _is_tracking(name: str) -> bool:
    return name.startswith(_TRACKING_PREFIXES) or name in _TRACKING_PARAMETERS


def page_key(request: HttpRequest) -> str:
    """One key per page as visitors see it: tracking parameters that links shared on social
    media carry (a new ``fbclid`` per click) and the order of parameters do not matter."""
    pairs = [(name, value) for name, values in request.GET.lists() if not _is_tracking(name) for value in values]
    query = sorted(pairs, key=lambda pair: pair[0])  # stable: repeated parameters keep their order
    url = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(query)}"
    return f"page:{hashlib.sha256(url.encode()).hexdigest()}"


def mark_public(response: HttpResponse, seconds: int) -> None:
    """Let browsers revalidate every time but a CDN share the page briefly (never for longer than
    it stays true, ``seconds``)."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=min(settings.PAGE_CACHE_CDN_SECONDS, seconds),
        stale_while_revalidate=min(settings.PAGE_CACHE_STALE_SECONDS, seconds),
    )


def mark_private(response: HttpResponseBase) -> HttpResponseBase:
    """What is not marked public is for this visitor alone (a signed-in editor's page, a form):
    a CDN configured to cache everything, ignoring ``Vary: Cookie``, must still not share it."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    return response
