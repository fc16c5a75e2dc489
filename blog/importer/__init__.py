"""Feeds in: fetch (HTTP) -> parse (pure) -> store drafts (pipeline)."""
