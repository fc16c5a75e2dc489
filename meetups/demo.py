"""Demo content for meetups (used by ``seed_demo``)."""

from toronto_ai.home.demo import ensure_child

from .models import MeetupIndexPage


def seed(home, log) -> MeetupIndexPage:
    index = ensure_child(
        home,
        MeetupIndexPage,
        "meetups",
        title="Meetups",
        intro="<p>Talks, demos and conversation, usually once a month in downtown Toronto.</p>",
    )
    log("meetups: index ready")
    return index
