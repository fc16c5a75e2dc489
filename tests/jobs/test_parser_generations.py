"""The parser reads every markup generation of Indeed's result pages (our invented fixtures)."""

from datetime import date

import pytest

from jobs.indeed import parse_results_page

from .conftest import fixture_html


def parse(name, fetched_at):
    return parse_results_page(fixture_html(name), base_url="https://ca.indeed.com", fetched_at=fetched_at)


def by_key(page):
    return {posting.key: posting for posting in page.postings}


def test_2018_cards_give_titles_companies_locations_and_relative_dates(fetched_at):
    page = parse("g1_2018_results.html", fetched_at)
    assert [p.title for p in page.postings] == [
        "Machine Learning Engineer, Recommendations",
        "Data Scientist, Credit Risk",
        "Warehouse Associate",
        "Research Scientist, Deep Learning",
    ]
    sponsored, credit, warehouse, research = page.postings
    assert sponsored.sponsored and not credit.sponsored
    assert sponsored.company == "Maple Neural Labs"
    assert sponsored.location == "Toronto, ON (Liberty Village area)"
    assert credit.posted_on == date(2026, 2, 19)  # "5 days ago" from 24 February
    assert warehouse.posted_on == date(2026, 1, 25)  # "30+ days ago"
    assert research.posted_on == date(2026, 2, 24) and research.remote
    assert credit.snippet == "Build credit models with machine learning and explain them to regulators."
    assert (page.total, page.next_start) == (57, 10)


def test_2020_unified_cards_give_salary_and_drop_repeated_keys(fetched_at):
    page = parse("g2_2020_results.html", fetched_at)
    assert [p.key for p in page.postings] == ["3344556677889900", "5566778899aabbcc"]
    vision, nlp = page.postings
    assert vision.salary == "$95,000 - $120,000 a year"
    assert vision.posted_on == date(2026, 2, 24)  # "Today"
    assert nlp.sponsored and nlp.remote and nlp.salary is None
    assert vision.snippet == "Design deep learning models for retail shelf cameras. Own the labelling pipeline."
    assert (page.total, page.next_start) == (134, 20)


def test_2023_page_is_read_from_the_embedded_json(fetched_at):
    page = parse("g3_2023_results.html", fetched_at)
    jobs = by_key(page)
    assert len(page.postings) == 5, "the expired posting in the JSON is left out"
    engineer = jobs["033e506f2deab322"]
    assert (engineer.title, engineer.company, engineer.location) == (
        "Machine Learning Engineer",
        "Don Valley Analytics",
        "Toronto, ON",
    )
    assert engineer.salary == "$110,000 - $140,000 a year"
    assert engineer.posted_on == date(2023, 1, 31)  # pubDate wins over "3 days ago"
    assert engineer.snippet == "Deploy machine learning models for demand forecasting. Python, SQL & Spark."
    manager = jobs["dcab8922584b87b1"]
    assert manager.sponsored and manager.remote and manager.company == "Yonge & Eglinton Software"
    assert manager.posted_on == date(2026, 2, 24)  # no pubDate: "Just posted" at fetch time
    assert jobs["2300c7a099694a2c"].remote is False, "hybrid work is not remote"
    assert (page.total, page.next_start) == (1204, 10)


def test_2024_testid_markup_and_remote_work_model(fetched_at):
    page = parse("g4_2024_results.html", fetched_at)
    jobs = by_key(page)
    assert len(jobs) == 4
    assert jobs["d6ae11a4a4cbdfc4"].remote and jobs["d6ae11a4a4cbdfc4"].location == "Mississauga, ON"
    assert jobs["d65414b69c82d3d9"].salary == "$28 - $34 an hour"
    assert (page.total, page.next_start) == (86, 20)


def test_2026_page_drops_the_decoy_and_takes_dates_from_json_only(fetched_at):
    page = parse("g4_2026_results.html", fetched_at)
    keys = [p.key for p in page.postings]
    assert "cdef0123456789ab" not in keys
    assert keys == ["8ffa402af240859f", "089b39b9efe33a16", "51039b6eb1abb399", "4c23d8488a11e5cc"]
    assert [p.posted_on for p in page.postings] == [
        date(2026, 2, 24),
        date(2026, 2, 19),
        date(2026, 2, 10),
        date(2026, 2, 22),
    ]
    assert page.total is None and page.next_start is None


@pytest.mark.parametrize("name", ["g3_2023_results.html", "g4_2024_results.html", "g4_2026_results.html"])
def test_cards_are_read_when_the_json_is_missing(name, fetched_at):
    with_json = parse(name, fetched_at)
    html = fixture_html(name).replace('mosaic-provider-jobcards"]=', 'mosaic-provider-renamed"]=')
    without_json = parse_results_page(html, fetched_at=fetched_at)
    assert [p.key for p in without_json.postings] == [p.key for p in with_json.postings]
    assert [p.title for p in without_json.postings] == [p.title for p in with_json.postings]
    assert "cdef0123456789ab" not in {p.key for p in without_json.postings}


def test_employer_activity_is_not_taken_for_a_posting_date(fetched_at):
    html = fixture_html("g4_2024_results.html").replace('mosaic-provider-jobcards"]=', 'x"]=')
    researcher = by_key(parse_results_page(html, fetched_at=fetched_at))["091e2790f42ae58e"]
    assert researcher.posted_on is None


@pytest.mark.parametrize(
    "name", ["g1_2018_results.html", "g2_2020_results.html", "g3_2023_results.html", "g4_2026_results.html"]
)
def test_links_are_clean_viewjob_urls_on_the_given_site(name, fetched_at):
    page = parse_results_page(fixture_html(name), base_url="https://www.indeed.com/", fetched_at=fetched_at)
    assert page.postings
    for posting in page.postings:
        assert posting.url == f"https://www.indeed.com/viewjob?jk={posting.key}"
