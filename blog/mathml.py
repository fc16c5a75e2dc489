"""LaTeX to MathML on the server (latex2mathml), for display math blocks and inline ``$...$``.

latex2mathml is lenient: it passes unknown commands through as text and accepts unbalanced
braces. An editor's typo should show up as the LaTeX they typed, not as half-rendered maths,
so anything that looks wrong renders as the escaped source instead.
"""

import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from latex2mathml.converter import convert

# $...$ in rendered rich text: no nested $, no tags inside, not preceded by a backslash.
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$<>]{1,500}?)(?<!\s)\$(?!\d)")
UNKNOWN_COMMAND = re.compile(r">\\[A-Za-z]+<")


def _balanced(latex: str) -> bool:
    depth = 0
    escaped = False
    for char in latex:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def latex_to_mathml(latex: str, display: bool = False) -> str | None:
    """MathML for ``latex``, or None when the LaTeX is invalid."""
    latex = latex.strip()
    if not latex or not _balanced(latex):
        return None
    try:
        mathml = convert(latex, display="block" if display else "inline")
    except Exception:  # latex2mathml raises many unrelated exception types for bad input
        return None
    if UNKNOWN_COMMAND.search(mathml):
        return None
    return mathml


def render_math(latex: str, display: bool = False) -> SafeString:
    """MathML, or the LaTeX source in a marked-up ``<code>`` when it cannot be rendered."""
    mathml = latex_to_mathml(latex, display)
    if mathml is None:
        delimiter = "$$" if display else "$"
        return mark_safe(  # noqa: S308 - the source is escaped
            f'<code class="math-error" title="This formula could not be rendered">'
            f"{delimiter}{escape(latex.strip())}{delimiter}</code>"
        )
    return mark_safe(mathml)  # noqa: S308 - produced by latex2mathml from parsed tokens


def render_inline_math(rendered_html: str) -> SafeString:
    """Replace ``$...$`` in already-rendered (escaped) rich text with MathML."""

    def replace(match: re.Match) -> str:
        return render_math(html.unescape(match.group(1)))

    return mark_safe(INLINE_MATH.sub(replace, str(rendered_html)))  # noqa: S308 - input was safe HTML
