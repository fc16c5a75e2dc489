"""Read Indeed search-result pages: pure functions, no database and no network.

``parse_results_page`` reads the embedded ``mosaic-provider-jobcards`` JSON when the page has
it (2023 onwards) and the HTML job cards otherwise (2018-2020, or when the JSON moves). Block
and challenge pages raise :class:`BlockedPage`; a page where nothing is recognisable raises
:class:`UnrecognizedPage`, so that a change of markup is noticed instead of read as "0 jobs".
"""

import html as html_lib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import parse_qs, urlsplit

from .dates import date_from_epoch_ms, posted_on_from_text

DEFAULT_BASE_URL = "https://ca.indeed.com"
JOB_KEY = re.compile(r"^[0-9a-f]{16}$")


class IndeedPageError(Exception):
    """A page that cannot be read as search results."""


class BlockedPage(IndeedPageError):
    """Indeed (or Cloudflare in front of it) answered with a challenge or block page."""


class UnrecognizedPage(IndeedPageError):
    """Neither results nor a block page: most likely Indeed changed its markup."""


@dataclass(frozen=True, slots=True)
class Posting:
    key: str
    title: str
    company: str
    location: str
    url: str
    salary: str | None
    posted_on: date | None
    sponsored: bool
    remote: bool
    snippet: str


@dataclass(frozen=True, slots=True)
class ResultsPage:
    postings: tuple[Posting, ...]
    total: int | None
    next_start: int | None


_BLOCK_TITLE = re.compile(
    r"<title[^>]*>\s*(?:just a moment|security check|blocked - indeed|attention required|access denied"
    r"|request blocked|hcaptcha)",
    re.IGNORECASE,
)
# Only looked for when a page has no results: real result pages also load /cdn-cgi/ scripts.
_BLOCK_MARKERS = ("_cf_chl_opt", "cf-challenge", "challenge-form", "h-captcha", "captcha-container", "Security Check")
_NO_RESULTS_MARKERS = ("jobsearch-NoResult", "did not match any jobs", "No jobs found")
_JOBCARDS_JSON = re.compile(r"""window\.mosaic\.providerData\[["']mosaic-provider-jobcards["']\]\s*=\s*""")
_DECODER = json.JSONDecoder()
# Case-sensitive and starting with a literal, so that re can skip through a 2 MB page quickly.
_TOTAL_PATTERNS = (
    re.compile(r"JobCountAndSortPane-jobCount[^>]*>(?:\s*<[^>]+>)*\s*([\d,. ]+)\+?\s*jobs"),
    re.compile(r"Page\s+\d+\s+of\s+([\d,. ]+)\s+jobs"),
)
_NEXT_LINK_MARKERS = ('data-testid="pagination-page-next"', 'aria-label="Next Page"', 'aria-label="Next"')
_OLD_NEXT_LINK = re.compile(r"<a\b([^>]*)>\s*<span class=[\"']?pn[\"']?>\s*<span class=[\"']?np[\"']?>\s*Next")
_HREF = re.compile(r"""href=["']([^"']*)["']""")
_REMOTE_TYPES = {"REMOTE_ALWAYS", "REMOTE_COVID_TEMPORARY", "REMOTE"}


