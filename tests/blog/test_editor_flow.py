"""An editor writes, previews, schedules and publishes a post through the Wagtail admin."""

import datetime

import feedparser
import pytest
import time_machine
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from blog.models import BlogPostPage
from toronto_ai.home.tasks import publish_scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_url(blog_index) -> str:
    return f"/admin/pages/add/blog/blogpostpage/{blog_index.pk}/"


def post_form(admin_client, url: str, **fields):
    """The admin form as the browser would submit it, with the editor's changes applied."""
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    values = {
        "title": "Diffusion models for the curious",
        "slug": "diffusion-models-for-the-curious",
        "date": "2026-11-20 10:00",
        "intro": "Noise in, pictures out: the idea behind diffusion, without the heavy maths.",
        "tags": "diffusion, generative",
        **fields,
    }
    for key, value in values.items():
        data[key] = value
    body = streamfield(
        [
            ("heading", "Start with noise"),
            ("paragraph", rich_text("<p>Each step removes a little noise, guided by $\\epsilon_\\theta$.</p>")),
        ]
    )
    for key, value in nested_form_data({"body": body}).items():
        data[key] = value
    return data


def test_editor_creates_a_draft_then_publishes_it(admin_client, client, add_url, category):
    data = post_form(admin_client, add_url, category=str(category.pk))
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    post = BlogPostPage.objects.get(slug="diffusion-models-for-the-curious")
    assert not post.live
    assert "Diffusion models" not in client.get("/blog/").content.decode()

    edit_url = f"/admin/pages/{post.pk}/edit/"
    data = post_form(admin_client, edit_url, category=str(category.pk))
    data["action-publish"] = "action-publish"
    assert admin_client.post(edit_url, data).status_code == 302
    post.refresh_from_db()
    assert post.live

    assert "Diffusion models for the curious" in client.get("/blog/").content.decode()
    assert "Diffusion models for the curious" in client.get("/blog/category/research/").content.decode()
    for feed in ("/blog/feed/", "/blog/feed/atom/"):
        assert "Diffusion models for the curious" in {
            e.title for e in feedparser.parse(client.get(feed).content).entries
        }
    assert "Diffusion models for the curious" in client.get("/search/", {"q": "diffusion"}).content.decode()
    assert "/blog/diffusion-models-for-the-curious/" in client.get("/sitemap.xml").content.decode()
    page = client.get("/blog/diffusion-models-for-the-curious/").content.decode()
    assert "<math" in page and "Start with noise" in page


def test_editor_previews_an_unsaved_post(admin_client, add_url):
    preview_url = add_url + "preview/"
    data = post_form(admin_client, add_url)
    check = admin_client.post(preview_url, data)
    assert check.json()["is_valid"] is True
    preview = admin_client.get(preview_url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Diffusion models for the curious" in html and "Start with noise" in html
    assert not BlogPostPage.objects.exists()


def test_editor_schedules_a_post_that_goes_live_at_the_chosen_time(admin_client, client, add_url):
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    data = post_form(admin_client, add_url, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    data["action-publish"] = "action-publish"
    assert admin_client.post(add_url, data).status_code == 302
    post = BlogPostPage.objects.get()
    assert not post.live and post.get_latest_revision().approved_go_live_at == go_live

    publish_scheduled()
    assert "Diffusion models" not in client.get("/blog/").content.decode()
    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        publish_scheduled()
        assert "Diffusion models for the curious" in client.get("/blog/").content.decode()


def test_publishing_without_an_excerpt_gives_a_clear_message(admin_client, add_url):
    data = post_form(admin_client, add_url, intro="")
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url, data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not BlogPostPage.objects.exists()
