"""The post page is the same for every visitor; the comment form lives on comment/ (and comment/form/)."""

import pytest
from bs4 import BeautifulSoup

from blog.models import Comment

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_post_page_carries_no_per_visitor_tokens_and_links_to_the_form(client, publish_post):
    post = publish_post("Attention is a lookup")
    response = client.get(post.url)
    html = soup(response)
    assert html.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert html.find("input", attrs={"name": "form_token"}) is None
    assert not response.cookies
    slot = html.select_one("#comment-form-slot")
    assert slot["data-comment-form-url"] == f"{post.url}comment/form/"
    assert slot.find("a", string="Write a comment")["href"] == f"{post.url}comment/"
    assert html.find("script", src=lambda src: src and "comments" in src) is not None


def test_comment_page_holds_the_form_and_is_never_kept_by_a_cache(client, publish_post):
    post = publish_post("Attention is a lookup")
    response = client.get(f"{post.url}comment/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = soup(response)
    form = html.select_one("form#comment-form")
    assert form["action"] == f"{post.url}comment/" and form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    assert form.find("input", attrs={"name": "form_token"}) is not None
    assert html.find("h1").get_text() == "Comment on “Attention is a lookup”"
    assert html.find("a", href=f"{post.url}#comments") is not None
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_form_fragment_is_just_the_form_and_answers_a_reply_link(client, publish_post, approved_comment):
    post = publish_post("Attention is a lookup")
    parent = approved_comment(post, "Ana", "Lovely diagram.")
    fragment = client.get(f"{post.url}comment/form/", {"reply_to": parent.pk})
    assert fragment.status_code == 200 and "no-cache" in fragment["Cache-Control"]
    html = soup(fragment)
    assert html.find("html") is None and html.find("header") is None
    assert "Reply to Ana" in html.select_one("form#comment-form").get_text()
    assert html.find("input", attrs={"name": "parent"})["value"] == str(parent.pk)


def test_reply_to_an_unknown_comment_offers_a_plain_comment(client, publish_post):
    post = publish_post("Attention is a lookup")
    for junk in ["99999", "x", "-1", "9" * 40]:
        html = soup(client.get(f"{post.url}comment/form/", {"reply_to": junk}))
        assert html.select_one("form#comment-form h3").get_text() == "Leave a comment"


def test_a_form_opened_before_the_form_moved_still_posts_to_the_post(client, publish_post, comment_token):
    post = publish_post("Attention is a lookup")
    data = {"name": "Sam", "email": "sam@example.org", "body": "Old tab.", "website": "", "form_token": comment_token()}
    response = client.post(post.url, data)
    assert response.status_code == 302 and response["Location"].endswith("?comment=held#comments")
    assert Comment.objects.get().body == "Old tab."


def test_closed_comments_show_no_form_anywhere(client, publish_post):
    post = publish_post("Closed thread", comments_open=False)
    assert soup(client.get(post.url)).select_one("#comment-form-slot") is None
    for url in (f"{post.url}comment/", f"{post.url}comment/form/"):
        html = soup(client.get(url))
        assert html.select_one("form#comment-form") is None
        assert "Comments are closed" in html.get_text()


def test_other_methods_are_refused_on_the_comment_page(client, publish_post):
    post = publish_post("Attention is a lookup")
    assert client.put(f"{post.url}comment/").status_code == 405
