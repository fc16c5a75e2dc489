"""Every real Indeed page in ../shared/indeed (kept outside the repo) against its README.

The expected values are read from that README at test time, so no job key or text from those
pages is copied into this repository."""

import re
from datetime import UTC, datetime

import pytest

from jobs.indeed import BlockedPage, parse_results_page

from .conftest import SHARED_INDEED

HEADING = re.compile(r"^###\s+(\S+\.html)\s*(?:\((G\d)[^)]*?(\d+)\s+jobs)?")
ROW = re.compile(r"^-\s+([0-9a-f]{16})\s+\|")
NOTE = re.compile(r"\s+\((sponsored|first organic|card: [^)]*)\)")
DECOY = re.compile(r"decoy `([0-9a-f]{16})`")


def _readme_expectations() -> dict[str, dict]:
    expected: dict[str, dict] = {}
    current = None
    for line in (SHARED_INDEED / "README.md").read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            name, _, count = heading.groups()
            decoy = DECOY.search(line)
            current = expected.setdefault(
                name,
                {
                    "count": int(count) if count else None,
                    "blocked": "blocked" in line.lower(),
                    "rows": [],
                    "decoy": decoy.group(1) if decoy else None,
                },
            )
            continue
        if current is not None and ROW.match(line.strip()):
            key, title, company, rest = (part.strip() for part in line.strip()[2:].split(" | ", 3))
            location = rest.split(" | ")[0]
            notes = NOTE.findall(location)
            current["rows"].append(
                {
                    "key": key,
                    "title": title,
                    "company": company,
                    "location": NOTE.sub("", location),
                    "sponsored": "sponsored" in notes,
                    "remote_card": any(note.startswith('card: "Remote') for note in notes),
                }
            )
    return expected


def _pages() -> list[str]:
    if not SHARED_INDEED.is_dir():
        return []
    return sorted(path.name for path in SHARED_INDEED.glob("*.html"))


@pytest.fixture(scope="module")
def expectations():
    if not SHARED_INDEED.is_dir():
        pytest.skip(f"{SHARED_INDEED} is not present")
    return _readme_expectations()


def test_the_shared_folder_is_read_when_present(expectations):
    assert len(expectations) >= 6 and all(name in expectations for name in _pages())


@pytest.mark.parametrize("name", _pages() or ["(no shared pages)"])
def test_real_page_matches_the_readme(name, expectations):
    expected = expectations[name]
    html = (SHARED_INDEED / name).read_text(encoding="utf-8", errors="replace")
    if expected["blocked"] or name.startswith("block_"):
        with pytest.raises(BlockedPage):
            parse_results_page(html)
        return
    page = parse_results_page(html, fetched_at=datetime(2026, 2, 24, 12, tzinfo=UTC))
    postings = {p.key: p for p in page.postings}
    assert len(page.postings) == expected["count"]
    if expected["decoy"]:
        assert expected["decoy"] not in postings
    assert expected["rows"], "the README lists sample rows for every results page"
    for row in expected["rows"]:
        posting = postings[row["key"]]
        assert (posting.title, posting.company, posting.location) == (row["title"], row["company"], row["location"])
        assert posting.sponsored == row["sponsored"]
        if row["remote_card"]:
            assert posting.remote
    for posting in page.postings:
        assert posting.url == f"https://ca.indeed.com/viewjob?jk={posting.key}"
