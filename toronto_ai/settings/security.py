"""Content-Security-Policy directives (django-csp 4) for public pages and for the admins."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from csp.constants import NONE, SELF

# Video embeds editors may paste into posts (Wagtail embeds render an <iframe>).
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

_STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def inline_style_hashes(template: Path) -> list[str]:
    """CSP hash sources for the ``<style>`` blocks of a template that must not touch the
    database or static files (the 500 page), so the policy allows exactly those styles."""
    hashes = []
    for block in _STYLE_BLOCK.findall(template.read_text(encoding="utf-8")):
        digest = base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return hashes


def public_csp_directives(error_template: Path) -> dict:
    """The policy of every public page: scripts and styles only from our own origin."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, *inline_style_hashes(error_template)],
        "img-src": [SELF, "data:", "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


# Wagtail's admin still renders inline <script> (widget setup) and style attributes, and previews
# pages in an iframe of our own origin; it is only reachable by signed-in editors.
ADMIN_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF, "blob:"],
    "frame-src": [SELF, *EMBED_FRAME_SOURCES],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
