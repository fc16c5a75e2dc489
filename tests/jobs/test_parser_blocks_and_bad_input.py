"""Block pages are reported as blocked, unknown markup as unrecognised, and bad HTML never
crashes the parser with anything else."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobs.indeed import BlockedPage, IndeedPageError, UnrecognizedPage, parse_results_page

from .conftest import fixture_html


@pytest.mark.parametrize(
    "name",
    [
        "block_cloudflare.html",
        "block_security_check.html",
        "block_request_blocked.html",
        "block_untitled_challenge.html",
    ],
)
def test_challenge_and_block_pages_raise_blocked(name):
    with pytest.raises(BlockedPage):
        parse_results_page(fixture_html(name))


def test_a_page_in_unknown_markup_is_unrecognised_not_zero_jobs():
    with pytest.raises(UnrecognizedPage):
        parse_results_page(fixture_html("unrecognized.html"))


def test_a_search_without_matches_is_an_empty_result():
    page = parse_results_page(fixture_html("no_results.html"))
    assert page.postings == () and page.next_start is None


def test_results_pages_that_load_cloudflare_scripts_are_not_taken_for_blocks():
    page = parse_results_page(fixture_html("g4_2026_results.html"))
    assert len(page.postings) == 4


def test_pages_given_as_bytes_are_read_too():
    page = parse_results_page(fixture_html("g4_2026_results.html").encode() + b"\xff\xfe")
    assert len(page.postings) == 4


def test_truncated_json_falls_back_to_the_cards():
    html = fixture_html("g4_2026_results.html")
    cut = html.index('"results":') + 40
    broken = html[:cut] + "</script>" + html[html.index("</ul></div>") :]
    page = parse_results_page(broken)
    assert [p.title for p in page.postings][:2] == ["Generative AI Engineer", "Machine Learning Scientist"]


def test_cards_without_a_usable_key_or_title_are_skipped():
    html = fixture_html("g1_2018_results.html").replace('data-jk="0f1e2d3c4b5a6978"', 'data-jk="not-a-key"')
    keys = [p.key for p in parse_results_page(html).postings]
    assert "0f1e2d3c4b5a6978" not in keys and len(keys) == 3


@pytest.mark.parametrize("html", ["", "   ", "<html", "\x00\x01binary", "<div data-jk='zz'>"])
def test_empty_or_garbage_input_is_unrecognised(html):
    with pytest.raises(UnrecognizedPage):
        parse_results_page(html)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["g1_2018_results.html", "g4_2026_results.html"]))
def test_mangled_pages_never_raise_anything_but_page_errors(noise, name):
    html = fixture_html(name)
    at = len(noise) * 7 % len(html)
    try:
        page = parse_results_page(html[:at] + noise + html[at + len(noise) :])
    except IndeedPageError:
        return
    assert all(len(p.key) == 16 for p in page.postings)
