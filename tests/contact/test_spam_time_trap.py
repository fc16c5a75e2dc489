"""The signed time trap: a form sent back too fast, too late, altered or twice is refused."""

import time_machine
from django import forms

from toronto_ai.contact.spam import (
    HONEYPOT_FIELD,
    TIME_TRAP_FIELD,
    SpamProtectedFormMixin,
    SpamReason,
    check_time_token,
    issue_time_token,
)

START = "2026-11-28 12:00:00+00:00"


class NoteForm(SpamProtectedFormMixin, forms.Form):
    spam_scope = "note-test"
    body = forms.CharField(max_length=200)


def submit(token, **data):
    form = NoteForm(data={"body": "Hello", TIME_TRAP_FIELD: token, **data})
    return form, form.is_valid()


def shown_at(start=START):
    with time_machine.travel(start, tick=False):
        return NoteForm()[TIME_TRAP_FIELD].value()


def test_form_sent_after_a_few_seconds_is_accepted(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:05+00:00", tick=False):
        form, valid = submit(token)
    assert valid and form.spam_reason is None


def test_form_sent_back_in_under_three_seconds_is_refused_with_a_message(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:02+00:00", tick=False):
        form, valid = submit(token)
    assert not valid
    assert form.spam_reason == SpamReason.TOO_FAST
    assert "send it again" in form.non_field_errors()[0]
    assert form["body"].value() == "Hello"


def test_form_older_than_a_day_is_refused_and_gets_a_fresh_token(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-29 12:00:01+00:00", tick=False):
        form, valid = submit(token)
        assert not valid and form.spam_reason == SpamReason.EXPIRED
        fresh = form[TIME_TRAP_FIELD].value()
    assert fresh != token
    with time_machine.travel("2026-11-29 12:00:30+00:00", tick=False):
        form, valid = submit(fresh)
    assert valid


def test_altered_or_missing_token_is_refused(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:10+00:00", tick=False):
        assert submit(token[:-2] + "xx")[0].spam_reason == SpamReason.BAD_TOKEN
        assert submit("")[0].spam_reason == SpamReason.BAD_TOKEN
        assert submit("\x00é" * 1000)[0].spam_reason == SpamReason.BAD_TOKEN


def test_token_from_another_form_is_not_accepted():
    with time_machine.travel(START, tick=False):
        token = issue_time_token("comment")
    with time_machine.travel("2026-11-28 12:00:10+00:00", tick=False):
        assert check_time_token(token, "contact") == SpamReason.BAD_TOKEN
        assert check_time_token(token, "comment") is None


def test_limits_are_configurable(settings, real_cache):
    settings.SPAM_TIME_TRAP_MIN_SECONDS = 10
    settings.SPAM_TIME_TRAP_MAX_AGE = 60
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:05+00:00", tick=False):
        assert submit(token)[0].spam_reason == SpamReason.TOO_FAST
    with time_machine.travel("2026-11-28 12:02:00+00:00", tick=False):
        assert submit(token)[0].spam_reason == SpamReason.EXPIRED


def test_same_page_view_cannot_be_accepted_twice_through_the_shared_cache(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:05+00:00", tick=False):
        assert submit(token)[1]
        form, valid = submit(token)
    assert not valid and form.spam_reason == SpamReason.REPLAYED


def test_fixing_a_field_error_from_the_same_page_still_works(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:05+00:00", tick=False):
        form = NoteForm(data={"body": "", TIME_TRAP_FIELD: token})
        assert not form.is_valid() and form.spam_reason is None
        assert submit(token)[1]


def test_filled_honeypot_validates_but_is_reported_as_spam(real_cache):
    token = shown_at()
    with time_machine.travel("2026-11-28 12:00:05+00:00", tick=False):
        form, valid = submit(token, **{HONEYPOT_FIELD: "http://cheap.example"})
    assert valid
    assert form.is_spam and form.spam_reason == SpamReason.HONEYPOT


def test_honeypot_is_hidden_from_people_and_the_tab_order():
    html = str(NoteForm()[HONEYPOT_FIELD])
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
