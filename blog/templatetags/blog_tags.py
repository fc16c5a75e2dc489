from django import template
from django.utils.safestring import SafeString

from blog.comments.text import render_comment_body
from blog.seo import blog_posting, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def post_json_ld(context, post, image_url: str | None = None, comment_count: int = 0) -> SafeString:
    """<script type="application/ld+json"> with the post's BlogPosting."""
    return json_ld_script(blog_posting(post, context["request"], image_url, comment_count))


@register.simple_tag(takes_context=True)
def blog_route(context, index, name: str, *args) -> str:
    """URL of one of the blog index's routes (category, tag, feeds)."""
    return index.get_url(context["request"]) + index.reverse_subpage(name, args=list(args))


@register.filter
def canonical_url(post, request) -> str:
    """The address search engines should credit: the source for a repost, else the post itself."""
    return post.canonical_url(request)


@register.filter
def comment_body(text: str) -> SafeString:
    """A comment's plain text as paragraphs, links marked rel="nofollow ugc"."""
    return render_comment_body(text)
