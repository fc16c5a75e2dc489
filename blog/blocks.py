"""The blocks an editor builds a post body from."""

from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock

from .mathml import render_inline_math, render_math

CODE_LANGUAGES = [
    ("python", "Python"),
    ("bash", "Shell"),
    ("javascript", "JavaScript"),
    ("typescript", "TypeScript"),
    ("json", "JSON"),
    ("yaml", "YAML"),
    ("sql", "SQL"),
    ("c", "C"),
    ("cpp", "C++"),
    ("rust", "Rust"),
    ("go", "Go"),
    ("html", "HTML"),
    ("text", "Plain text"),
]
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "code", "superscript", "subscript"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (rendered as <h2>)."""

    class Meta:
        icon = "title"
        template = "blog/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text; ``$...$`` inside it becomes inline maths."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def render_basic(self, value, context=None) -> SafeString:
        return render_inline_math(super().render_basic(value, context))

    class Meta:
        icon = "pilcrow"
        help_text = "Write $...$ for inline maths, e.g. $e^{i\\pi} + 1 = 0$."


class FigureBlock(blocks.StructBlock):
    """An image with alternative text (required, for screen readers) and an optional caption."""

    image = ImageChooserBlock()
    alt = blocks.CharBlock(max_length=250, help_text="Describe the image for people who cannot see it")
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blog/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    """A pulled quotation and who said it."""

    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "blog/blocks/quote.html"


class CodeBlock(blocks.StructBlock):
    """Source code, highlighted on the server with Pygments (no JavaScript)."""

    language = blocks.ChoiceBlock(choices=CODE_LANGUAGES, default="python")
    source = blocks.TextBlock()

    def render_basic(self, value, context=None) -> SafeString:
        try:
            lexer = get_lexer_by_name(value["language"])
        except ClassNotFound:
            lexer = TextLexer()
        formatter = HtmlFormatter(cssclass="highlight", wrapcode=True)
        html = highlight(value["source"], lexer, formatter)
        # A long line scrolls sideways: keyboard users must be able to focus the region to scroll it.
        html = html.replace('<div class="highlight">', '<div class="highlight" tabindex="0">', 1)
        return mark_safe(html)  # noqa: S308 - Pygments escapes

    class Meta:
        icon = "code"


class TableWithCaptionBlock(blocks.StructBlock):
    """A table of figures with an optional caption."""

    caption = blocks.CharBlock(max_length=250, required=False)
    table = TableBlock(table_options={"startRows": 3, "startCols": 3})

    class Meta:
        icon = "table"
        template = "blog/blocks/table.html"


# Player shapes by height / width, each with an aspect-ratio in site.css: the strict CSP refuses
# the inline style Wagtail's responsive embeds would use, and providers' players come with fixed
# pixel sizes (often 200 × 113) that must not decide how large the video is.
EMBED_SHAPES = {"wide": 9 / 16, "standard": 3 / 4, "square": 1.0, "tall": 16 / 9}


class SafeEmbedValue:
    """An embed that renders the provider's player, or a plain link when it cannot be fetched."""

    def __init__(self, url: str):
        self.url = url

    @cached_property
    def embed(self):
        try:
            return get_embed(self.url)
        except EmbedException:
            return None

    @property
    def shape(self) -> str:
        """The player's shape nearest to the provider's size ("wide", 16:9, when it gives none)."""
        ratio = self.embed.ratio if self.embed else None
        if not ratio:
            return "wide"
        return min(EMBED_SHAPES, key=lambda shape: abs(EMBED_SHAPES[shape] - ratio))


class VideoEmbedBlock(blocks.StructBlock):
    """A video (YouTube, Vimeo…) by URL; shown as a link when the provider cannot be reached."""

    url = blocks.URLBlock(help_text="e.g. https://www.youtube.com/watch?v=…")
    title = blocks.CharBlock(max_length=200, required=False, help_text="Link text if the video cannot be shown")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        url = value.get("url") or ""
        context["safe_embed"] = SafeEmbedValue(url) if url else None
        context["url"] = url
        return context

    class Meta:
        icon = "media"
        template = "blog/blocks/embed.html"


class MathBlock(blocks.StructBlock):
    """A displayed equation in LaTeX, rendered to MathML."""

    latex = blocks.TextBlock(help_text="LaTeX without $$, e.g. \\sum_{i=1}^n x_i")

    def render_basic(self, value, context=None) -> SafeString:
        return mark_safe(f'<div class="math-display" tabindex="0">{render_math(value["latex"], display=True)}</div>')  # noqa: S308

    class Meta:
        icon = "decimalpoint"


class PostBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    code = CodeBlock()
    table = TableWithCaptionBlock()
    embed = VideoEmbedBlock()
    math = MathBlock()
