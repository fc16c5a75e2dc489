from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import search as site_search
from .health import run_checks
from .text import clean_query


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """503 only when pages cannot be served (no database): with Redis down pages are still served,
    uncached, so a load balancer must keep this server; the body says what is degraded."""
    checks = run_checks()
    if checks["database"] != "ok":
        return JsonResponse({"status": "down", **checks}, status=503)
    degraded = any(state not in {"ok", "eager"} for state in checks.values())
    return JsonResponse({"status": "degraded" if degraded else "ok", **checks})


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _page_number(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except (TypeError, ValueError):
        return 1


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    query = clean_query(request.GET.get("q"))
    kind = site_search.KINDS_BY_KEY.get(request.GET.get("type", ""))
    context = {"search_query": query, "kinds": site_search.KINDS, "kind": kind}
    if query and kind:
        context["results"] = site_search.one_kind(query, kind, _page_number(request.GET.get("page")))
        context["page_query"] = urlencode({"q": query, "type": kind.key})
    elif query:
        context["groups"] = site_search.overview(query)
    return TemplateResponse(request, "home/search.html", context)
