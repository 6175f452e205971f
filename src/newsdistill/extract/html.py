"""HTML pages -> article text and metadata, with trafilatura."""

from __future__ import annotations

from typing import Any

import trafilatura


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """(text with paragraphs separated by blank lines, metadata) or None when no article is found."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
    )
    if doc is None or not doc.text:
        return None
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    meta = {
        "title": doc.title,
        "author": doc.author,
        "date": doc.date,
        "outlet": doc.sitename or doc.hostname,
        "language": doc.language,
        "url": doc.url,
        "canonical_url": doc.url,
    }
    return "\n\n".join(lines), {k: v for k, v in meta.items() if v}
