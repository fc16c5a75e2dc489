"""The listing, a meetup page and the calendar feed cost the same few queries with 10 or 500 meetups."""

import pytest
from django.core.cache import cache

from meetups import bench_seed
from meetups.models import MeetupPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
PAGES = {
    "index": lambda: "/meetups/",
    "meetup page": lambda: MeetupPage.objects.live().upcoming().first().url,
    "calendar feed": lambda: "/meetups/calendar.ics",
    "one meetup's ics": lambda: f"/meetups/{MeetupPage.objects.live().past().first().slug}/event.ics",
    "speaker page": lambda: "/meetups/speakers/bench-speaker-0/",
    "home page": lambda: "/",
}


def queries_for(client, url: str, assert_max) -> int:
    cache.clear()
    client.get(url)  # warm the per-process caches (content types, site root paths), as in production
    with assert_max(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", PAGES)
def test_page_runs_the_same_few_queries_with_10_or_500_meetups(
    client, meetups_index, django_assert_max_num_queries, name
):
    bench_seed.seed(10)
    with_10 = queries_for(client, PAGES[name](), django_assert_max_num_queries)

    bench_seed.seed(490)
    with_500 = queries_for(client, PAGES[name](), django_assert_max_num_queries)

    assert with_10 == with_500
