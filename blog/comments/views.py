"""Comments under a post: the thread, the form, and posting (rate limit, validate with the shared
spam checks, hold for moderation).

The post page itself is the same for every visitor, so the page cache can keep it: it shows the
thread and a link to the form's own page (``comment/``), never a form. The form carries a CSRF
token and a one-use time token, so it is rendered per visitor, either on that page or as a
fragment (``comment/form/``) that static/js/comments.js puts under the thread."""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from toronto_ai.contact.spam import RateLimit, client_ip, ip_hash

from .forms import CommentForm
from .models import Comment

logger = logging.getLogger(__name__)
HELD_MARKER = "comment=held"
PAGE_TEMPLATE = "blog/comments/comment_page.html"
FRAGMENT_TEMPLATE = "blog/comments/form_fragment.html"


def comment_rate_limit() -> RateLimit:
    return RateLimit("comment", limit=settings.BLOG_COMMENT_RATE_LIMIT, window=settings.BLOG_COMMENT_RATE_WINDOW)


def comment_thread(post) -> tuple[list[Comment], int]:
    """Approved comments, oldest first, each with ``shown_replies``; and how many there are.
    One query whatever the number of comments."""
    comments = list(Comment.objects.approved().filter(post=post).only("pk", "parent_id", "name", "body", "created"))
    replies: dict[int, list[Comment]] = {}
    for comment in comments:
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    top = [comment for comment in comments if comment.parent_id is None]
    for comment in top:
        comment.shown_replies = replies.get(comment.pk, [])
    return top, len(comments)


def new_comment_form(post, request: HttpRequest) -> CommentForm:
    """An empty form; ``?reply_to=<id>`` (a link under each comment) makes it a reply to that
    comment if it is an approved top-level comment of this post."""
    reply_to = request.GET.get("reply_to", "")
    parent = None
    if reply_to.isdigit() and len(reply_to) < 19:
        parent = Comment.objects.approved().filter(post=post, pk=int(reply_to), parent__isnull=True).first()
    form = CommentForm(post=post, initial={"parent": parent.pk if parent else None})
    form.replying_to = parent
    return form


def comment_page(post, request: HttpRequest, *, fragment: bool = False) -> HttpResponse:
    """GET ``comment/`` (a page of its own, for readers without JavaScript) or ``comment/form/``
    (just the form, fetched into the post page); POST ``comment/`` sends it."""
    if request.method == "POST":
        return post_comment(post, request)
    if request.method not in {"GET", "HEAD"}:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = new_comment_form(post, request) if post.comments_open else None
    return _render(post, request, form, status=200, fragment=fragment)


def post_comment(post, request: HttpRequest) -> HttpResponse:
    if not post.comments_open:
        return _render(post, request, None, status=403)
    ip = client_ip(request)
    limit = comment_rate_limit()
    if limit.is_exceeded(ip):
        typed = {name: request.POST.get(name, "") for name in ("name", "email", "body", "parent")}
        response = _render(post, request, CommentForm(post=post, initial=typed), status=429, rate_limited=True)
        response["Retry-After"] = str(limit.retry_after(ip))
        return response

    form = CommentForm(data=request.POST, post=post)
    if not form.is_valid():
        return _render(post, request, form, status=400)
    limit.hit(ip)
    comment = _store(post, form, ip)
    if not comment.is_spam:
        from blog.tasks import notify_comment_moderators

        transaction.on_commit(partial(notify_comment_moderators.delay), robust=True)
    logger.info("comments: stored comment %s on post %s (%s)", comment.pk, post.pk, comment.status)
    # A caught bot sees the same answer as a person: it must not learn what gave it away.
    return HttpResponseRedirect(f"{post.url}?{HELD_MARKER}#comments")


def _store(post, form: CommentForm, ip: str) -> Comment:
    comment = form.save(commit=False)
    comment.post = post
    comment.parent = form.cleaned_data.get("parent")
    comment.ip_hash = ip_hash(ip)
    if form.spam_reason:
        comment.is_spam = True
        comment.spam_reason = form.spam_reason
    comment.save()
    return comment


def _render(
    post, request: HttpRequest, form: CommentForm | None, *, status: int, fragment: bool = False, **extra
) -> TemplateResponse:
    context = {"page": post, "self": post, "request": request, "comment_form": form, **extra}
    context["comment_url"] = (post.get_url(request) or "") + post.reverse_subpage("comment")
    template = FRAGMENT_TEMPLATE if fragment else PAGE_TEMPLATE
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)  # one visitor's tokens
    return response
