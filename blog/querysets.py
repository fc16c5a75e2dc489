"""What 'a post readers can see' means, in one place."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


def byline_prefetches() -> list[Prefetch]:
    """Authors and tags into plain lists (``author_list`` / ``tag_list`` on the post): building
    a taggit or modelcluster manager queryset for every ``.all()`` in a template costs more
    than the query itself."""
    from blog.models import BlogPostTag

    return [
        Prefetch("authors", to_attr="prefetched_authors"),
        Prefetch("tagged_items", queryset=BlogPostTag.objects.select_related("tag"), to_attr="prefetched_tagged_items"),
    ]


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
        """Published posts with what a listing shows, fetched in a fixed number of queries
        (never the StreamField body)."""
        return (
            self.published()
            .select_related("category")
            .prefetch_related(*byline_prefetches())
            .defer_streamfields()
            .with_comment_count()
        )

    def for_feed(self) -> "BlogPostQuerySet":
        """What a feed shows: like a listing, without comments (which never go into feeds)."""
        return self.published().select_related("category").prefetch_related(*byline_prefetches()).defer_streamfields()


BlogPostManager = PageManager.from_queryset(BlogPostQuerySet)
