"""Download Indeed search pages politely: one session, an honest User-Agent, timeouts, a pause
with jitter between requests, a page limit, and backoff on 429/5xx that honours Retry-After.
A 403 or a block page stops everything at once (:class:`ScrapeBlocked`): no retry storm."""

import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import requests
from django.conf import settings
from django.utils import timezone

from .indeed import BlockedPage, ResultsPage, parse_results_page

logger = logging.getLogger(__name__)
# Worth another try after a pause; other request errors (bad URL, redirect loop) are not.
_TRANSIENT_ERRORS = (requests.Timeout, requests.ConnectionError, requests.exceptions.ChunkedEncodingError)


class ScrapeBlocked(Exception):
    """Indeed refused us (403 or a challenge page): stop the whole run."""


class FetchFailed(Exception):
    """A page could not be fetched after the allowed retries."""


class RateLimited(FetchFailed):
    """Still 429 after backing off, or asked to wait longer than we are willing to: stop the run."""


@dataclass(frozen=True)
class FetchPolicy:
    base_url: str
    user_agent: str
    connect_timeout: float
    read_timeout: float
    pause: float
    jitter: float
    max_retries: int
    backoff: float
    max_retry_after: float

    @classmethod
    def from_settings(cls) -> "FetchPolicy":
        return cls(
            base_url=settings.JOBS_INDEED_BASE_URL.rstrip("/"),
            user_agent=settings.JOBS_USER_AGENT,
            connect_timeout=settings.JOBS_CONNECT_TIMEOUT,
            read_timeout=settings.JOBS_READ_TIMEOUT,
            pause=settings.JOBS_PAUSE_SECONDS,
            jitter=settings.JOBS_PAUSE_JITTER_SECONDS,
            max_retries=settings.JOBS_MAX_RETRIES,
            backoff=settings.JOBS_BACKOFF_SECONDS,
            max_retry_after=settings.JOBS_MAX_RETRY_AFTER_SECONDS,
        )


@dataclass(frozen=True)
class FetchedPage:
    page: ResultsPage
    url: str
    start: int


class IndeedFetcher:
    """Fetches and parses result pages. ``sleep`` is injectable so tests never wait."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy.from_settings()
        self.session = session or requests.Session()
        self.session.headers.update(
            {"User-Agent": self.policy.user_agent, "Accept": "text/html", "Accept-Language": "en-CA,en;q=0.8"}
        )
        self.sleep = sleep
        self._requests_made = 0

    def search(self, terms: str, location: str, radius: int, max_pages: int) -> Iterator[FetchedPage]:
        """The result pages of one search, newest postings first, at most ``max_pages``."""
        start = 0
        for _ in range(max(max_pages, 0)):
            params = {"q": terms, "l": location, "radius": radius, "sort": "date", "start": start}
            url = f"{self.policy.base_url}/jobs"
            html = self.get(url, params)
            try:
                # Relative dates ("Today") are Toronto dates, like the board's "posted today".
                page = parse_results_page(html, base_url=self.policy.base_url, fetched_at=timezone.localtime())
            except BlockedPage as exc:
                raise ScrapeBlocked(f"block page at start={start}: {exc}") from exc
            yield FetchedPage(page=page, url=url, start=start)
            if not page.postings or page.next_start is None or page.next_start <= start:
                return
            start = page.next_start

    def get(self, url: str, params: dict | None = None) -> str:
        """The body of a page, retrying timeouts, 429 and 5xx with exponential backoff."""
        policy = self.policy
        for attempt in range(policy.max_retries + 1):
            if self._requests_made and attempt == 0:
                self.sleep(policy.pause + random.uniform(0, policy.jitter))
            self._requests_made += 1
            try:
                response = self.session.get(
                    url, params=params, timeout=(policy.connect_timeout, policy.read_timeout), allow_redirects=True
                )
            except _TRANSIENT_ERRORS as exc:
                problem, delay = f"{type(exc).__name__}", policy.backoff * 2**attempt
            except requests.RequestException as exc:
                raise FetchFailed(f"{type(exc).__name__}: {exc}") from exc
            else:
                status = response.status_code
                if status == 403:
                    raise ScrapeBlocked(f"HTTP 403 from {response.url}")
                if status < 400:
                    return response.text
                if status != 429 and status < 500:
                    raise FetchFailed(f"HTTP {status} from {response.url}")
                problem = f"HTTP {status}"
                delay = _retry_after(response) or policy.backoff * 2**attempt
                if delay > policy.max_retry_after:
                    raise RateLimited(f"{problem}: asked to wait {delay:.0f} s, more than we allow")
            if attempt == policy.max_retries:
                error = RateLimited if problem == "HTTP 429" else FetchFailed
                raise error(f"{problem} after {attempt + 1} attempts: {url}")
            logger.info("jobs fetch: %s, retrying in %.0f s", problem, delay)
            self.sleep(delay)
        raise FetchFailed(url)  # pragma: no cover - the loop always returns or raises


def _retry_after(response: requests.Response) -> float | None:
    """Seconds asked for by a Retry-After header (seconds or an HTTP date), if any."""
    value = (response.headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(tz=UTC)).total_seconds(), 0.0)
