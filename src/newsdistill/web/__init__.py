"""The reader's web app (FastAPI): front page, story pages, search, JSON API, Atom feed."""

from newsdistill.web.app import create_app

__all__ = ["create_app"]
