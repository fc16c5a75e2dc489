from django.urls import path
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .comments.admin import ApproveCommentsAction, CommentViewSet, PendingCommentsPanel, RejectCommentsAction
from .snippets import Author, BlogCategory, FeedSource


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name"]
    search_fields = ["name"]


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]


class FeedSourceViewSet(SnippetViewSet):
    model = FeedSource
    icon = "link"
    list_display = ["name", "feed_url", "active", "last_checked", "last_error"]
    list_filter = ["active"]


class BlogSnippets(SnippetViewSetGroup):
    menu_label = "Blog"
    menu_icon = "doc-full"
    menu_order = 250
    items = (AuthorViewSet, BlogCategoryViewSet, FeedSourceViewSet, CommentViewSet)


register_snippet(BlogSnippets)


@hooks.register("register_admin_urls")
def register_blog_admin_urls():
    return [path("blog/feeds/<int:pk>/import/", admin_views.import_now, name="blog_feed_import_now")]


@hooks.register("register_snippet_listing_buttons")
def feed_import_button(snippet, user, next_url=None):
    if isinstance(snippet, FeedSource) and user.has_perm("blog.change_feedsource"):
        yield ListingButton("Import now", url=snippet.import_now_url(), icon_name="download", priority=5)


hooks.register("register_bulk_action", ApproveCommentsAction)
hooks.register("register_bulk_action", RejectCommentsAction)


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if request.user.has_perm("blog.change_comment"):
        panels.append(PendingCommentsPanel())
