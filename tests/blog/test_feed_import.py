from pathlib import Path

import pytest
import requests
import responses

from blog.models import BlogPostPage, FeedSource
from blog.tasks import import_feeds

pytestmark = pytest.mark.django_db

FEEDS = Path(__file__).parent / "feeds"
RSS_URL = "https://labnotes.example/feed.xml"
ATOM_URL = "https://fieldreports.example/atom.xml"


@pytest.fixture
def rss_source(blog_index, category):
    return FeedSource.objects.create(name="Lab Notes", feed_url=RSS_URL, category=category)


@pytest.fixture
def atom_source(blog_index):
    return FeedSource.objects.create(name="Field Reports", feed_url=ATOM_URL)


def serve(url: str, name: str, **headers) -> None:
    responses.get(url, body=(FEEDS / name).read_bytes(), headers=headers, content_type="application/xml")


@responses.activate
def test_new_rss_entries_become_draft_reposts_with_sanitised_excerpt(rss_source):
    serve(RSS_URL, "lab_notes.rss.xml")
    assert import_feeds()["created"] == 2
    post = BlogPostPage.objects.get(title="Sparse attention on a budget")
    assert not post.live
    assert post.source_url == "https://labnotes.example/posts/sparse-attention"
    assert post.source_name == "Lab Notes"
    assert post.category == rss_source.category
    assert post.intro == "We tried three sparsity patterns. The cheapest one won, mostly."
    assert (post.date.year, post.date.month, post.date.day) == (2026, 11, 3)
    assert post.get_latest_revision() is not None


@responses.activate
def test_atom_entries_are_imported(atom_source):
    serve(ATOM_URL, "field_reports.atom.xml")
    import_feeds()
    post = BlogPostPage.objects.get()
    assert post.title == "Robots in the orchard"
    assert post.intro.startswith("Picking apples turned out")
    assert post.category.name == "Uncategorised"


@responses.activate
def test_an_entry_is_never_imported_twice_even_if_its_title_and_date_change(rss_source):
    serve(RSS_URL, "lab_notes.rss.xml")
    import_feeds()
    changed = (
        (FEEDS / "lab_notes.rss.xml").read_text().replace("Sparse attention on a budget", "Sparse attention, revised")
    )
    changed = changed.replace("Tue, 03 Nov 2026", "Wed, 04 Nov 2026")
    responses.replace(responses.GET, RSS_URL, body=changed)
    assert import_feeds()["created"] == 0
    assert BlogPostPage.objects.count() == 2


@responses.activate
def test_deleted_draft_is_not_imported_again(rss_source):
    serve(RSS_URL, "lab_notes.rss.xml")
    import_feeds()
    BlogPostPage.objects.get(title="Why our eval set leaked").delete()
    import_feeds()
    assert not BlogPostPage.objects.filter(title="Why our eval set leaked").exists()


@responses.activate
def test_conditional_get_sends_etag_and_last_modified_and_skips_on_304(rss_source):
    serve(RSS_URL, "lab_notes.rss.xml", ETag='"v1"', **{"Last-Modified": "Tue, 03 Nov 2026 15:00:00 GMT"})
    import_feeds()
    responses.replace(responses.GET, RSS_URL, status=304)
    assert import_feeds()["created"] == 0
    second = responses.calls[1].request.headers
    assert second["If-None-Match"] == '"v1"'
    assert second["If-Modified-Since"] == "Tue, 03 Nov 2026 15:00:00 GMT"
    rss_source.refresh_from_db()
    assert rss_source.last_error == "" and rss_source.last_checked is not None


@responses.activate
@pytest.mark.parametrize(
    "failure, message",
    [
        ({"body": requests.Timeout()}, "Timed out"),
        ({"status": 404}, "HTTP 404"),
        ({"body": b"<html><body>Not a feed <b>at all"}, "Not"),
        ({"body": requests.ConnectionError()}, "Could not connect"),
        ({"body": b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half'}, "Not a readable feed"),
    ],
)
def test_a_broken_feed_is_recorded_and_never_stops_the_others(rss_source, atom_source, failure, message):
    responses.get(RSS_URL, **failure)
    serve(ATOM_URL, "field_reports.atom.xml")
    result = import_feeds()
    assert result["created"] == 1 and result["failed"] == 1
    rss_source.refresh_from_db()
    assert message in rss_source.last_error
    assert rss_source.last_checked is not None
    assert BlogPostPage.objects.filter(title="Robots in the orchard").exists()


@responses.activate
def test_an_oversized_feed_is_refused(rss_source, settings):
    settings.BLOG_FEED_MAX_BYTES = 512  # the saved feed is about 1 KB
    serve(RSS_URL, "lab_notes.rss.xml")
    assert import_feeds()["failed"] == 1
    rss_source.refresh_from_db()
    assert rss_source.last_error == "Feed is larger than 512 bytes"
    assert not BlogPostPage.objects.exists()


@responses.activate
def test_inactive_feeds_are_not_read(rss_source):
    rss_source.active = False
    rss_source.save()
    assert import_feeds()["checked"] == 0
    assert len(responses.calls) == 0


def test_feed_requests_use_a_timeout(rss_source, monkeypatch, settings):
    settings.BLOG_FEED_TIMEOUT = 3
    seen = {}

    def fake_get(url, **kwargs):
        seen.update(kwargs)
        raise requests.Timeout()

    monkeypatch.setattr("blog.importer.fetch.requests.get", fake_get)
    import_feeds()
    assert seen["timeout"] == 3


def test_hourly_schedule_is_created_and_editable(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="blog.tasks.import_feeds")
    assert task.enabled and task.interval.every == 1 and task.interval.period == "hours"


@responses.activate
def test_admin_import_now_button_imports_that_feed(admin_client, rss_source):
    serve(RSS_URL, "lab_notes.rss.xml")
    listing = admin_client.get("/admin/snippets/blog/feedsource/").content.decode()
    assert rss_source.import_now_url() in listing
    confirm = admin_client.get(rss_source.import_now_url())
    assert confirm.status_code == 200 and b"Import now" in confirm.content
    assert BlogPostPage.objects.count() == 0  # GET only asks
    response = admin_client.post(rss_source.import_now_url(), follow=True)
    assert response.status_code == 200
    assert BlogPostPage.objects.filter(live=False).count() == 2
    assert "2 new draft post(s)" in response.content.decode()


@responses.activate
def test_admin_import_now_reports_a_failure(admin_client, rss_source):
    responses.get(RSS_URL, status=500)
    response = admin_client.post(rss_source.import_now_url(), follow=True)
    assert "HTTP 500" in response.content.decode()
