from .page import JobsIndexPage
from .records import Job, ScrapeRun, SearchQuery

__all__ = ["Job", "JobsIndexPage", "ScrapeRun", "SearchQuery"]
