"""Relative dates become real dates; only AI/ML postings are kept."""

from datetime import UTC, date, datetime

import pytest

from jobs.dates import date_from_epoch_ms, posted_on_from_text
from jobs.indeed import Posting
from jobs.relevance import is_relevant, split_relevant

FETCHED = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Just posted", date(2026, 3, 2)),
        ("Today", date(2026, 3, 2)),
        ("PostedToday", date(2026, 3, 2)),
        ("Posted 1 day ago", date(2026, 3, 1)),
        ("3 days ago", date(2026, 2, 27)),
        ("30+ days ago", date(2026, 1, 31)),
        ("Active 5 days ago", date(2026, 2, 25)),
        ("5 hours ago", date(2026, 3, 2)),
        ("Employer Active 3 days ago", None),
        ("Hiring ongoing", None),
        ("", None),
        (None, None),
        ("sometime", None),
    ],
)
def test_relative_dates_count_back_from_the_fetch(text, expected):
    assert posted_on_from_text(text, FETCHED) == expected


def test_epoch_milliseconds_become_dates_and_nonsense_is_ignored():
    assert date_from_epoch_ms(1771826400000) == date(2026, 2, 23)
    for nonsense in (None, "1771826400000", True, -5, 10**20):
        assert date_from_epoch_ms(nonsense) is None


def posting(title, snippet=""):
    return Posting(
        key="0" * 16,
        title=title,
        company="Example",
        location="Toronto, ON",
        url="https://ca.indeed.com/viewjob?jk=" + "0" * 16,
        salary=None,
        posted_on=None,
        sponsored=False,
        remote=False,
        snippet=snippet,
    )


@pytest.mark.parametrize(
    "title",
    ["Machine Learning Engineer", "Senior AI Developer", "Data Scientists", "NLP Researcher", "LLM Platform Lead"],
)
def test_ai_and_ml_titles_are_relevant(title):
    assert is_relevant(posting(title))


@pytest.mark.parametrize("title", ["Warehouse Associate", "Email Marketing Lead", "Paint Sprayer", "HTML Developer"])
def test_other_titles_are_not(title):
    assert not is_relevant(posting(title))


def test_the_snippet_counts_too_and_the_vocabulary_is_configurable(settings):
    assert is_relevant(posting("Software Developer", "You will build deep learning pipelines."))
    settings.JOBS_RELEVANCE_TERMS = ["quantum"]
    assert not is_relevant(posting("Machine Learning Engineer"))
    assert is_relevant(posting("Quantum Engineer"))


def test_filtered_postings_are_counted():
    kept, dropped = split_relevant([posting("AI Engineer"), posting("Line Cook"), posting("Chef")])
    assert [p.title for p in kept] == ["AI Engineer"] and dropped == 2
