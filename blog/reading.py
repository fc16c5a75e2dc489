"""Reading time: what a listing shows as 'N min read'."""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 220
WORD = re.compile(r"\w+")


def reading_minutes(*texts: str) -> int:
    """Minutes an average reader needs for these texts (at least one)."""
    words = sum(len(WORD.findall(strip_tags(text or ""))) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
