"""What 'a post readers can see' means, in one place."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


class BlogPostQuerySet(PageQuerySet):
    def public_inline(self) -> "BlogPostQuerySet":
        """Like Wagtail's ``public()`` (no page under a view restriction) but as a subquery,
        so a listing does not spend an extra query loading every restriction first."""
        restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        return self.exclude(Exists(restricted))

    def published(self) -> "BlogPostQuerySet":
        """Live, public posts, newest first."""
        return self.live().public_inline().order_by("-date", "-pk")

    def for_listing(self) -> "BlogPostQuerySet":
        """Published posts with what a listing or feed shows, fetched in a fixed number of queries
        (never the StreamField body)."""
        return self.published().select_related("category").prefetch_related("authors", "tags").defer_streamfields()


BlogPostManager = PageManager.from_queryset(BlogPostQuerySet)
