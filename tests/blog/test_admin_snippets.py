import pytest

from blog.models import Author, BlogCategory, Comment, FeedSource

pytestmark = pytest.mark.django_db


def test_editors_can_open_every_blog_snippet_in_the_admin(admin_client, publish_post):
    post = publish_post("Admin check")
    objects = {
        "author": Author.objects.create(name="Ada"),
        "blogcategory": BlogCategory.objects.create(name="News", slug="news"),
        "feedsource": FeedSource.objects.create(
            name="Lab", feed_url="https://lab.example/feed", last_error="HTTP 404 from the feed"
        ),
        "comment": Comment.objects.create(post=post, name="Sam", email="s@example.org", body="Hi"),
    }
    for model, obj in objects.items():
        assert admin_client.get(f"/admin/snippets/blog/{model}/").status_code == 200, model
        assert admin_client.get(f"/admin/snippets/blog/{model}/add/").status_code == 200, model
        edit = admin_client.get(f"/admin/snippets/blog/{model}/edit/{obj.pk}/")
        assert edit.status_code == 200, model
    assert (
        "HTTP 404 from the feed"
        in admin_client.get(f"/admin/snippets/blog/feedsource/edit/{objects['feedsource'].pk}/").content.decode()
    )


def test_editor_adds_a_category_through_the_admin(admin_client, client, publish_post):
    response = admin_client.post(
        "/admin/snippets/blog/blogcategory/add/", {"name": "Ethics", "slug": "ethics", "description": "Responsible AI."}
    )
    assert response.status_code == 302
    publish_post("Fairness notes", category=BlogCategory.objects.get(slug="ethics"))
    assert "Fairness notes" in client.get("/blog/category/ethics/").content.decode()
