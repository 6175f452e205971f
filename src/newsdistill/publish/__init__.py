"""Publish: a :class:`~newsdistill.model.Digest` as JSON, Markdown, HTML pages, a site, Atom."""

from newsdistill.publish.jsonout import digest_to_dict, digests_to_json
from newsdistill.publish.markdown import render_markdown

__all__ = ["digest_to_dict", "digests_to_json", "render_markdown"]
