"""What 'a post readers can see' means, in one place, and what a listing of posts loads."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

# What a post card and its byline show (templates/blog/includes/post_card.html, post_meta.html),
# and what its URL is built from: a listing loads nothing else.
LISTING_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "date",
    "intro",
    "source_url",
    "source_name",
    "reading_minutes",
    "category__name",
    "category__slug",
)


@dataclass(frozen=True)
class Byline:
    """An author or a tag as a listing, a feed or a byline shows it: values, not a model."""

    name: str
    slug: str = ""


def author_prefetch() -> Prefetch:
    """The authors themselves (bio, photo, links) into ``author_list``, for a post's own page."""
    return Prefetch("authors", to_attr="prefetched_authors")


def attach_tags(posts: Iterable) -> list:
    """Each post's tags into ``tag_list``, in one query of plain values."""
    from blog.models import BlogPostTag

    posts = list(posts)
    tags = defaultdict(list)
    if posts:
        rows = BlogPostTag.objects.filter(content_object_id__in=[post.pk for post in posts]).order_by("pk")
        for post_id, name, slug in rows.values_list("content_object_id", "tag__name", "tag__slug"):
            tags[post_id].append(Byline(name, slug))
    for post in posts:
        post.prefetched_tags = tags[post.pk]
    return posts


def attach_bylines(posts: Iterable) -> list:
    """Authors' names and tags (``author_list`` / ``tag_list``) for the posts of a listing or a
    feed, in two queries of plain values: for a page of posts, Django's prefetching of model
    instances costs several times more than the queries themselves."""
    from blog.models import BlogPostPage

    posts = attach_tags(posts)
    names = defaultdict(list)
    if posts:
        rows = BlogPostPage.authors.through.objects.filter(blogpostpage_id__in=[post.pk for post in posts])
        for post_id, name in rows.order_by("author__name", "author_id").values_list("blogpostpage_id", "author__name"):
            names[post_id].append(Byline(name))
    for post in posts:
        post.prefetched_authors = names[post.pk]
    return posts


class BlogPostQuerySet(PageQuerySet):
    def public_inline(self) -> "BlogPostQuerySet":
        """Like Wagtail's ``public()`` (no page under a view restriction) but as a subquery,
        so a listing does not spend an extra query loading every restriction first. While no page
        is private at all (the usual case), it adds nothing to the query."""
        from toronto_ai.home.routing import any_view_restrictions

        if not any_view_restrictions():
            return self
        restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        return self.exclude(Exists(restricted))

    def published(self) -> "BlogPostQuerySet":
        """Live, public posts, newest first."""
        return self.live().public_inline().order_by("-date", "-pk")

    def with_comment_count(self) -> "BlogPostQuerySet":
        """Adds ``comment_count`` (approved comments), counted inside the same query."""
        from blog.comments.models import Comment

        counts = Comment.objects.approved().filter(post=OuterRef("pk")).order_by().values("post")
        return self.annotate(comment_count=Coalesce(Subquery(counts.annotate(n=Count("pk")).values("n")[:1]), 0))

    def for_listing(self) -> "BlogPostQuerySet":
        """Published posts with only what a listing shows (never the StreamField body); pass the
        page of posts shown through ``attach_bylines``."""
        return self.published().select_related("category").only(*LISTING_FIELDS).with_comment_count()

    def for_feed(self) -> "BlogPostQuerySet":
        """What a feed shows: like a listing, without comments (which never go into feeds); pass
        the posts through ``attach_bylines``."""
        return self.published().select_related("category").defer_streamfields()


BlogPostManager = PageManager.from_queryset(BlogPostQuerySet)
