"""Post pages are page-cached like every public page; comments change them only once an editor acts."""

import pytest
from bs4 import BeautifulSoup

from blog.comments.admin import ApproveCommentsAction, RejectCommentsAction
from blog.models import BlogPostPage, Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(site_tree, settings):
    settings.SPAM_TIME_TRAP_MIN_SECONDS = 0
    return BlogPostPage.objects.live().filter(comments_open=True).first()


def send_comment(client, post, body: str):
    """Fetch the form as the post page's script does, then send it."""
    form = BeautifulSoup(client.get(f"{post.url}comment/form/").content, "html.parser").select_one("form")
    data = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}
    data.update(name="Priya", email="priya@example.org", body=body)
    return client.post(form["action"], data)


def test_post_page_is_served_from_the_cache_but_its_form_never_is(client, post, django_assert_num_queries):
    assert client.get(post.url)["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        hit = client.get(post.url)
    assert hit["X-Cache"] == "hit" and "public" in hit["Cache-Control"]
    for url in (f"{post.url}comment/", f"{post.url}comment/form/"):
        client.get(url)
        response = client.get(url)
        assert "X-Cache" not in response, url
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_visitors_comment_leaves_cached_pages_alone_until_an_editor_approves_it(
    client, post, django_capture_on_commit_callbacks
):
    client.get(post.url)
    client.get("/blog/")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_comment(client, post, "The second derivation was the clearer one.").status_code == 302
    assert client.get(post.url)["X-Cache"] == "hit"
    assert client.get("/blog/")["X-Cache"] == "hit"

    comment = Comment.objects.get(body__startswith="The second derivation")
    with django_capture_on_commit_callbacks(execute=True):
        ApproveCommentsAction.execute_action([comment])
    fresh = client.get(post.url)
    assert fresh["X-Cache"] == "miss"
    assert "The second derivation was the clearer one." in fresh.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        RejectCommentsAction.execute_action([comment])
    assert "The second derivation" not in client.get(post.url).content.decode()


def test_an_editor_hiding_a_comment_in_the_editor_refreshes_the_post(client, post, django_capture_on_commit_callbacks):
    shown = Comment.objects.approved().filter(post=post).first()
    assert shown.body[:30] in client.get(post.url).content.decode()
    shown.is_spam = True
    with django_capture_on_commit_callbacks(execute=True):
        shown.save()
    assert shown.body[:30] not in client.get(post.url).content.decode()
