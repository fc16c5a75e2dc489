"""Small text helpers shared across apps."""

import unicodedata


def clean_query(raw: str | None, max_length: int = 200) -> str:
    """A visitor's search text made safe for any database backend: no control characters
    (PostgreSQL and SQLite reject NUL), collapsed whitespace, bounded length."""
    if not raw:
        return ""
    kept = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in raw)
    return " ".join(kept.split())[:max_length]
