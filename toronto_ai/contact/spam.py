"""The site's one set of spam defences for public forms (contact form, blog comments, ...).

Stable API (other apps import exactly these names; extend, never rename):

- ``SpamProtectedFormMixin``: put it before ``forms.Form`` / ``forms.ModelForm``. It adds a
  honeypot field and a signed time-trap field. After ``is_valid()``, ``form.spam_reason`` is
  ``None`` or a ``SpamReason``:
    * a filled honeypot leaves the form *valid* (a bot must not learn it was caught) and sets
      ``spam_reason = SpamReason.HONEYPOT``: the caller keeps it as spam or drops it, and never
      publishes or e-mails it;
    * a time trap that fails (sent back too fast, older than the maximum age, missing or
      altered, or already used by an accepted submission: each page view sends once) makes the
      form *invalid* with a plain non-field message; everything typed is kept and a stale token
      is replaced, so a person can simply send again.
  Set ``spam_scope`` on the form class (e.g. ``"contact"``, ``"comment"``) so a token issued by
  one form is not accepted by another. Render the two fields with
  ``{% include "contact/includes/spam_fields.html" %}``.
- ``RateLimit(scope, limit, window)``: a per-key counter in the Django cache (Redis in
  production, so every web process shares it). ``is_exceeded(key)`` peeks, ``hit(key)`` counts
  one submission and says whether it was within the limit, ``retry_after(key)`` gives seconds.
- ``client_ip(request)``: ``REMOTE_ADDR``, or the ``X-Forwarded-For`` entry added by our own
  proxies when ``settings.TRUSTED_PROXY_COUNT`` says how many there are.
- ``ip_hash(ip)``: an HMAC of the address keyed with ``SECRET_KEY``, for storing instead of the IP.

Settings (all optional): ``SPAM_TIME_TRAP_MIN_SECONDS`` (3), ``SPAM_TIME_TRAP_MAX_AGE``
(86400), ``TRUSTED_PROXY_COUNT`` (0).
"""

from __future__ import annotations

import ipaddress
import logging
import secrets
import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache as default_cache
from django.db import models
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
TIME_TRAP_FIELD = "form_token"


class SpamReason(models.TextChoices):
    """Why a submission was judged to be spam (stored on kept spam for triage)."""

    HONEYPOT = "honeypot", "hidden field filled in"
    TOO_FAST = "too_fast", "sent back too quickly"
    EXPIRED = "expired", "form too old"
    BAD_TOKEN = "bad_token", "time token missing or altered"
    REPLAYED = "replayed", "time token used twice"


TIME_TRAP_MESSAGES = {
    SpamReason.TOO_FAST: "That was quicker than we expected from a person. Please check the form and send it again.",
    SpamReason.EXPIRED: "This form was open for a long time and has expired. Please send it again.",
    SpamReason.BAD_TOKEN: "We could not verify this form. Please send it again.",
    SpamReason.REPLAYED: "This form was already sent once. To send another message, please send it again.",
}


# --- client address -------------------------------------------------------------------------


def client_ip(request: HttpRequest) -> str:
    """The visitor's IP address, trusting ``X-Forwarded-For`` only as far as our own proxies.

    With ``TRUSTED_PROXY_COUNT = n`` (our load balancer / nginx chain), the n-th entry from the
    right of ``X-Forwarded-For`` is the address that connected to our outermost proxy; entries
    further left are supplied by the client and can be forged, so they are ignored.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 - a placeholder, not a bind
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:  # fewer hops than our proxies add: nothing in it can be trusted
        return remote
    return _valid_ip(forwarded[-proxies]) or remote


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def ip_hash(ip: str) -> str:
    """A stable, non-reversible identifier for an IP address (HMAC-SHA256 keyed with SECRET_KEY)."""
    return salted_hmac("toronto_ai.spam.ip_hash", ip, algorithm="sha256").hexdigest()


# --- time trap ------------------------------------------------------------------------------


def _time_trap_salt(scope: str) -> str:
    return f"toronto_ai.spam.time_trap:{scope}"


def issue_time_token(scope: str) -> str:
    """A signed token recording when the form was shown (valid only for forms of ``scope``)."""
    payload = {"t": time.time(), "n": secrets.token_urlsafe(12)}
    return signing.dumps(payload, salt=_time_trap_salt(scope), compress=False)


def check_time_token(
    token: str, scope: str, *, min_seconds: float | None = None, max_age: float | None = None
) -> SpamReason | None:
    """``None`` if the form was shown between ``min_seconds`` and ``max_age`` ago, else the reason."""
    min_seconds = _setting("SPAM_TIME_TRAP_MIN_SECONDS", 3) if min_seconds is None else min_seconds
    max_age = _setting("SPAM_TIME_TRAP_MAX_AGE", 24 * 3600) if max_age is None else max_age
    if not token:
        return SpamReason.BAD_TOKEN
    try:
        payload = signing.loads(token, salt=_time_trap_salt(scope), max_age=max_age)
        shown_at = float(payload["t"])
    except signing.SignatureExpired:
        return SpamReason.EXPIRED
    except (signing.BadSignature, TypeError, KeyError, ValueError, UnicodeError):
        return SpamReason.BAD_TOKEN
    if time.time() - shown_at < min_seconds:
        return SpamReason.TOO_FAST
    return None


def consume_time_token(token: str, scope: str, *, max_age: float | None = None, cache: Any = None) -> bool:
    """Mark a (checked) token as used; False if it was used before, so one page view sends once.

    Kept in the shared cache until the token would expire anyway; if the cache is unreachable
    the token is accepted (a real message matters more than a replay).
    """
    max_age = _setting("SPAM_TIME_TRAP_MAX_AGE", 24 * 3600) if max_age is None else max_age
    cache = cache if cache is not None else default_cache
    try:
        nonce = signing.loads(token, salt=_time_trap_salt(scope))["n"]
    except (signing.BadSignature, TypeError, KeyError, ValueError, UnicodeError):
        return False
    try:
        added = cache.add(f"timetrap:{scope}:{nonce}", 1, timeout=int(max_age) + 60)
    except Exception:
        logger.warning("time trap %s: cache unavailable, not checking replays", scope, exc_info=True)
        return True
    if added is None:  # django-redis with IGNORE_EXCEPTIONS answers None when Redis is down
        logger.warning("time trap %s: cache unavailable, not checking replays", scope)
        return True
    return bool(added)


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


# --- the form mixin -------------------------------------------------------------------------


class HoneypotInput(forms.TextInput):
    """A text input people never see or reach (CSS hides it; not in the tab order)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", "tabindex": "-1", **(attrs or {})})


