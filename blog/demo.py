"""Demo content for the blog (used by ``seed_demo``)."""

from toronto_ai.home.demo import ensure_child

from .models import BlogIndexPage


def seed(home, log) -> BlogIndexPage:
    index = ensure_child(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        intro="<p>Notes from our meetups, and writing from the AI community we think is worth your time.</p>",
    )
    log("blog: index ready")
    return index
