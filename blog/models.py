from django.db import models
from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from toronto_ai.cache import cached
from toronto_ai.home.routing import CachedRestrictionsMixin

from .blocks import PostBodyBlock
from .comments import views as comment_views
from .comments.models import Comment  # noqa: F401 - a model of this app
from .feeds import AtomFeed, RssFeed
from .listing import paginate
from .querysets import BlogPostManager, Byline, attach_bylines, attach_tags, author_prefetch
from .reading import reading_minutes
from .snippets import Author, BlogCategory, FeedSource, ImportedEntry  # noqa: F401 - models of this app

POSTS_PER_PAGE = 10
ROUTE_PREFIXES = {"category", "tag", "feed"}


class BlogIndexPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """The blog's front page at /blog/: lists posts beneath it, by category or tag, and serves the feeds."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blog_url"] = self.get_url(request)
        return context

    def route(self, request, path_components):
        """Serve a post (and its comment routes) in one query (the post with its category and
        hero image) instead of Wagtail's generic child lookup and a second query for the
        specific page."""
        if path_components and path_components[0] not in ROUTE_PREFIXES:
            post = (
                BlogPostPage.objects.child_of(self)
                .select_related("category", "hero_image")
                .filter(slug=path_components[0])
                .first()
            )
            if post is not None:
                return post.route(request, path_components[1:])
        return super().route(request, path_components)

    def posts(self):
        return BlogPostPage.objects.child_of(self).for_listing()

    def feed_posts(self):
        return BlogPostPage.objects.child_of(self).for_feed()

    def _listing(self, request: HttpRequest, posts, count: int | None = None, **context) -> HttpResponse:
        page_obj = paginate(posts, request.GET.get("page"), POSTS_PER_PAGE, count=count)
        page_obj.object_list = attach_bylines(page_obj.object_list)
        return self.render(
            request,
            context_overrides={"page_obj": page_obj, "posts": page_obj.object_list, **context},
        )

    def _with_post_count(self, queryset, **match):
        """``queryset`` annotated with how many published posts match it (counted in the same query)."""
        posts = (
            BlogPostPage.objects.child_of(self)
            .published()
            .filter(**match)
            .order_by()
            .values(*match)
            .annotate(n=Count("pk"))
            .values("n")
        )
        return queryset.annotate(post_count=Coalesce(Subquery(posts[:1]), 0))

    @path("")
    def all_posts(self, request: HttpRequest) -> HttpResponse:
        posts = self.posts()
        # Changes only when a post is published, unpublished, moved or deleted: a new generation.
        count = cached(f"blog:post-count:{self.pk}", posts.count)
        return self._listing(request, posts, count=count)

    @path("category/<slug:slug>/")
    def category(self, request: HttpRequest, slug: str) -> HttpResponse:
        categories = self._with_post_count(BlogCategory.objects.all(), category=OuterRef("pk"))
        category = get_object_or_404(categories, slug=slug)
        return self._listing(
            request, self.posts().filter(category=category), count=category.post_count, category=category
        )

    @path("tag/<slug:slug>/")
    def tag(self, request: HttpRequest, slug: str) -> HttpResponse:
        tag = get_object_or_404(self._with_post_count(Tag.objects.all(), tags=OuterRef("pk")), slug=slug)
        return self._listing(request, self.posts().filter(tags=tag), count=tag.post_count, tag=tag)

    @path("feed/", name="rss")
    def rss(self, request: HttpRequest) -> HttpResponse:
        return RssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        return AtomFeed(self)(request)

    @path("category/<slug:slug>/feed/", name="category_rss")
    def category_rss(self, request: HttpRequest, slug: str) -> HttpResponse:
        return RssFeed(self, get_object_or_404(BlogCategory, slug=slug))(request)


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogPostPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """One article: an original post, or a repost of an external blog (excerpt + 'Continue reading')."""

    date = models.DateTimeField(default=timezone.now, help_text="Shown on the post; newest first in listings")
    intro = models.TextField(
        max_length=500, help_text="The excerpt: shown in listings and feeds, and as the search engine description"
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    authors = ParentalManyToManyField(Author, blank=True, related_name="posts")
    category = models.ForeignKey(
        BlogCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text="Left empty, the post is filed under 'Uncategorised'",
    )
    tags = ClusterTaggableManager(through="blog.BlogPostTag", blank=True)
    body = StreamField(PostBodyBlock(), blank=True, help_text="May be just the excerpt for a repost")
    source_url = models.URLField(max_length=500, blank=True, help_text="For a repost: the original article")
    source_name = models.CharField(max_length=120, blank=True, help_text="For a repost: e.g. 'The Gradient'")
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    comments_open = models.BooleanField(default=True, help_text="Readers may comment (new comments are held)")

    objects = BlogPostManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("authors"), FieldPanel("category"), FieldPanel("tags")],
            heading="About this post",
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("source_url"), FieldPanel("source_name")],
            heading="Repost",
            help_text="Fill these in when the post is an excerpt of an article published elsewhere",
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("comments_open")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "blog post"
        # Listings read the newest posts first: an index scan stops after a page of them instead
        # of sorting every post.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="blog_post_newest_first")]

    @path("")
    def read(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":  # a comment form opened before the form moved to comment/
            return comment_views.post_comment(self, request)
        return self.render(request)

    @path("comment/", name="comment")
    def comment(self, request: HttpRequest) -> HttpResponse:
        return comment_views.comment_page(self, request)

    @path("comment/form/", name="comment_form")
    def comment_form(self, request: HttpRequest) -> HttpResponse:
        return comment_views.comment_page(self, request, fragment=True)

    def get_context(self, request, *args, **kwargs):
        """The same for every visitor (the page cache keeps it): the thread, never the form."""
        context = super().get_context(request, *args, **kwargs)
        comments, count = comment_views.comment_thread(self) if self.pk else ([], 0)
        self.comment_count = count  # as the listing's annotation names it, for the shared byline
        context.update(comments=comments, comment_count=count)
        context["comment_held"] = request.GET.get("comment") == "held"
        if self.pk and not getattr(request, "is_preview", False):  # a preview shows the form's unsaved values
            prefetch_related_objects([self], author_prefetch())
            attach_tags([self])
        url = self.get_url(request) or ""
        context["comment_url"] = url + self.reverse_subpage("comment")
        context["comment_form_url"] = url + self.reverse_subpage("comment_form")
        # Posts live directly under the index, so its URL is the post's minus the slug.
        context["blog_url"] = url[: -len(self.slug) - 1] if url.endswith(f"/{self.slug}/") else "/blog/"
        return context

    @property
    def author_list(self) -> list[Author] | list[Byline]:
        prefetched = getattr(self, "prefetched_authors", None)
        return prefetched if prefetched is not None else list(self.authors.all())

    @property
    def tag_list(self) -> list[Tag] | list[Byline]:
        prefetched = getattr(self, "prefetched_tags", None)
        return prefetched if prefetched is not None else list(self.tags.all())

    @property
    def is_repost(self) -> bool:
        return bool(self.source_url)

    def canonical_url(self, request: HttpRequest | None = None) -> str:
        return self.source_url or self.get_full_url(request)

    def save(self, *args, **kwargs):
        if self.category_id is None:
            self.category = BlogCategory.objects.default()
        texts = [self.intro]
        for block in self.body or []:
            texts.extend(str(text) for text in block.block.get_searchable_content(block.value))
        self.reading_minutes = reading_minutes(*texts)
        return super().save(*args, **kwargs)