class SpamProtectedFormMixin:
    """Adds the honeypot and time-trap fields to a form and reports ``spam_reason`` after cleaning."""

    spam_scope: str = "form"
    spam_min_seconds: float | None = None  # defaults to settings.SPAM_TIME_TRAP_MIN_SECONDS
    spam_max_age: float | None = None  # defaults to settings.SPAM_TIME_TRAP_MAX_AGE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spam_reason: SpamReason | None = None
        # No length limits on these two: an error on a field nobody sees could not be fixed.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=HoneypotInput(),
        )
        self.fields[TIME_TRAP_FIELD] = forms.CharField(
            required=False,
            widget=forms.HiddenInput(),
            initial=issue_time_token(self.spam_scope),
        )

    @property
    def is_spam(self) -> bool:
        return self.spam_reason is not None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.data.get(self.add_prefix(HONEYPOT_FIELD)):
            self.spam_reason = SpamReason.HONEYPOT
            return cleaned
        token = self.data.get(self.add_prefix(TIME_TRAP_FIELD)) or ""
        token = token if isinstance(token, str) else ""
        reason = check_time_token(token, self.spam_scope, min_seconds=self.spam_min_seconds, max_age=self.spam_max_age)
        # Only a submission that is otherwise acceptable uses the token up: fixing a typo and
        # sending again from the same page must keep working.
        if (
            reason is None
            and not self._errors
            and not consume_time_token(token, self.spam_scope, max_age=self.spam_max_age)
        ):
            reason = SpamReason.REPLAYED
        if reason is not None:
            self.spam_reason = reason
            if reason != SpamReason.TOO_FAST:
                self._replace_time_token()
            raise forms.ValidationError(TIME_TRAP_MESSAGES[reason], code=f"spam_{reason.value}")
        return cleaned

    def _replace_time_token(self) -> None:
        """Re-rendering must carry a usable token, or a person could never get through."""
        data = self.data.copy()
        data[self.add_prefix(TIME_TRAP_FIELD)] = issue_time_token(self.spam_scope)
        self.data = data


# --- rate limit -----------------------------------------------------------------------------


class RateLimit:
    """At most ``limit`` hits per ``window`` seconds per key (an IP), counted in the shared cache.

    The window starts with the first hit (``cache.add``) and the count grows with an atomic
    ``cache.incr`` (Redis ``INCR``), so concurrent web processes never lose a count. If the
    cache is unreachable the limiter lets the submission through and logs it: losing a real
    message is worse than letting a few extra through.
    """

    def __init__(self, scope: str, limit: int, window: int, *, cache: Any = None) -> None:
        self.scope = scope
        self.limit = int(limit)
        self.window = int(window)
        self.cache = cache if cache is not None else default_cache

    def _key(self, key: str) -> str:
        return f"ratelimit:{self.scope}:{ip_hash(key)}"

    def count(self, key: str) -> int:
        """Hits counted in the current window (0 if none, or if the cache is down)."""
        try:
            return int(self.cache.get(self._key(key)) or 0)
        except Exception:
            logger.warning("rate limit %s: cache unavailable, not limiting", self.scope, exc_info=True)
            return 0

    def is_exceeded(self, key: str) -> bool:
        """True if ``key`` has used up its hits for this window (counts nothing)."""
        return self.count(key) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one hit for ``key``; True if it was within the limit."""
        cache_key = self._key(key)
        try:
            self.cache.add(cache_key, 0, timeout=self.window)
            try:
                value = self.cache.incr(cache_key)
            except ValueError:  # the window expired between add and incr: start a new one
                self.cache.add(cache_key, 0, timeout=self.window)
                value = self.cache.incr(cache_key)
        except Exception:
            logger.warning("rate limit %s: cache unavailable, not limiting", self.scope, exc_info=True)
            return True
        if value is None:  # django-redis with IGNORE_EXCEPTIONS answers None when Redis is down
            logger.warning("rate limit %s: cache unavailable, not limiting", self.scope)
            return True
        return value <= self.limit

    def retry_after(self, key: str) -> int:
        """Seconds until ``key`` may try again (the whole window if the cache cannot say)."""
        ttl = getattr(self.cache, "ttl", None)
        if ttl is not None:
            try:
                remaining = ttl(self._key(key))
            except Exception:
                remaining = None
            if isinstance(remaining, int) and remaining > 0:
                return remaining
        return self.window
