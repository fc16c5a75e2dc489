"""Demo content for the home page and site settings (used by ``seed_demo``)."""

from django.conf import settings as django_settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import HomePage, SiteSettings

CARDS = [
    {
        "title": "Meetups",
        "tagline": "Learn, connect, share",
        "text": "Talks from researchers and practitioners, demos of things people built, "
        "and time to meet others working on AI in the city.",
        "link_text": "See upcoming meetups",
        "section": "meetups",
    },
    {
        "title": "Job postings",
        "tagline": "AI and ML roles in the GTA",
        "text": "The latest machine learning, deep learning and AI postings from Indeed "
        "for the Greater Toronto Area, refreshed a few times a day.",
        "link_text": "Browse jobs",
        "section": "jobs",
    },
    {
        "title": "Contact",
        "tagline": "Sponsor, speak or volunteer",
        "text": "Have space to host us, a talk to give, or an evening to help out? "
        "Send us a note and it reaches the right organisers.",
        "link_text": "Get in touch",
        "section": "contact",
    },
]


def ensure_home_page() -> HomePage:
    """The single HomePage at the site root, created (or swapped in for Wagtail's default) if needed."""
    home = HomePage.objects.first()
    if home is None:
        # Normally the migrations made the tree root and locale; a flushed database has neither.
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(django_settings.LANGUAGE_CODE)
        )
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=HomePage(title="Toronto AI", slug="home", hero_title="Toronto's AI community"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Toronto AI")
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "Toronto AI"
        site.save()
    return home


def fill_home_page(home: HomePage, sections: dict[str, Page]) -> None:
    """Hero and cards; the cards link to the section pages once those exist."""
    home.hero_title = "Toronto's AI community"
    home.intro = (
        "<p>Researchers, engineers, students and the curious, meeting in person to learn "
        "how AI is built and used, and to meet each other.</p>"
    )
    home.member_count = home.member_count or "5,000+"
    home.join_url = home.join_url or "https://www.meetup.com/toronto-ai/"
    cards = []
    for card in CARDS:
        page = sections.get(card["section"])
        value = {k: v for k, v in card.items() if k != "section"}
        value["link_page"] = page
        value["link_url"] = ""
        cards.append(("card", value))
    home.cards = cards
    home.save_revision().publish()

    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    settings.footer_text = (
        "Toronto AI is a volunteer-run community of 5,000+ people who build, study and apply "
        "artificial intelligence in the Greater Toronto Area."
    )
    settings.about = (
        "We have met since 2016 to share talks, demos and job leads. Everyone is welcome, whatever their background."
    )
    settings.social_links = [
        ("link", {"label": "Meetup", "url": "https://www.meetup.com/toronto-ai/"}),
        ("link", {"label": "LinkedIn", "url": "https://www.linkedin.com/company/toronto-ai/"}),
        ("link", {"label": "GitHub", "url": "https://github.com/toronto-ai"}),
    ]
    settings.save()


def ensure_child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """Return the live child page of ``model`` at ``slug``, creating and publishing it if absent."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(slug=slug, show_in_menus=True, **fields))
    page.save_revision().publish()
    return page
