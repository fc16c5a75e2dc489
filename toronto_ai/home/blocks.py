from wagtail import blocks


class CardBlock(blocks.StructBlock):
    """One of the home page's section cards (MEETUPS, JOB POSTINGS, CONTACT)."""

    title = blocks.CharBlock(max_length=60)
    tagline = blocks.CharBlock(max_length=120, required=False, help_text="A short line under the title")
    text = blocks.TextBlock(max_length=400)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.URLBlock(required=False, help_text="Used when no page is chosen")
    link_text = blocks.CharBlock(max_length=40, default="Learn more")

    class Meta:
        icon = "doc-full"
        template = "home/blocks/card.html"


class SocialLinkBlock(blocks.StructBlock):
    """A link to one of the community's profiles elsewhere."""

    label = blocks.CharBlock(max_length=40, help_text="e.g. Meetup, LinkedIn, GitHub")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"