def parse_results_page(html: str, base_url: str = DEFAULT_BASE_URL, fetched_at: datetime | None = None) -> ResultsPage:
    """The postings, result count and next page of one Indeed search-result page.

    ``fetched_at`` is when the page was downloaded (now by default): relative dates such as
    "3 days ago" are counted from it.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    fetched_at = fetched_at or datetime.now(tz=UTC)
    base_url = base_url.rstrip("/")
    if _BLOCK_TITLE.search(html[:20_000]):
        raise BlockedPage("Indeed answered with a block or challenge page")
    results = _jobcards_json(html)
    if results is not None:
        postings = _unique(p for p in (_posting_from_json(r, base_url, fetched_at) for r in results) if p)
    else:
        from .indeed_cards import postings_from_cards

        postings = _unique(postings_from_cards(html, base_url, fetched_at))
        if not postings:
            _raise_for_empty_page(html)
    return ResultsPage(postings=tuple(postings), total=_total(html), next_start=_next_start(html))


def job_url(base_url: str, key: str) -> str:
    """The clean public URL of a job, never a tracking link."""
    return f"{base_url.rstrip('/')}/viewjob?jk={key}"


def plain_text(fragment: str | None) -> str:
    """Text of an HTML fragment (Indeed's snippets are HTML lists): tags dropped, entities decoded,
    whitespace collapsed."""
    if not fragment:
        return ""
    without_tags = re.sub(r"<[^>]*>", " ", fragment)
    return " ".join(html_lib.unescape(without_tags).split())


def _raise_for_empty_page(html: str) -> None:
    if any(marker in html for marker in _BLOCK_MARKERS):
        raise BlockedPage("Indeed answered with a challenge page")
    if any(marker in html for marker in _NO_RESULTS_MARKERS):
        return
    raise UnrecognizedPage("no job cards, no embedded results and no block markers: has the markup changed?")


def _jobcards_json(html: str) -> list | None:
    match = _JOBCARDS_JSON.search(html)
    if not match:
        return None
    try:
        data, _ = _DECODER.raw_decode(html, match.end())
    except ValueError:
        return None
    model = data.get("metaData", {}).get("mosaicProviderJobCardsModel", {}) if isinstance(data, dict) else {}
    results = model.get("results") if isinstance(model, dict) else None
    return results if isinstance(results, list) else None


def _posting_from_json(result: object, base_url: str, fetched_at: datetime) -> Posting | None:
    if not isinstance(result, dict) or result.get("expired") is True:
        return None
    key = str(result.get("jobkey") or "").lower()
    title = _text(result.get("displayTitle") or result.get("title"))
    if not JOB_KEY.match(key) or not title:
        return None
    salary = result.get("salarySnippet")
    salary_text = _text(salary.get("text")) if isinstance(salary, dict) else ""
    work_model = result.get("remoteWorkModel")
    work_type = work_model.get("type") if isinstance(work_model, dict) else None
    location = _text(result.get("formattedLocation"))
    posted_on = date_from_epoch_ms(result.get("pubDate"))
    if posted_on is None or posted_on > fetched_at.date():
        posted_on = posted_on_from_text(_text(result.get("formattedRelativeTime")), fetched_at)
    return Posting(
        key=key,
        title=title,
        company=_text(result.get("company")),
        location=location,
        url=job_url(base_url, key),
        salary=salary_text or None,
        posted_on=posted_on,
        sponsored=bool(result.get("sponsored") or result.get("isSponsored")),
        remote=bool(result.get("remoteLocation")) or work_type in _REMOTE_TYPES or location.lower() == "remote",
        snippet=plain_text(_text(result.get("snippet"))),
    )


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _unique(postings: Iterable[Posting]) -> list[Posting]:
    seen: set[str] = set()
    kept = []
    for posting in postings:
        if posting.key not in seen:
            seen.add(posting.key)
            kept.append(posting)
    return kept


def _total(html: str) -> int | None:
    for pattern in _TOTAL_PATTERNS:
        match = pattern.search(html)
        if match:
            digits = re.sub(r"\D", "", match.group(1))
            if digits:
                return int(digits)
    return None


def _next_start(html: str) -> int | None:
    href = None
    for marker in _NEXT_LINK_MARKERS:
        at = html.find(marker)
        if at >= 0:
            tag_start, tag_end = html.rfind("<a", 0, at), html.find(">", at)
            match = _HREF.search(html, tag_start, tag_end) if tag_start >= 0 else None
            href = match.group(1) if match else None
            break
    if href is None:
        match = _OLD_NEXT_LINK.search(html)
        found = _HREF.search(match.group(1)) if match else None
        href = found.group(1) if found else None
    if href is None:
        return None
    values = parse_qs(urlsplit(html_lib.unescape(href)).query).get("start", [])
    return int(values[0]) if values and values[0].isdigit() else None
