"""The web app in a real browser: Debian's Chromium driven by Playwright."""

import shutil
from pathlib import Path

import pytest
from webstore import Server, fill

from newsdistill.web import create_app

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    db = tmp_path_factory.mktemp("browser") / "news.db"
    fill(db, n_stories=4).close()
    ARTIFACTS.mkdir(exist_ok=True)
    with Server(create_app(db)) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900}, java_script_enabled=True)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield server, page, errors
        browser.close()


def test_read_follow_cite_search(browser_page):
    server, page, errors = browser_page
    page.goto(server.url + "/")
    assert page.title() == "newsdistill"
    cards = page.locator(".story-card h2 a")
    assert cards.count() == 5
    page.screenshot(path=str(ARTIFACTS / "front.png"), full_page=True)

    first = cards.first
    headline = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/story/story-3")
    assert page.locator("h1").inner_text() == headline
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)

    cite = page.locator("a.cite").first
    target = cite.get_attribute("href")
    cite.click()
    assert page.url.endswith(target)
    source = page.locator(target)
    assert source.is_visible() and source.locator("a").get_attribute("href").startswith("https://")

    page.goto(server.url + "/")
    page.fill("#sq", "Town2 divers")
    page.press("#sq", "Enter")
    page.wait_for_load_state()
    assert "/search?q=Town2+divers" in page.url
    assert page.locator("mark").first.inner_text() in {"Town2", "divers", "Divers"}
    page.locator(".story-card h2 a").first.click()
    assert page.url.endswith("/story/story-2")
    assert errors == []


def test_hostile_markup_does_not_run_in_the_browser(browser_page):
    server, page, errors = browser_page
    for path in ["/", "/story/story-4", "/search?q=hostile"]:
        page.goto(server.url + path)
        assert page.evaluate("() => window.pwned === undefined"), path
        assert page.locator("img").count() == 0


def test_readable_on_a_phone(browser_page):
    server, page, _ = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "/story/story-1")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling
    page.screenshot(path=str(ARTIFACTS / "story-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1100, "height": 900})


def test_digest_site_story_renders_every_part(browser_page, tmp_path):
    from conftest import run_cli

    _, page, errors = browser_page
    site = tmp_path / "site"
    assert run_cli("digest", "--format", "html", "-o", str(site), "examples/").returncode == 0
    page.goto((site / "index.html").as_uri())
    page.locator(".story-card h2 a").first.click()
    page.wait_for_load_state()
    for heading in ["Key figures", "Quotes", "Where sources differ", "Sources"]:
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    assert page.locator("a.cite").count() > 5
    page.screenshot(path=str(ARTIFACTS / "digest-story.png"), full_page=True)
    assert errors == []
