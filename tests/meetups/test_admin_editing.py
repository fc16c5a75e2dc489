"""Editors create meetups in the Wagtail admin; an end before the start is refused with a clear message."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from meetups.models import MeetupPage
from meetups.snippets import Venue

pytestmark = pytest.mark.django_db


def meetup_form(venue: Venue, speaker_ids: list[int], start: str, end: str, slug: str = "vision-night") -> dict:
    data = nested_form_data(
        {
            "title": "Vision night",
            "slug": slug,
            "start_at": start,
            "end_at": end,
            "status": "scheduled",
            "venue": venue.pk,
            "online_url": "",
            "rsvp_url": "https://www.meetup.com/toronto-ai/events/1/",
            "capacity_note": "",
            "description": streamfield([]),
            "talks": inline_formset([{"title": "Segment anything, carefully", "abstract": "", "slides_url": ""}]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["talks-0-speakers"] = speaker_ids  # a multiple choice: one value per speaker
    return data


def add_url(meetups_index) -> str:
    return f"/admin/pages/add/meetups/meetuppage/{meetups_index.pk}/"


def test_editor_publishes_a_meetup_with_a_talk_and_speakers(admin_client, meetups_index, venue, speaker):
    response = admin_client.post(
        add_url(meetups_index), meetup_form(venue, [speaker.pk], "2031-03-06 18:30", "2031-03-06 21:00")
    )

    assert response.status_code == 302, response.content[:2000]
    meetup = MeetupPage.objects.get(slug="vision-night")
    assert meetup.live
    assert meetup.local_start.isoformat() == "2031-03-06T18:30:00-05:00"
    (talk,) = meetup.talks.all()
    assert [s.name for s in talk.speakers.all()] == ["Ada Okafor"]


def test_end_before_start_is_refused_with_a_message_next_to_the_end_field(admin_client, meetups_index, venue):
    response = admin_client.post(add_url(meetups_index), meetup_form(venue, [], "2031-03-06 18:30", "2031-03-06 17:00"))

    assert response.status_code == 200
    assert not MeetupPage.objects.filter(slug="vision-night").exists()
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.select_one('[id$="end_at-errors"] .error-message').get_text(" ", strip=True)
    assert "The meetup must end after it starts" in text
    assert "Thursday, March 6, 2031, 6:30 p.m." in text


def test_model_validation_refuses_equal_start_and_end(make_meetup):
    meetup = make_meetup()
    meetup.end_at = meetup.start_at

    with pytest.raises(ValidationError) as excinfo:
        meetup.full_clean()

    assert "end_at" in excinfo.value.message_dict


def test_slug_speakers_is_reserved_for_speaker_pages(admin_client, meetups_index, venue):
    form = meetup_form(venue, [], "2031-03-06 18:30", "2031-03-06 21:00", slug="speakers")

    response = admin_client.post(add_url(meetups_index), form)

    assert response.status_code == 200
    assert b"is reserved for the speakers&#x27; pages" in response.content


def test_venue_needs_both_coordinates_or_neither(db):
    venue = Venue(name="Somewhere", street_address="1 Main St", latitude="43.6")

    with pytest.raises(ValidationError, match="both latitude and longitude"):
        venue.full_clean()


def test_editor_can_open_the_meetup_editor_and_each_snippet_list(admin_client, make_meetup, speaker):
    meetup = make_meetup(talks=[{"title": "Edited later", "speakers": [speaker]}])

    editor = admin_client.get(f"/admin/pages/{meetup.pk}/edit/")

    assert editor.status_code == 200
    assert b"Edited later" in editor.content
    for model in ("venue", "speaker", "sponsor"):
        assert admin_client.get(f"/admin/snippets/meetups/{model}/").status_code == 200, model
        assert admin_client.get(f"/admin/snippets/meetups/{model}/add/").status_code == 200, model
