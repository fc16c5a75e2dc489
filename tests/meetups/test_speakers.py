"""A speaker's page lists every published talk they gave, newest first, with slides and video."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from meetups.snippets import Speaker

pytestmark = pytest.mark.django_db


def test_speaker_page_lists_all_their_published_talks_newest_first(client, make_meetup, speaker):
    other = Speaker.objects.create(name="Someone Else")
    now = timezone.now()
    make_meetup(title="Spring", start=now - timedelta(days=200), talks=[{"title": "Old talk", "speakers": [speaker]}])
    make_meetup(
        title="Autumn",
        start=now - timedelta(days=20),
        talks=[
            {"title": "Recent talk", "speakers": [speaker, other], "video_url": "https://video.example.com/r"},
            {"title": "Not theirs", "speakers": [other]},
        ],
    )
    make_meetup(title="Draft", publish=False, talks=[{"title": "Unannounced talk", "speakers": [speaker]}])

    response = client.get(f"/meetups/speakers/{speaker.slug}/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Ada Okafor"
    assert "speech recognition" in soup.select_one(".speaker__bio").get_text()
    assert [t.get_text() for t in soup.select(".talk__title")] == ["Recent talk", "Old talk"]
    assert soup.select_one(".talk__links a")["href"] == "https://video.example.com/r"


def test_unknown_speaker_is_not_found(client, meetups_index):
    assert client.get("/meetups/speakers/nobody/").status_code == 404


def test_speakers_get_distinct_slugs_from_their_names(db):
    first = Speaker.objects.create(name="Sam Lee")
    second = Speaker.objects.create(name="Sam Lee")

    assert (first.slug, second.slug) == ("sam-lee", "sam-lee-2")
