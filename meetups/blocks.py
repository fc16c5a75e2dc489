"""The blocks an editor writes a meetup's description with: the blog's, where they fit.

Headings, rich text (with inline maths), figures with required alt text, and video embeds that
degrade to a link when the provider cannot be reached. Code, tables and display maths stay
blog-only.
"""

from blog.blocks import FigureBlock, HeadingBlock, ParagraphBlock, VideoEmbedBlock

DESCRIPTION_BLOCKS = [
    ("heading", HeadingBlock(max_length=120)),
    ("paragraph", ParagraphBlock()),
    ("image", FigureBlock()),
    ("embed", VideoEmbedBlock()),
]
