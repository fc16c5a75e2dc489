"""Tell editors when comments are waiting (at most one e-mail per BLOG_COMMENT_NOTIFY_INTERVAL)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse

from .models import Comment

THROTTLE_KEY = "blog:comments:moderators-notified"


def moderator_emails() -> list[str]:
    """Active users who may moderate comments and have an address."""
    can_moderate = Q(is_superuser=True)
    for prefix in ("user_permissions__", "groups__permissions__"):
        can_moderate |= Q(**{f"{prefix}codename": "change_comment", f"{prefix}content_type__app_label": "blog"})
    users = get_user_model().objects.filter(can_moderate, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_moderators() -> int:
    """E-mail moderators about pending comments; returns how many e-mails went out (0 if none
    wait, nobody can moderate, or editors were already told within the interval)."""
    pending = Comment.objects.pending().count()
    recipients = moderator_emails()
    if not pending or not recipients:
        return 0
    if not cache.add(THROTTLE_KEY, 1, timeout=settings.BLOG_COMMENT_NOTIFY_INTERVAL):
        return 0
    queue_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailsnippets_blog_comment:list") + "?status=pending"
    plural = "s are" if pending != 1 else " is"
    send_mail(
        subject=f"{pending} comment{plural} waiting for moderation",
        message=(
            f"{pending} reader comment{plural} waiting for an editor on the Toronto AI blog.\n\n"
            f"Review them here: {queue_url}\n"
        ),
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)
