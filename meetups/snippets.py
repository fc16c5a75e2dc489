"""Snippets shared by many meetups: where we meet, who speaks, who helps pay for the pizza."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from toronto_ai.home.blocks import SocialLinkBlock


@register_snippet
class Venue(index.Indexed, models.Model):
    """A place we meet. Editors pick it on each meetup; its address feeds the page, calendars and maps."""

    name = models.CharField(max_length=120)
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=80, default="Toronto")
    postal_code = models.CharField(max_length=12, blank=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    directions = models.TextField(blank=True, help_text="How to find the room: entrance, floor, buzzer, transit.")
    accessibility = models.TextField(blank=True, help_text="Step-free access, elevators, washrooms, quiet space.")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("city"), FieldPanel("postal_code")],
            heading="Address",
        ),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Map position (optional)"),
        FieldPanel("directions"),
        FieldPanel("accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both latitude and longitude, or neither.")

    @property
    def address_line(self) -> str:
        """The postal address on one line, as calendars and maps expect it."""
        parts = [self.street_address, self.city, "ON", self.postal_code]
        return ", ".join(part for part in parts if part)

    @property
    def location_line(self) -> str:
        """Name and address, for a calendar's LOCATION."""
        return f"{self.name}, {self.address_line}"


@register_snippet
class Speaker(index.Indexed, models.Model):
    """Someone who gave or will give a talk. Their page lists every talk they gave here."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True, blank=True, help_text="Filled from the name if left empty.")
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    bio = models.TextField(blank=True, max_length=800, help_text="Two or three sentences.")
    links = StreamField([("link", SocialLinkBlock())], blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("photo"), FieldPanel("bio"), FieldPanel("links")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Speaker, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class SponsorTier(models.IntegerChoices):
    """Lower numbers are shown first."""

    PLATINUM = 1, "Platinum"
    GOLD = 2, "Gold"
    SILVER = 3, "Silver"
    COMMUNITY = 4, "Community partner"


@register_snippet
class Sponsor(index.Indexed, models.Model):
    """A company or group supporting the community; shown on the meetups it sponsors, by tier."""

    name = models.CharField(max_length=120)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    url = models.URLField(blank=True)
    tier = models.PositiveSmallIntegerField(choices=SponsorTier.choices, default=SponsorTier.COMMUNITY)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url"), FieldPanel("tier")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["tier", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_tier_display()})"


def unique_slug(model: type[models.Model], text: str, exclude_pk: int | None = None) -> str:
    """A slug from ``text`` not yet used by another ``model`` row (``-2``, ``-3``… appended if needed)."""
    base = slugify(text)[:130] or "speaker"
    taken = set(model.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
