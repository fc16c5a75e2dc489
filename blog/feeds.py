"""RSS 2.0 and Atom feeds of the newest posts (never the bodies: the intro is the description)."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .querysets import attach_bylines

FEED_SIZE = 20


class RssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, category=None):
        super().__init__()
        self.index = index
        self.category = category
        self.request: HttpRequest | None = None

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        if self.category:
            return f"Toronto AI blog: {self.category.name}"
        return "Toronto AI blog"

    def link(self) -> str:
        url = self.index.get_url(self.request)
        if self.category:
            url += self.index.reverse_subpage("category", args=[self.category.slug])
        return url

    def description(self) -> str:
        if self.category and self.category.description:
            return self.category.description
        return "Writing from the Toronto AI community, and articles from around the field worth reading."

    subtitle = description

    def items(self):
        posts = self.index.feed_posts()
        if self.category:
            posts = posts.filter(category=self.category)
        return attach_bylines(posts[:FEED_SIZE])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        if item.is_repost:
            return f"{item.intro}\n\nContinue reading at {item.source_name or item.source_url}."
        return item.intro

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item) -> str:
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item) -> datetime.datetime:
        return item.date

    def item_updateddate(self, item) -> datetime.datetime:
        return item.last_published_at or item.date

    def item_author_name(self, item) -> str | None:
        return ", ".join(author.name for author in item.author_list) or None

    def item_categories(self, item) -> list[str]:
        names = [item.category.name] if item.category else []
        return names + [tag.name for tag in item.tag_list]


class AtomFeed(RssFeed):
    feed_type = Atom1Feed
