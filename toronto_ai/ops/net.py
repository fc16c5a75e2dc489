"""The visitor's address behind our own reverse proxies (for login throttling and logs)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address that connected to the outermost trusted proxy.

    With ``TRUSTED_PROXY_COUNT`` proxies in front of the app, each appends the address it saw to
    ``X-Forwarded-For``; the entries before those are written by the client and cannot be
    trusted, so we count from the right. With no proxies, the socket address is the client.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]
