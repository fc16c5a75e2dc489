"""Which postings are about AI / machine learning: a configurable vocabulary (settings
``JOBS_RELEVANCE_TERMS``) matched as whole words over the title and the description."""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings

from .indeed import Posting


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    # Whole words or phrases, any case, an optional plural "s"; "A.I." and "ML" as written.
    alternatives = sorted((re.escape(term.strip()) for term in terms if term.strip()), key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")s?(?![\w])", re.IGNORECASE)


def is_relevant(posting: Posting, terms: Iterable[str] | None = None) -> bool:
    """True when the title or snippet mentions one of the vocabulary's terms."""
    pattern = _pattern(tuple(terms if terms is not None else settings.JOBS_RELEVANCE_TERMS))
    return bool(pattern.search(posting.title) or pattern.search(posting.snippet))


def split_relevant(postings: Iterable[Posting], terms: Iterable[str] | None = None) -> tuple[list[Posting], int]:
    """The relevant postings, and how many were filtered out."""
    kept, dropped = [], 0
    for posting in postings:
        if is_relevant(posting, terms):
            kept.append(posting)
        else:
            dropped += 1
    return kept, dropped
