"""Snippets editors manage beside the posts: authors, categories and the feeds we repost from."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from toronto_ai.home.blocks import SocialLinkBlock

UNCATEGORISED = "Uncategorised"


class Author(index.Indexed, models.Model):
    """Someone who writes for the blog: shown in a post's byline, feeds and JSON-LD."""

    name = models.CharField(max_length=120)
    bio = models.TextField(max_length=600, blank=True, help_text="One or two sentences")
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    links = StreamField([("link", SocialLinkBlock())], blank=True)

    panels = [FieldPanel("name"), FieldPanel("bio"), FieldPanel("photo"), FieldPanel("links")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BlogCategoryQuerySet(models.QuerySet):
    def default(self) -> "BlogCategory":
        """The category a post falls in when the editor picks none."""
        category, _ = self.get_or_create(slug=slugify(UNCATEGORISED), defaults={"name": UNCATEGORISED})
        return category


class BlogCategory(models.Model):
    """A section of the blog (one per post), with its own listing and feed."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(max_length=400, blank=True)

    objects = BlogCategoryQuerySet.as_manager()
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "blog categories"

    def __str__(self) -> str:
        return self.name


class FeedSourceQuerySet(models.QuerySet):
    def active(self) -> "FeedSourceQuerySet":
        return self.filter(active=True)


class FeedSource(models.Model):
    """An external blog whose new entries become draft reposts for an editor to review."""

    name = models.CharField(max_length=120, help_text="Shown as 'Continue reading at <name>'")
    feed_url = models.URLField(max_length=500, unique=True, help_text="RSS or Atom feed address")
    active = models.BooleanField(default=True)
    category = models.ForeignKey(
        BlogCategory, null=True, blank=True, on_delete=models.SET_NULL, help_text="Reposts are filed here"
    )
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_checked = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_imported = models.PositiveIntegerField(default=0, editable=False)

    objects = FeedSourceQuerySet.as_manager()
    panels = [
        FieldPanel("name"),
        FieldPanel("feed_url"),
        FieldPanel("category"),
        FieldPanel("active"),
        MultiFieldPanel(
            [FieldPanel("last_checked", read_only=True), FieldPanel("last_error", read_only=True)],
            heading="Last import",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def changes_public_pages(self, created: bool, deleted: bool) -> bool:
        """Only the importer reads feed sources (its saves after each run must not empty the
        page cache); the reposts it drafts reach pages when an editor publishes them."""
        return False

    def import_now_url(self) -> str:
        return reverse("blog_feed_import_now", args=[self.pk])


class ImportedEntry(models.Model):
    """Remembers every feed entry ever imported, so none is imported twice (even if its draft is deleted)."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=500, help_text="The entry's id, or its link when it has none")
    post = models.ForeignKey("blog.BlogPostPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "guid"], name="blog_unique_entry_per_source")]

    def __str__(self) -> str:
        return self.guid
