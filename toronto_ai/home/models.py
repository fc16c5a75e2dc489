from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from .blocks import CardBlock, SocialLinkBlock
from .routing import CachedRestrictionsMixin, live_sections


class HomePage(CachedRestrictionsMixin, Page):
    """The site's front door: hero with the member count, the section cards, and what's next."""

    hero_title = models.CharField(max_length=120, default="Toronto's AI community")
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    member_count = models.CharField(max_length=20, default="5,000+", help_text="Shown as is in the hero, e.g. 5,000+")
    join_url = models.URLField(blank=True, help_text="The meetup group's page, for the 'join' button")
    join_label = models.CharField(max_length=40, default="Join the meetup group")
    cards = StreamField([("card", CardBlock())], blank=True, max_num=6)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("member_count")],
            heading="Hero",
        ),
        MultiFieldPanel([FieldPanel("join_url"), FieldPanel("join_label")], heading="Join button"),
        FieldPanel("cards"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    LATEST_POSTS = 3
    LATEST_JOBS = 5

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogIndexPage, BlogPostPage
        from jobs.models import Job, JobsIndexPage

        from .frame import section_url

        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        context["latest_posts"] = (
            BlogPostPage.objects.published().select_related("category").defer_streamfields()[: self.LATEST_POSTS]
        )
        context["latest_jobs"] = Job.objects.active().newest_first()[: self.LATEST_JOBS]
        context["blog_url"] = section_url(site, BlogIndexPage)
        context["jobs_url"] = section_url(site, JobsIndexPage)
        return context

    def route(self, request, path_components):
        """Sections (the home page's live children) come from the cache (routing.py)."""
        if path_components and (section := live_sections(self).get(path_components[0])):
            return section.route(request, path_components[1:])
        return super().route(request, path_components)

    class Meta:
        verbose_name = "home page"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Footer text, the short 'about' blurb and social links shown on every page."""

    footer_text = models.CharField(
        max_length=255,
        default="Toronto AI is a volunteer-run community for people who build, study and apply AI.",
    )
    about = models.TextField(blank=True, max_length=600)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)

    panels = [FieldPanel("footer_text"), FieldPanel("about"), FieldPanel("social_links")]

    class Meta:
        verbose_name = "site settings"
