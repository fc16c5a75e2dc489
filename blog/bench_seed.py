"""Create many published posts quickly, for the benchmark database (not used by the site).

``index.add_child`` runs several queries per page (tree locking, revisions, search index), far
too slow for thousands of posts. Here the tree rows are written in bulk with the paths
treebeard would have given them: each child's path is the parent's path plus a 4-character
base-36 step, its depth one more than the parent's, and its url_path the parent's plus the slug.
"""

import datetime
from collections.abc import Callable

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page
from wagtail.rich_text import RichText

from .models import Author, BlogCategory, BlogIndexPage, BlogPostPage, BlogPostTag

BATCH = 500
TAGS = ["llm", "vision", "reinforcement-learning", "mlops", "ethics"]


def _next_step(index: Page) -> int:
    last = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("-path").first()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _insert_post_rows(posts: list[BlogPostPage]) -> None:
    """The blog_blogpostpage rows (Django's bulk_create refuses multi-table inheritance)."""
    fields = BlogPostPage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(BlogPostPage._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    rows = [[field.get_db_prep_save(getattr(post, field.attname), connection) for field in fields] for post in posts]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _build_posts(index: Page, start: int, count: int, categories, now: datetime.datetime) -> list[BlogPostPage]:
    posts = []
    for n in range(start, start + count):
        slug = f"bench-post-{n}"
        published = now - datetime.timedelta(hours=n)
        posts.append(
            BlogPostPage(
                title=f"Benchmark post {n}",
                draft_title=f"Benchmark post {n}",
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, n),
                depth=index.depth + 1,
                url_path=f"{index.url_path}{slug}/",
                locale_id=index.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                date=published,
                intro=f"Benchmark post number {n}, with an excerpt of about the usual length for a listing.",
                category=categories[n % len(categories)],
                body=[("paragraph", RichText(f"<p>Body of benchmark post {n}.</p>"))],
                reading_minutes=1,
            )
        )
    return posts


def seed(count: int, progress: Callable[[int], None] | None = None) -> None:
    """Add ``count`` published posts (with a category, an author and tags) under the blog index."""
    index = BlogIndexPage.objects.first()
    if index is None:
        raise RuntimeError("Create the blog index first (manage.py seed_demo)")
    categories = list(BlogCategory.objects.all()) or [BlogCategory.objects.default()]
    author, _ = Author.objects.get_or_create(name="Benchmark Author")
    tags = [Tag.objects.get_or_create(slug=name, defaults={"name": name})[0] for name in TAGS]
    page_fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
    now = timezone.now()
    done = 0
    with transaction.atomic():
        start = _next_step(index)
        while done < count:
            size = min(BATCH, count - done)
            posts = _build_posts(index, start + done, size, categories, now)
            pages = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(post, f.attname) for f in page_fields}) for post in posts]
            )
            for post, page in zip(posts, pages, strict=True):
                post.pk = post.page_ptr_id = page.pk
            _insert_post_rows(posts)
            BlogPostPage.authors.through.objects.bulk_create(
                [BlogPostPage.authors.through(blogpostpage_id=post.pk, author_id=author.pk) for post in posts]
            )
            BlogPostTag.objects.bulk_create(
                [BlogPostTag(content_object_id=post.pk, tag=tags[i % len(tags)]) for i, post in enumerate(posts)]
            )
            done += size
            if progress:
                progress(done)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    if connection.vendor == "postgresql":  # fresh planner statistics, as autovacuum would give a live site
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailcore_page, blog_blogpostpage, blog_blogposttag, blog_blogpostpage_authors")


def bench_urls() -> list[tuple[str, str]]:
    """The blog's other public URLs for the benchmark: a category, a tag and the feeds."""
    index = BlogIndexPage.objects.live().first()
    if index is None:
        return []
    base = index.url
    urls = [("blog feed (RSS)", f"{base}feed/"), ("blog feed (Atom)", f"{base}feed/atom/")]
    category = BlogCategory.objects.annotate(n=Count("posts")).order_by("-n", "pk").first()
    if category:
        urls.insert(0, ("blog category", f"{base}category/{category.slug}/"))
    urls.insert(1, ("blog tag", f"{base}tag/{TAGS[0]}/"))
    return urls
