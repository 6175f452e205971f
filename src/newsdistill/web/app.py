"""``create_app(db)``: a read-only FastAPI app over the store.

Everything from articles is escaped by the templates; a strict Content-Security-Policy forbids
scripts and outside assets; only GET routes exist; no route fetches anything a visitor names; bad
ids and parameters get 4xx pages, never 500.
"""

from __future__ import annotations

import math
import re
from urllib.parse import quote
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsdistill.publish.atom import render_atom
from newsdistill.publish.html import CSP, render_story, template_env
from newsdistill.publish.records import digest_from_dict
from newsdistill.store import Store
from newsdistill.store.search import HL_END, HL_START, search, story_ids_matching

PAGE_SIZE = 20
_ID = re.compile(r"^[\w.:-]{1,200}$")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def highlight(text: str) -> Markup:
    """Escape a search snippet, then turn the match markers into <mark> elements."""
    return Markup(str(escape(text)).replace(HL_START, "<mark>").replace(HL_END, "</mark>"))


def _env() -> Environment:
    env = template_env(ChoiceLoader([PackageLoader("newsdistill.web", "templates"),
                                     PackageLoader("newsdistill.publish", "templates")]))
    env.filters["highlight"] = highlight
    return env


def create_app(db: str | Path) -> FastAPI:
    store = Store(db)
    env = _env()
    app = FastAPI(title="newsdistill", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Distilled news stories, each sentence linked to its sources. Read-only.")

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx), status_code=status)

    def not_found(what: str) -> HTMLResponse:
        return page("notfound.html", 404, what=what)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN001
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        if exc.status_code == 404:
            return not_found("page")
        return page("notfound.html", exc.status_code, what="request", detail=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):  # noqa: ANN001
        detail = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": detail}, status_code=400)
        return page("notfound.html", 400, what="request", detail=detail)

    def story_list(q: str, page_no: int) -> tuple[list[dict[str, Any]], int]:
        ids = story_ids_matching(store, q) if q else None
        total = len(ids) if ids is not None else store.story_count(written=True)
        rows = store.stories(limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE, ids=ids, written=True)
        return rows, max(1, math.ceil(total / PAGE_SIZE))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def front(q: Annotated[str, Query(max_length=200)] = "", page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1):
        rows, pages = story_list(q, page_no)
        return page("front.html", stories=rows, q=q, page=page_no, pages=pages)

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        row = store.story(story_id) if _ID.match(story_id) else None
        if row and row["merged_into"]:  # absorbed into a larger story: its address leads there
            return RedirectResponse(f"/story/{quote(row['merged_into'], safe='')}", status_code=301)
        if not row or not row["digest"]:
            return not_found("story")
        digest = digest_from_dict(row["digest"])
        articles = store.articles(story_id=story_id)
        return HTMLResponse(render_story(digest, index_href="/", articles=articles))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=200)] = ""):
        return page("search.html", q=q, hits=search(store, q) if q else [])

    @app.get("/feed.atom", include_in_schema=False)
    def atom(request: Request):
        base = str(request.base_url)
        digests = [digest_from_dict(r["digest"]) for r in store.stories(limit=50, written=True)]
        feed = render_atom(digests, title="newsdistill", base_url=base,
                           link=lambda d: f"{base}story/{quote(d.story_id, safe='')}")
        return Response(feed, media_type="application/atom+xml")

    @app.get("/api/stories", summary="Latest stories", tags=["stories"])
    def api_stories(q: Annotated[str, Query(max_length=200, description="Keep stories whose headline or lede has every word.")] = "",
                    limit: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
                    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict[str, Any]:
        """Stories, most recently updated first: id, headline, lede, times, number of publishers."""
        ids = story_ids_matching(store, q) if q else None
        rows = store.stories(limit=limit, offset=offset, ids=ids, written=True)
        return {"stories": [_summary(r) for r in rows], "offset": offset, "limit": limit}

    @app.get("/api/stories/{story_id}", summary="One story's digest", tags=["stories"])
    def api_story(story_id: str) -> dict[str, Any]:
        """The whole digest (the `newsdistill digest --format json` shape) and the story's articles."""
        row = store.story(story_id) if _ID.match(story_id) else None
        if row and row["merged_into"]:
            return RedirectResponse(f"/api/stories/{quote(row['merged_into'], safe='')}", status_code=301)
        if not row or not row["digest"]:
            raise StarletteHTTPException(404, f"no story {story_id!r}")
        arts = store.articles(story_id=story_id)
        return {**row["digest"], "articles": [{"id": a.id, "url": a.url, "title": a.title, "outlet": a.outlet,
                                               "published": a.published.isoformat() if a.published else None}
                                              for a in arts]}

    @app.get("/api/search", summary="Full-text search", tags=["search"])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
        """Stories and articles with every word of `q`, best first; matches wrapped in `<mark>` in `snippet_html`."""
        return {"query": q, "results": [
            {"kind": h.kind, "id": h.id, "story": h.story_id, "title": h.title.replace(HL_START, "").replace(HL_END, ""),
             "snippet_html": str(highlight(h.snippet)), "updated": h.updated.isoformat() if h.updated else None,
             "outlet": h.outlet, "url": h.url} for h in search(store, q)]}

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_docs():
        return page("api.html", spec=app.openapi())

    app.state.store = store
    return app


def _summary(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "headline": r["headline"], "lede": r["lede"],
            "first_seen": r["first_seen"].isoformat() if r["first_seen"] else None,
            "updated": r["updated"].isoformat() if r["updated"] else None,
            "publishers": r["n_publishers"], "articles": r["n_articles"], "url": f"/story/{r['id']}"}
