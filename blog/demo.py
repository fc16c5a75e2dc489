"""Demo content for the blog (used by ``seed_demo``): idempotent, creates nothing twice."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from toronto_ai.home.demo import ensure_child

from .demo_posts import AUTHORS, CATEGORIES, COMMENTS, POSTS
from .models import Author, BlogCategory, BlogIndexPage, BlogPostPage, Comment, FeedSource

DEMO_IMAGE_TITLE = "Demo: training curve"


def _demo_image():
    model = get_image_model()
    existing = model.objects.filter(title=DEMO_IMAGE_TITLE).first()
    if existing:
        return existing
    if Collection.get_first_root_node() is None:  # a flushed database (transactional tests) has none
        Collection.add_root(name="Root")
    picture = PILImage.new("RGB", (1200, 630), (36, 52, 94))
    for x in range(0, 1200, 4):  # a falling loss curve, drawn pixel by pixel
        y = int(560 - 480 / (1 + x / 120))
        picture.paste((240, 170, 60), (x, 630 - y, x + 4, 630 - y + 6))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return model.objects.create(title=DEMO_IMAGE_TITLE, file=ImageFile(buffer, name="demo-training-curve.png"))


def _body(raw: list, image) -> list:
    body = []
    for kind, value in raw:
        if kind == "image":
            value = {"image": image, "alt": "A loss curve falling steeply, then flattening", "caption": "Loss by step"}
        body.append((kind, value))
    return body


def _seed_comments(index: BlogIndexPage) -> None:
    """A few approved comments (one a reply) and one waiting for moderation."""
    if Comment.objects.filter(post__in=BlogPostPage.objects.child_of(index)).exists():
        return
    posts = {post.slug: post for post in BlogPostPage.objects.child_of(index)}
    created: list[Comment] = []
    for n, (slug, name, body, approved, reply_to) in enumerate(COMMENTS):
        created.append(
            Comment.objects.create(
                post=posts[slug],
                parent=created[reply_to] if reply_to is not None else None,
                name=name,
                email=f"{name.split()[0].lower()}@example.org",
                body=body,
                approved=approved,
                created=timezone.now() - datetime.timedelta(hours=len(COMMENTS) - n),
            )
        )


def seed(home, log) -> BlogIndexPage:
    index = ensure_child(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        intro="<p>Notes from our meetups, and writing from the AI community we think is worth your time.</p>",
    )
    categories = {
        slug: BlogCategory.objects.get_or_create(slug=slug, defaults={"name": name, "description": text})[0]
        for name, slug, text in CATEGORIES
    }
    authors = [Author.objects.get_or_create(name=name, defaults={"bio": bio})[0] for name, bio in AUTHORS]
    image = _demo_image()
    created = 0
    for data in POSTS:
        if BlogPostPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        post = BlogPostPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            date=timezone.now() - datetime.timedelta(days=data["days_ago"]),
            category=categories[data["category"]],
            source_url=data.get("source_url", ""),
            source_name=data.get("source_name", ""),
            body=_body(data["body"], image),
            hero_image=image if data["slug"].startswith("your-first") else None,
        )
        post.authors = [authors[i] for i in data["authors"]]
        post.tags.add(*data["tags"])
        index.add_child(instance=post)
        post.save_revision().publish()
        created += 1
    _seed_comments(index)
    FeedSource.objects.get_or_create(
        feed_url="https://example.org/feeds/ml-journal.xml",
        defaults={"name": "Example ML Journal", "category": categories["research"], "active": True},
    )
    log(f"blog: index ready, {created} posts created")
    return index
