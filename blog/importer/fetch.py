"""Download a feed with a timeout and conditional GET (ETag / Last-Modified)."""

from dataclasses import dataclass

import requests
from django.conf import settings

USER_AGENT = "TorontoAI-FeedImporter/1.0 (+https://torontoai.org/blog/)"


class FeedFetchError(Exception):
    """The feed could not be downloaded; the message says why, for the editor."""


@dataclass
class FetchResult:
    content: bytes | None  # None when the server said 304 Not Modified
    etag: str = ""
    last_modified: str = ""


def fetch_feed(url: str, etag: str = "", last_modified: str = "") -> FetchResult:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with requests.get(
            url, headers=headers, timeout=settings.BLOG_FEED_TIMEOUT, allow_redirects=True, stream=True
        ) as response:
            if response.status_code == 304:
                return FetchResult(None, etag, last_modified)
            if response.status_code != 200:
                raise FeedFetchError(f"HTTP {response.status_code} from the feed")
            content = _read_capped(response, settings.BLOG_FEED_MAX_BYTES)
            return FetchResult(
                content,
                etag=response.headers.get("ETag", "")[:255],
                last_modified=response.headers.get("Last-Modified", "")[:100],
            )
    except requests.Timeout as exc:
        raise FeedFetchError(f"Timed out after {settings.BLOG_FEED_TIMEOUT} s") from exc
    except requests.RequestException as exc:
        raise FeedFetchError(f"Could not connect: {exc.__class__.__name__}") from exc


def _read_capped(response: requests.Response, limit: int) -> bytes:
    """The body, refusing (without reading on) anything larger than ``limit`` bytes."""
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise FeedFetchError(f"Feed is larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
