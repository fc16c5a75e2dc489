"""Turn feed XML into plain entries (no database): title, excerpt, date, link, GUID."""

import calendar
import datetime
import html
from dataclasses import dataclass

import feedparser
import nh3
from django.utils.text import Truncator

EXCERPT_CHARS = 400


class FeedParseError(Exception):
    """The document is not a feed we can read."""


@dataclass(frozen=True)
class Entry:
    guid: str
    title: str
    link: str
    excerpt: str
    published: datetime.datetime | None


def plain_excerpt(markup: str, limit: int = EXCERPT_CHARS) -> str:
    """Feed HTML reduced to safe, shortened plain text (nh3 strips every tag and script)."""
    text = html.unescape(nh3.clean(markup or "", tags=set()))
    return Truncator(" ".join(text.split())).chars(limit)


def _published(raw) -> datetime.datetime | None:
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    if not parsed:
        return None
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)


# Problems feedparser reports that do not make the entries unreliable.
HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def parse_feed(content: bytes) -> list[Entry]:
    """Entries of an RSS or Atom document; malformed XML is refused whole, never half-imported."""
    parsed = feedparser.parse(content)
    problem = parsed.get("bozo_exception")
    if parsed.bozo and not isinstance(problem, HARMLESS_BOZO):
        reason = getattr(problem, "getMessage", lambda: "")() or str(problem)
        raise FeedParseError(f"Not a readable feed: {reason}"[:300])
    if not parsed.get("version") and not parsed.entries:
        raise FeedParseError("Not an RSS or Atom feed")
    entries = []
    for raw in parsed.entries:
        link = (raw.get("link") or "").strip()
        guid = (raw.get("id") or link).strip()
        title = " ".join(html.unescape(nh3.clean(raw.get("title") or "", tags=set())).split())
        if not guid or not title:
            continue
        summary = raw.get("summary") or ""
        if not summary and raw.get("content"):
            summary = raw["content"][0].get("value", "")
        entries.append(Entry(guid[:500], title[:255], link[:500], plain_excerpt(summary), _published(raw)))
    return entries
