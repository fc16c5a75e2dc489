"""The fetcher is polite and robust: backoff on 429/5xx honouring Retry-After, an immediate stop
on 403 or a block page, timeouts retried, an honest User-Agent, pauses and a page limit.
Indeed is replaced by ``responses``; sleeps are recorded instead of slept."""

import pytest
import requests
import responses
from responses import matchers

from jobs.fetch import FetchFailed, FetchPolicy, IndeedFetcher, RateLimited, ScrapeBlocked

from .conftest import SEARCH_URL, fixture_html

G3 = fixture_html("g3_2023_results.html")
LAST = fixture_html("g4_2026_results.html")


def pages(fetcher, max_pages=3):
    return list(fetcher.search("machine learning", "Toronto, ON", 50, max_pages))


@responses.activate
def test_requests_name_the_site_and_carry_timeouts(fetcher, settings):
    responses.get(SEARCH_URL, body=LAST)
    fetched = pages(fetcher)
    request = responses.calls[0].request
    assert "TorontoAIJobsBot" in request.headers["User-Agent"] and "torontoai.org" in request.headers["User-Agent"]
    assert request.req_kwargs["timeout"] == (settings.JOBS_CONNECT_TIMEOUT, settings.JOBS_READ_TIMEOUT)
    assert "q=machine+learning" in request.url and "start=0" in request.url
    assert len(fetched) == 1 and len(fetched[0].page.postings) == 4


@responses.activate
def test_429_waits_as_long_as_retry_after_says_then_succeeds(fetcher, sleeps):
    responses.get(SEARCH_URL, status=429, headers={"Retry-After": "42"})
    responses.get(SEARCH_URL, body=LAST)
    assert len(pages(fetcher)) == 1
    assert sleeps == [42.0]
    assert len(responses.calls) == 2


@responses.activate
def test_503_is_retried_with_exponential_backoff(sleeps, settings):
    settings.JOBS_BACKOFF_SECONDS = 2
    responses.get(SEARCH_URL, status=503)
    responses.get(SEARCH_URL, status=502)
    responses.get(SEARCH_URL, body=LAST)
    fetcher = IndeedFetcher(sleep=sleeps.append)
    assert len(pages(fetcher)) == 1
    assert sleeps == [2, 4]


@responses.activate
def test_403_stops_at_once_without_retrying(fetcher, sleeps):
    responses.get(SEARCH_URL, status=403, body="Forbidden")
    with pytest.raises(ScrapeBlocked):
        pages(fetcher)
    assert len(responses.calls) == 1 and sleeps == []


@responses.activate
def test_a_block_page_served_with_200_stops_at_once(fetcher):
    responses.get(SEARCH_URL, body=fixture_html("block_cloudflare.html"))
    with pytest.raises(ScrapeBlocked):
        pages(fetcher)
    assert len(responses.calls) == 1


@responses.activate
def test_a_block_page_mid_search_stops_after_the_good_pages(fetcher):
    responses.get(SEARCH_URL, body=G3, match=[matchers.query_param_matcher({"start": "0"}, strict_match=False)])
    responses.get(
        SEARCH_URL,
        body=fixture_html("block_request_blocked.html"),
        match=[matchers.query_param_matcher({"start": "10"}, strict_match=False)],
    )
    seen = []
    with pytest.raises(ScrapeBlocked):
        for fetched in fetcher.search("ai", "Toronto, ON", 50, 5):
            seen.append(fetched.start)
    assert seen == [0] and len(responses.calls) == 2


@responses.activate
def test_timeouts_are_retried_then_reported(sleeps, settings):
    settings.JOBS_MAX_RETRIES = 2
    responses.get(SEARCH_URL, body=requests.ConnectTimeout("connect timed out"))
    responses.get(SEARCH_URL, body=requests.ReadTimeout("read timed out"))
    responses.get(SEARCH_URL, body=requests.ReadTimeout("read timed out"))
    with pytest.raises(FetchFailed, match="ReadTimeout after 3 attempts"):
        pages(IndeedFetcher(sleep=sleeps.append))
    assert len(responses.calls) == 3 and len(sleeps) == 2


@responses.activate
def test_a_timeout_then_success_recovers(fetcher):
    responses.get(SEARCH_URL, body=requests.ReadTimeout("slow"))
    responses.get(SEARCH_URL, body=LAST)
    assert len(pages(fetcher)) == 1


@responses.activate
def test_persistent_429_gives_up_the_run(sleeps, settings):
    settings.JOBS_MAX_RETRIES = 1
    responses.get(SEARCH_URL, status=429)
    with pytest.raises(RateLimited):
        pages(IndeedFetcher(sleep=sleeps.append))
    assert len(responses.calls) == 2


@responses.activate
def test_a_retry_after_longer_than_allowed_gives_up_instead_of_waiting(fetcher, sleeps, settings):
    settings.JOBS_MAX_RETRY_AFTER_SECONDS = 60
    responses.get(SEARCH_URL, status=429, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimited):
        pages(IndeedFetcher(sleep=sleeps.append))
    assert sleeps == [] and len(responses.calls) == 1


@responses.activate
def test_other_client_errors_fail_the_search_without_retrying(fetcher):
    responses.get(SEARCH_URL, status=404)
    with pytest.raises(FetchFailed, match="HTTP 404"):
        pages(fetcher)
    assert len(responses.calls) == 1


@responses.activate
def test_pages_follow_next_start_with_a_pause_and_stop_at_the_page_limit(sleeps):
    policy = FetchPolicy.from_settings()
    policy = FetchPolicy(**{**policy.__dict__, "pause": 5.0, "jitter": 2.0})
    responses.get(SEARCH_URL, body=G3)
    fetcher = IndeedFetcher(policy=policy, sleep=sleeps.append)
    fetched = list(fetcher.search("ai", "Toronto, ON", 50, 3))
    assert [f.start for f in fetched] == [0, 10]
    assert len(responses.calls) == 2, "the same next_start twice ends the search instead of looping"
    assert len(sleeps) == 1 and 5.0 <= sleeps[0] <= 7.0


@responses.activate
def test_the_page_limit_is_respected(fetcher):
    responses.get(SEARCH_URL, body=G3, match=[matchers.query_param_matcher({"start": "0"}, strict_match=False)])
    responses.get(
        SEARCH_URL,
        body=fixture_html("g4_2024_results.html"),
        match=[matchers.query_param_matcher({"start": "10"}, strict_match=False)],
    )
    assert [f.start for f in fetcher.search("ai", "Toronto, ON", 50, 2)] == [0, 10]
    assert len(responses.calls) == 2


@responses.activate
def test_a_broken_download_is_retried_and_a_redirect_loop_is_not(fetcher):
    responses.get(SEARCH_URL, body=requests.exceptions.ChunkedEncodingError("connection broken"))
    responses.get(SEARCH_URL, body=LAST)
    assert len(pages(fetcher)) == 1
    responses.reset()
    responses.get(SEARCH_URL, body=requests.TooManyRedirects("loop"))
    with pytest.raises(FetchFailed, match="TooManyRedirects"):
        pages(fetcher)
    assert len(responses.calls) == 1
