"""Structured data (JSON-LD) describing a post to search engines."""

import json

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

# Keep the JSON inert inside <script>: no closing tag or HTML comment can be formed.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above


def blog_posting(post, request: HttpRequest, image_url: str | None = None, comment_count: int = 0) -> dict:
    """schema.org BlogPosting for ``post``."""
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title[:110],
        "description": post.intro,
        "datePublished": post.date.isoformat(),
        "dateModified": (post.last_published_at or post.date).isoformat(),
        "mainEntityOfPage": post.canonical_url(request),
        "url": post.get_full_url(request),
        "author": [{"@type": "Person", "name": author.name} for author in post.author_list]
        or [{"@type": "Organization", "name": "Toronto AI"}],
        "publisher": {"@type": "Organization", "name": "Toronto AI"},
        "keywords": [tag.name for tag in post.tag_list],
        "articleSection": post.category.name if post.category else "",
        "timeRequired": f"PT{post.reading_minutes}M",
        "commentCount": comment_count,
    }
    if image_url:
        data["image"] = request.build_absolute_uri(image_url)
    if post.is_repost:
        data["isBasedOn"] = post.source_url
    return data
