"""Job cards in Indeed's HTML, for pages without the embedded JSON (2018-2020 markup, or a
later page whose JSON has moved). Used by :mod:`jobs.indeed`; pure, like it."""

import re
from collections.abc import Iterator
from datetime import datetime

import lxml.html
from lxml.etree import ParserError

from .dates import posted_on_from_text

_KEY = re.compile(r"^[0-9a-f]{16}$")


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# 2018 (row result) and 2020 (unifiedRow): the card itself carries data-jk.
_OLD_CARDS = f"//div[{_has_class('jobsearch-SerpJobCard')}][@data-jk]"
# 2023 onwards: the title link carries data-jk inside a "cardOutline" / "job_seen_beacon" card.
_NEW_LINKS = f"//a[{_has_class('jcs-JobTitle')}][@data-jk]"
_NEW_CARD = f"ancestor::div[{_has_class('cardOutline')} or {_has_class('job_seen_beacon')}][last()]"

_TITLE = (
    ".//a[@data-tn-element='jobTitle']/@title",
    f".//h2[{_has_class('title')}]//a/@title",
    f".//h2[{_has_class('jobTitle')}]//span[@title]/@title",
    ".//a[@data-tn-element='jobTitle']",
    f".//h2[{_has_class('title')}]//a",
    f".//h2[{_has_class('jobTitle')}]",
)
_COMPANY = (
    ".//*[@data-testid='company-name']",
    f".//span[{_has_class('companyName')}]",
    f".//*[{_has_class('company')}]",
)
_LOCATION = (
    ".//*[@data-testid='text-location']",
    f".//div[{_has_class('companyLocation')}]",
    f".//*[{_has_class('location')}]",
)
_SALARY = (
    f".//*[{_has_class('salaryText')}]",
    f".//*[{_has_class('salary-snippet-container')}]",
    f".//*[{_has_class('salary-snippet')}]",
    ".//*[@data-testid='attribute_snippet_testid']",
)
_DATE = (f".//span[{_has_class('date')}]", ".//*[@data-testid='myJobsStateDate']")
_SNIPPET = (
    f".//*[{_has_class('summary')}]",
    f".//div[{_has_class('job-snippet')}]",
    ".//*[@data-testid='jobsnippet_footer']",
)
_SALARY_LIKE = re.compile(r"[$€£]|\d.*\b(?:a|an|per)\s+(?:year|hour|month|week|day)\b", re.IGNORECASE)


def postings_from_cards(html: str, base_url: str, fetched_at: datetime) -> Iterator:
    """Postings from the HTML job cards, in document order; decoy cards are left out."""
    from .indeed import Posting, job_url

    try:
        document = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return
    for key, card in _cards(document):
        if _is_decoy(key, card):
            continue
        title = _first_text(card, _TITLE)
        if not title:
            continue
        location = _first_text(card, _LOCATION)
        salaries = [text for text in _all_texts(card, _SALARY) if _SALARY_LIKE.search(text)]
        yield Posting(
            key=key,
            title=title,
            company=_first_text(card, _COMPANY),
            location=location,
            url=job_url(base_url, key),
            salary=salaries[0] if salaries else None,
            posted_on=_posted_on(card, fetched_at),
            sponsored=_is_sponsored(card),
            remote="remote" in location.lower() and "hybrid" not in location.lower(),
            snippet=_first_text(card, _SNIPPET),
        )


def _cards(document) -> Iterator[tuple[str, object]]:
    for card in document.xpath(_OLD_CARDS):
        key = card.get("data-jk", "").strip().lower()
        if _KEY.match(key):
            yield key, card
    for link in document.xpath(_NEW_LINKS):
        key = link.get("data-jk", "").strip().lower()
        cards = link.xpath(_NEW_CARD)
        if _KEY.match(key):
            yield key, cards[0] if cards else link.getparent()


def _is_decoy(key: str, card) -> bool:
    """A card hidden from people, or one whose title element names another job, is bait for scrapers."""
    if card.xpath("ancestor-or-self::*[@aria-hidden='true']"):
        return True
    for element_id in card.xpath(".//*[starts-with(@id, 'jobTitle-')]/@id"):
        if element_id.removeprefix("jobTitle-").lower() != key:
            return True
    return False


def _is_sponsored(card) -> bool:
    if card.get("id", "").startswith("pj_"):
        return True
    labels = card.xpath(
        f".//*[{_has_class('sponsoredGray')} or {_has_class('sponsoredJob')} or @data-testid='sponsored-label']"
    )
    return bool(labels)


def _posted_on(card, fetched_at: datetime):
    for text in _all_texts(card, _DATE):
        posted_on = posted_on_from_text(text, fetched_at)
        if posted_on is not None:
            return posted_on
    return None


def _first_text(card, paths: tuple[str, ...]) -> str:
    for text in _all_texts(card, paths):
        return text
    return ""


def _all_texts(card, paths: tuple[str, ...]) -> Iterator[str]:
    for path in paths:
        for found in card.xpath(path):
            text = found if isinstance(found, str) else " ".join(found.itertext())
            text = " ".join(text.split())
            if text:
                yield text
