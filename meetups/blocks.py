"""The blocks an editor writes a meetup's description with.

Deliberately small: the blog defines its own, richer set; these can be swapped for the blog's
heading/paragraph/image/embed blocks once both branches are merged.
"""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    """A section heading inside the description (rendered as h2)."""

    class Meta:
        icon = "title"
        template = "meetups/blocks/heading.html"
        form_classname = "title"


DESCRIPTION_BLOCKS = [
    ("heading", HeadingBlock(max_length=120)),
    (
        "paragraph",
        blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], template="meetups/blocks/paragraph.html"),
    ),
    ("image", ImageBlock(template="meetups/blocks/image.html")),
    ("embed", EmbedBlock(max_width=800, template="meetups/blocks/embed.html")),
]
